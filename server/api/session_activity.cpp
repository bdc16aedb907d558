#include "api/session_activity.hpp"

namespace greenroom::api {

bool SessionActivity::should_touch(const std::string& token_hash, domain::Millis last_seen,
                                   domain::Millis now) {
  if (now - last_seen < kTouchGap) return false;
  std::lock_guard lock(mu_);
  auto [it, fresh] = noted_.try_emplace(token_hash, now);
  if (!fresh) {
    if (now - it->second < kTouchGap) return false;
    it->second = now;
  }
  if (noted_.size() > 4096)
    std::erase_if(noted_, [now](const auto& e) { return now - e.second >= kTouchGap; });
  return true;
}

}  // namespace greenroom::api
