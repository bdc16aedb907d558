#pragma once
// Goals a coach sets for an executive; progress is counted from real activity.
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/time.hpp"

namespace greenroom::domain {

enum class GoalMetric { company_posts, practice_posts, replies, likes_received };
enum class GoalTerm { short_term, mid_term, long_term };
enum class GoalStatus { on_track, due_soon, overdue, done };

inline constexpr Millis kDueSoonWindow = 48LL * 3600 * 1000;

std::optional<GoalMetric> parse_goal_metric(std::string_view s);
std::optional<GoalTerm> parse_goal_term(std::string_view s);
std::string_view to_string(GoalMetric m);
std::string_view to_string(GoalTerm t);
std::string_view to_string(GoalStatus s);

GoalStatus goal_status(std::int64_t progress, std::int64_t target, Millis now, Millis due_at);

}  // namespace greenroom::domain
