#pragma once
// Login rate limit: failed attempts are counted per username and per client address in a
// sliding window; past the limit every attempt is refused (429) until the window moves on.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace greenroom::api {

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  LoginLimiter(int max_failures, std::chrono::seconds window)
      : max_failures_(max_failures), window_(window) {}

  // Seconds to wait, or 0 when an attempt is allowed now.
  long retry_after(const std::string& username, const std::string& client_ip);
  void record_failure(const std::string& username, const std::string& client_ip);
  void record_success(const std::string& username);

 private:
  long check(std::deque<Clock::time_point>& q, Clock::time_point now, int limit);
  int max_failures_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_user_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_ip_;
};

}  // namespace greenroom::api
