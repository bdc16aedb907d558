#pragma once
// Reading JSON request bodies strictly: the right content type, an object, known fields
// only, each of the right type. Every failure is a 400/415 saying what is allowed.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/context.hpp"

namespace greenroom::api {

nlohmann::json read_json_object(const http::RequestContext& ctx,
                                std::initializer_list<std::string_view> allowed_fields);

std::string require_string(const nlohmann::json& body, std::string_view field);
std::optional<std::string> optional_string(const nlohmann::json& body, std::string_view field);

// Query parameter `name`: a whole number lo..hi, `fallback` when absent; anything else is 400.
int read_int_query(const http::RequestContext& ctx, std::string_view name, int fallback, int lo,
                   int hi);

// Query parameter `limit`: 1..max, default when absent.
int read_limit(const http::RequestContext& ctx, int default_limit, int max_limit);

}  // namespace greenroom::api
