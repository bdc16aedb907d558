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

long LoginLimiter::wait_for(Entry& e, Clock::time_point now, int limit) {
  while (!e.attempts.empty() && now - e.attempts.front() >= window_) e.attempts.pop_front();
  if (static_cast<int>(e.attempts.size()) < limit) return 0;
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(e.attempts.front() + window_ - now);
  return std::max<long>(1, static_cast<long>(wait.count()));
}

void LoginLimiter::prune(Clock::time_point now) {
  // Bounded memory under a spray of usernames or addresses: forget idle, stale entries.
  if (now - last_prune_ < std::chrono::seconds(10) && by_user_.size() + by_ip_.size() < 50000)
    return;
  last_prune_ = now;
  for (auto* map : {&by_user_, &by_ip_})
    for (auto it = map->begin(); it != map->end();)
      it = (it->second.in_flight == 0 &&
            (it->second.attempts.empty() || now - it->second.attempts.back() >= window_))
               ? map->erase(it)
               : std::next(it);
}

LoginLimiter::Decision LoginLimiter::begin(const std::string& username,
                                           const std::string& client_ip) {
  std::lock_guard lock(mu_);
  const auto now = Clock::now();
  prune(now);
  auto& user = by_user_[fold(username)];
  auto& ip = by_ip_[client_ip];
  Decision d;
  // An address may try several accounts, so it gets a larger allowance.
  d.retry_after =
      std::max(wait_for(user, now, max_failures_), wait_for(ip, now, max_failures_ * 4));
  if (d.retry_after > 0) return d;
  if (user.in_flight >= kMaxInFlightPerUser || ip.in_flight >= kMaxInFlightPerIp ||
      in_flight_ >= kMaxInFlight) {
    d.busy = true;
    return d;
  }
  user.attempts.push_back(now);
  ip.attempts.push_back(now);
  ++user.in_flight;
  ++ip.in_flight;
  ++in_flight_;
  return d;
}

void LoginLimiter::finish(const std::string& username, const std::string& client_ip, bool success) {
  std::lock_guard lock(mu_);
  --in_flight_;
  auto user = by_user_.find(fold(username));
  auto ip = by_ip_.find(client_ip);
  if (user != by_user_.end()) {
    --user->second.in_flight;
    if (success) user->second.attempts.clear();
  }
  if (ip != by_ip_.end()) {
    --ip->second.in_flight;
    if (success && !ip->second.attempts.empty()) ip->second.attempts.pop_back();
  }
}

}  // namespace greenroom::api
