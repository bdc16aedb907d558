#pragma once
// Rules of the reading list: how many feeds a person may follow, when a feed is fetched
// again, what "new since yesterday" counts, and the calendar day of a reading day.
#include <cstdint>
#include <string>

#include "domain/time.hpp"

namespace greenroom::domain {

inline constexpr int kMaxSubscriptionsPerPerson = 100;
// "N new since yesterday": unread entries dated within this window before now.
inline constexpr Millis kNewSinceWindow = 24LL * 3600 * 1000;

// After a failure: retry * 2^(failures-1), at most max_backoff (failures counts this one).
Millis next_fetch_after_failure(Millis now, std::int64_t failures, Millis retry,
                                Millis max_backoff);

// "YYYY-MM-DD" of the UTC day holding `t`.
std::string utc_day(Millis t);

}  // namespace greenroom::domain
