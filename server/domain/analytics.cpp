#include "domain/analytics.hpp"

#include <algorithm>
#include <cmath>

namespace greenroom::domain {

Millis week_start(Millis t) {
  // 1970-01-01 was a Thursday: Monday 1969-12-29 is 3 days before the epoch.
  constexpr Millis kMondayOffset = 3 * kDayMillis;
  const Millis shifted = t + kMondayOffset;
  Millis weeks = shifted / kWeekMillis;
  if (shifted % kWeekMillis < 0) --weeks;  // floor for times before the epoch
  return weeks * kWeekMillis - kMondayOffset;
}

std::optional<double> change_percent(long long before, long long after) {
  if (before == 0) return std::nullopt;
  const double raw = static_cast<double>(after - before) / static_cast<double>(before) * 100.0;
  // + 0.0 turns a negative zero (-0.001 rounded) into 0: "-0.0%" would read as a fall.
  return std::round(raw * 100.0) / 100.0 + 0.0;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  const auto mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2.0;
}

bool can_view_engagement(const Actor& actor, std::int64_t subject_id, bool coaches_subject) {
  switch (actor.role) {
    case Role::admin:
      return true;
    case Role::executive:
      return actor.id == subject_id;
    case Role::coach:
      return coaches_subject;
    case Role::moderator:
    case Role::member:
      return false;
  }
  return false;
}

bool can_view_joining_effect(const Actor& actor, std::int64_t subject_id) {
  return actor.role == Role::admin || actor.role == Role::coach || actor.id == subject_id;
}

}  // namespace greenroom::domain
