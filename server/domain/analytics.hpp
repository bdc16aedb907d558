#pragma once
// Engagement analytics: the pure parts (weeks, medians, percent change, who may see whose
// figures). The counting itself is SQL in store/analytics_repository.*; what is counted is
// public activity only (published posts, replies out for everyone, likes on published posts),
// so hidden, removed and held items never count.
#include <optional>
#include <vector>

#include "domain/model.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {

constexpr Millis kDayMillis = 86'400'000;
constexpr Millis kWeekMillis = 7 * kDayMillis;

// The start (Monday 00:00 UTC) of the week holding `t`.
Millis week_start(Millis t);

// (after - before) / before * 100, rounded to two decimals; nullopt when before is 0.
std::optional<double> change_percent(long long before, long long after);

// The median of the values (the mean of the middle two for an even count); nullopt if none.
std::optional<double> median(std::vector<double> values);

// Weekly engagement of `subject_id`: admins for anyone, an executive for themself, a coach for
// the executives they coach (`coaches_subject`). Members see none, not even their own.
bool can_view_engagement(const Actor& actor, std::int64_t subject_id, bool coaches_subject);

// The joining effect of a person (company-wide counts around their first company post):
// admins, coaches, and the person themself.
bool can_view_joining_effect(const Actor& actor, std::int64_t subject_id);

}  // namespace greenroom::domain
