#include "api/json_body.hpp"

#include <algorithm>
#include <charconv>

#include "domain/errors.hpp"

namespace greenroom::api {

using domain::bad_request;

nlohmann::json read_json_object(const http::RequestContext& ctx,
                                std::initializer_list<std::string_view> allowed_fields) {
  auto type = ctx.header("Content-Type").value_or("");
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (type.rfind("application/json", 0) != 0)
    throw domain::Error(domain::ErrorKind::unsupported_media, "unsupported_media_type",
                        "Send the request body as JSON with Content-Type: application/json.");
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(ctx.request().body());
  } catch (const nlohmann::json::parse_error& e) {
    throw bad_request("The request body is not valid JSON (at byte " + std::to_string(e.byte) +
                          "); send a JSON object.",
                      "invalid_json");
  } catch (const nlohmann::json::exception&) {
    // Found by tests/fuzz/json_body_fuzz: a number out of range ("1e400") is not a
    // parse_error but an out_of_range.
    throw bad_request(
        "The request body is not valid JSON (a number is out of range); send a "
        "JSON object.",
        "invalid_json");
  }
  if (!body.is_object())
    throw bad_request("The request body must be a JSON object.", "invalid_json");
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed_fields.begin(), allowed_fields.end(), key) == allowed_fields.end()) {
      std::string allowed;
      for (auto f : allowed_fields) allowed += (allowed.empty() ? "" : ", ") + std::string(f);
      // At most 40 bytes of the client's key are echoed back (fuzzing found megabyte keys).
      std::size_t cut = std::min<std::size_t>(key.size(), 40);
      while (cut < key.size() && cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80)
        --cut;  // not inside a UTF-8 sequence
      const auto shown = cut < key.size() ? key.substr(0, cut) + "..." : key;
      throw bad_request("Unknown field \"" + shown + "\"; allowed fields: " + allowed + ".");
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

int read_limit(const http::RequestContext& ctx, int default_limit, int max_limit) {
  auto raw = ctx.query("limit");
  if (!raw) return default_limit;
  int v = 0;
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || p != raw->data() + raw->size() || v < 1 || v > max_limit)
    throw bad_request("limit must be a whole number from 1 to " + std::to_string(max_limit) + ".");
  return v;
}

}  // namespace greenroom::api
