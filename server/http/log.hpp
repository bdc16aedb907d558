#pragma once
// Structured logs: one JSON object per line on stderr.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace greenroom::http {

void log_event(std::string_view level, std::string_view msg, const nlohmann::json& fields);
void set_request_logging(bool on);
bool request_logging();

}  // namespace greenroom::http
