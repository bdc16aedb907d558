#pragma once
// Keeps "last seen" cheap: a session's last use is written (through the writer, without
// waiting for it) at most once per `kTouchGap`, and this in-memory note stops the requests
// of that minute from each queueing the same write.
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/time.hpp"

namespace greenroom::api {

inline constexpr domain::Millis kTouchGap = 60'000;

class SessionActivity {
 public:
  // True (and noted) when this session's last use should be written now.
  bool should_touch(const std::string& token_hash, domain::Millis last_seen, domain::Millis now);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, domain::Millis> noted_;
};

}  // namespace greenroom::api
