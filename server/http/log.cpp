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
}  // namespace

void set_request_logging(bool on) {
  g_request_logging = on;
}
bool request_logging() {
  return g_request_logging;
}

void log_event(std::string_view level, std::string_view msg, const nlohmann::json& fields) {
  nlohmann::json line = fields;
  line["ts"] = domain::format_rfc3339(domain::now_millis());
  line["level"] = level;
  line["msg"] = msg;
  auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard lock(g_log_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace greenroom::http
