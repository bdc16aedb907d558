#include "api/json_body.hpp"

#include <algorithm>
#include <charconv>

#include <cstdint>
#include <limits>

#include "domain/errors.hpp"
#include "http/log.hpp"

namespace greenroom::api {

using domain::bad_request;

namespace {

constexpr int kMaxDepth = 32;

// Thrown from the parser callback: a body that parses as JSON but that no field can take.
struct Refused {
  std::string message;
};

}  // namespace

nlohmann::json read_json_object(const http::RequestContext& ctx,
                                std::initializer_list<std::string_view> allowed_fields) {
  auto type = ctx.header("Content-Type").value_or("");
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (type.rfind("application/json", 0) != 0)
    throw domain::Error(domain::ErrorKind::unsupported_media, "unsupported_media_type",
                        "Send the request body as JSON with Content-Type: application/json.");
  // Refused while parsing: nesting deeper than any request needs, and whole numbers beyond
  // the signed 64-bit range (so every integer field can be read as std::int64_t safely).
  auto check = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if ((event == E::object_start || event == E::array_start) && depth >= kMaxDepth)
      throw Refused{"The request body is nested more than " + std::to_string(kMaxDepth) +
                    " levels deep."};
    if (event == E::value && parsed.is_number_unsigned() &&
        parsed.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      throw Refused{
          "A number in the request body is out of range; whole numbers must be between "
          "-9223372036854775808 and 9223372036854775807."};
    return true;
  };
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(ctx.request().body(), check);
  } catch (const nlohmann::json::parse_error& e) {
    throw bad_request("The request body is not valid JSON (at byte " + std::to_string(e.byte) +
                          "); send a JSON object.",
                      "invalid_json");
  } catch (const nlohmann::json::exception&) {
    // out_of_range 406: a number too large for a double (1e400, a 400-digit integer).
    throw bad_request(
        "A number in the request body is out of range (too large to represent); send a JSON "
        "object with numbers in range.",
        "invalid_json");
  } catch (const Refused& r) {
    throw bad_request(r.message, "invalid_json");
  }
  if (!body.is_object())
    throw bad_request("The request body must be a JSON object.", "invalid_json");
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed_fields.begin(), allowed_fields.end(), key) == allowed_fields.end()) {
      std::string allowed;
      for (auto f : allowed_fields) allowed += (allowed.empty() ? "" : ", ") + std::string(f);
      throw bad_request("Unknown field \"" + http::clip(key, 64) +
                        "\"; allowed fields: " + allowed + ".");
    }
  }
  return body;
}

std::string require_string(const nlohmann::json& body, std::string_view field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null())
    throw bad_request("The field \"" + std::string(field) + "\" is required.");
  if (!it->is_string())
    throw bad_request("The field \"" + std::string(field) + "\" must be a string.");
  return it->get<std::string>();
}

std::optional<std::string> optional_string(const nlohmann::json& body, std::string_view field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string())
    throw bad_request("The field \"" + std::string(field) + "\" must be a string.");
  return it->get<std::string>();
}

int read_int_query(const http::RequestContext& ctx, std::string_view name, int fallback, int lo,
                   int hi) {
  auto raw = ctx.query(name);
  if (!raw) return fallback;
  int v = 0;
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || p != raw->data() + raw->size() || v < lo || v > hi)
    throw bad_request(std::string(name) + " must be a whole number from " + std::to_string(lo) +
                      " to " + std::to_string(hi) + ".");
  return v;
}

int read_limit(const http::RequestContext& ctx, int default_limit, int max_limit) {
  return read_int_query(ctx, "limit", default_limit, 1, max_limit);
}

}  // namespace greenroom::api
