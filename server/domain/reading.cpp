#include "domain/reading.hpp"

#include <algorithm>

namespace greenroom::domain {

Millis next_fetch_after_failure(Millis now, std::int64_t failures, Millis retry,
                                Millis max_backoff) {
  Millis wait = std::max<Millis>(retry, 1000);
  for (std::int64_t i = 1; i < failures && wait < max_backoff; ++i) wait *= 2;
  return now + std::min(wait, max_backoff);
}

std::string utc_day(Millis t) {
  return format_rfc3339(t).substr(0, 10);
}

}  // namespace greenroom::domain
