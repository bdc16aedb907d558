#include "domain/goals.hpp"

namespace greenroom::domain {

std::optional<GoalMetric> parse_goal_metric(std::string_view s) {
  if (s == "company_posts") return GoalMetric::company_posts;
  if (s == "practice_posts") return GoalMetric::practice_posts;
  if (s == "replies") return GoalMetric::replies;
  if (s == "likes_received") return GoalMetric::likes_received;
  return std::nullopt;
}

std::optional<GoalTerm> parse_goal_term(std::string_view s) {
  if (s == "short") return GoalTerm::short_term;
  if (s == "mid") return GoalTerm::mid_term;
  if (s == "long") return GoalTerm::long_term;
  return std::nullopt;
}

std::string_view to_string(GoalMetric m) {
  switch (m) {
    case GoalMetric::company_posts:
      return "company_posts";
    case GoalMetric::practice_posts:
      return "practice_posts";
    case GoalMetric::replies:
      return "replies";
    case GoalMetric::likes_received:
      return "likes_received";
  }
  return "unknown";
}

std::string_view to_string(GoalTerm t) {
  switch (t) {
    case GoalTerm::short_term:
      return "short";
    case GoalTerm::mid_term:
      return "mid";
    case GoalTerm::long_term:
      return "long";
  }
  return "unknown";
}

std::string_view to_string(GoalStatus s) {
  switch (s) {
    case GoalStatus::on_track:
      return "on_track";
    case GoalStatus::due_soon:
      return "due_soon";
    case GoalStatus::overdue:
      return "overdue";
    case GoalStatus::done:
      return "done";
  }
  return "unknown";
}

GoalStatus goal_status(std::int64_t progress, std::int64_t target, Millis now, Millis due_at) {
  if (progress >= target) return GoalStatus::done;
  if (now > due_at) return GoalStatus::overdue;
  if (due_at - now <= kDueSoonWindow) return GoalStatus::due_soon;
  return GoalStatus::on_track;
}

}  // namespace greenroom::domain
