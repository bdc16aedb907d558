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
  while (!e.attempts.empty() && now - e.attempts.front().at >= window_) e.attempts.pop_front();
  if (static_cast<int>(e.attempts.size()) < limit) return 0;
  auto wait =
      std::chrono::duration_cast<std::chrono::seconds>(e.attempts.front().at + window_ - now);
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
            (it->second.attempts.empty() || now - it->second.attempts.back().at >= window_))
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
  d.attempt = next_attempt_++;
  user.attempts.push_back({now, d.attempt});
  ip.attempts.push_back({now, d.attempt});
  ++user.in_flight;
  ++ip.in_flight;
  ++in_flight_;
  return d;
}

void LoginLimiter::take_back(Entry& e, std::uint64_t attempt) {
  auto it = std::find_if(e.attempts.begin(), e.attempts.end(),
                         [attempt](const Attempt& a) { return a.id == attempt; });
  if (it != e.attempts.end()) e.attempts.erase(it);
}

void LoginLimiter::finish(const std::string& username, const std::string& client_ip,
                          std::uint64_t attempt, bool success) {
  std::lock_guard lock(mu_);
  --in_flight_;
  auto user = by_user_.find(fold(username));
  auto ip = by_ip_.find(client_ip);
  if (user != by_user_.end()) {
    --user->second.in_flight;
    if (success) take_back(user->second, attempt);
  }
  if (ip != by_ip_.end()) {
    --ip->second.in_flight;
    if (success) take_back(ip->second, attempt);
  }
}

}  // namespace greenroom::api
