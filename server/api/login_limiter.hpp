#pragma once
// Login rate limit. Every attempt is counted before the password is checked (so parallel
// guesses cannot slip past the limit), per username and per client address, in a sliding
// window; a successful sign-in takes back its own attempt and nothing else (never another
// client's failures for the same username or address). Past the limit every attempt is
// refused (429) until the window moves on. At most a few password checks run at once per
// username and per address, and in all; the rest are refused as busy.
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace greenroom::api {

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  LoginLimiter(int max_failures, std::chrono::seconds window)
      : max_failures_(max_failures), window_(window) {}

  struct Decision {
    long retry_after = 0;       // > 0: rate limited, wait this many seconds
    bool busy = false;          // too many password checks in flight
    std::uint64_t attempt = 0;  // when allowed: names this attempt for finish()
    bool allowed() const { return retry_after == 0 && !busy; }
  };

  // Counts the attempt (when allowed) and marks a password check as in flight.
  Decision begin(const std::string& username, const std::string& client_ip);
  // Ends the check begun by begin(); a success takes back that attempt only.
  void finish(const std::string& username, const std::string& client_ip, std::uint64_t attempt,
              bool success);

  // Ends an allowed attempt exactly once, when it goes out of scope (every path of a
  // handler, exceptions included); set `success` once the password proved right.
  class Guard {
   public:
    Guard(LoginLimiter& limiter, std::string username, std::string client_ip, std::uint64_t attempt)
        : limiter_(limiter),
          username_(std::move(username)),
          ip_(std::move(client_ip)),
          attempt_(attempt) {}
    ~Guard() { limiter_.finish(username_, ip_, attempt_, success); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    bool success = false;

   private:
    LoginLimiter& limiter_;
    std::string username_;
    std::string ip_;
    std::uint64_t attempt_;
  };

  static constexpr int kMaxInFlightPerUser = 1;
  static constexpr int kMaxInFlightPerIp = 4;
  static constexpr int kMaxInFlight = 32;

 private:
  struct Attempt {
    Clock::time_point at;
    std::uint64_t id;
  };
  struct Entry {
    std::deque<Attempt> attempts;  // oldest first
    int in_flight = 0;
  };
  static void take_back(Entry& e, std::uint64_t attempt);
  long wait_for(Entry& e, Clock::time_point now, int limit);
  void prune(Clock::time_point now);

  int max_failures_;
  std::chrono::seconds window_;
  std::mutex mu_;
  int in_flight_ = 0;
  std::uint64_t next_attempt_ = 1;
  Clock::time_point last_prune_ = Clock::now();
  std::unordered_map<std::string, Entry> by_user_;
  std::unordered_map<std::string, Entry> by_ip_;
};

}  // namespace greenroom::api
