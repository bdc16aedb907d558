#include "api/login_limiter.hpp"

#include <algorithm>
#include <cctype>

namespace greenroom::api {
namespace {
std::string fold(const std::string& s) {
  std::string out = s;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

long LoginLimiter::check(std::deque<Clock::time_point>& q, Clock::time_point now, int limit) {
  while (!q.empty() && now - q.front() >= window_) q.pop_front();
  if (static_cast<int>(q.size()) < limit) return 0;
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(q.front() + window_ - now);
  return std::max<long>(1, static_cast<long>(wait.count()));
}

long LoginLimiter::retry_after(const std::string& username, const std::string& client_ip) {
  std::lock_guard lock(mu_);
  auto now = Clock::now();
  // An address may try several accounts, so it gets a larger allowance.
  return std::max(check(by_user_[fold(username)], now, max_failures_),
                  check(by_ip_[client_ip], now, max_failures_ * 4));
}

void LoginLimiter::record_failure(const std::string& username, const std::string& client_ip) {
  std::lock_guard lock(mu_);
  auto now = Clock::now();
  by_user_[fold(username)].push_back(now);
  by_ip_[client_ip].push_back(now);
  // Bound memory under a spray of usernames: drop empty and stale entries now and then.
  if (by_user_.size() > 100000) {
    for (auto it = by_user_.begin(); it != by_user_.end();)
      it = (it->second.empty() || now - it->second.back() >= window_) ? by_user_.erase(it)
                                                                       : std::next(it);
  }
}

void LoginLimiter::record_success(const std::string& username) {
  std::lock_guard lock(mu_);
  by_user_.erase(fold(username));
}

}  // namespace greenroom::api
