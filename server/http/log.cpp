#include "http/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "domain/time.hpp"

namespace greenroom::http {
namespace {
std::mutex g_log_mutex;
std::atomic<bool> g_request_logging{true};

// Clips every string in `j` (recursively, a few levels deep) so no field can carry a
// request-sized blob into the log.
void clip_strings(nlohmann::json& j, int depth) {
  if (j.is_string()) {
    auto& s = j.get_ref<std::string&>();
    if (s.size() > kMaxLoggedInput) s = clip(s);
  } else if ((j.is_object() || j.is_array()) && depth < 4) {
    for (auto& v : j) clip_strings(v, depth + 1);
  }
}
}  // namespace

void set_request_logging(bool on) {
  g_request_logging = on;
}
bool request_logging() {
  return g_request_logging;
}

std::string clip(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  // Step back over UTF-8 continuation bytes so a character is never split.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

void log_event(std::string_view level, std::string_view msg, const nlohmann::json& fields) {
  nlohmann::json line = fields;
  clip_strings(line, 0);
  line["ts"] = domain::format_rfc3339(domain::now_millis());
  line["level"] = level;
  line["msg"] = msg;
  auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard lock(g_log_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void log_request(const RequestLogEntry& e) {
  if (!request_logging()) return;
  nlohmann::json fields = {{"method", clip(e.method, 20)},
                           {"path", clip(e.path)},
                           {"route", e.route},
                           {"status", e.status},
                           {"duration_ms", e.seconds * 1000.0},
                           {"user_id", e.user_id},
                           {"client", e.client}};
  if (!e.peer.empty() && e.peer != e.client) fields["peer"] = e.peer;
  log_event("info", "request", fields);
}

}  // namespace greenroom::http
