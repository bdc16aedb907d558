#pragma once
// Structured logs: one JSON object per line on stderr. Client-controlled text never fills a
// line: every string field is clipped (kMaxLoggedInput bytes), and callers clip what they
// quote from a request (paths, header values, messages echoing input).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace greenroom::http {

inline constexpr std::size_t kMaxLoggedInput = 200;

void log_event(std::string_view level, std::string_view msg, const nlohmann::json& fields);
void set_request_logging(bool on);
bool request_logging();

// At most `max` bytes of `s` (cut on a UTF-8 character boundary), with "..." when cut.
std::string clip(std::string_view s, std::size_t max = kMaxLoggedInput);

// The access log line: one per answer, including the refusals made before routing.
struct RequestLogEntry {
  std::string_view method;
  std::string_view path;
  std::string_view route;
  int status = 0;
  double seconds = 0;
  std::int64_t user_id = 0;
  std::string_view client;
  std::string_view peer;  // the TCP peer, logged when it differs from the client (a proxy)
};
void log_request(const RequestLogEntry& e);

}  // namespace greenroom::http
