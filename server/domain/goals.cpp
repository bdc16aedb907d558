#include "domain/goals.hpp"

namespace greenroom::domain {

std::optional<GoalMetric> parse_goal_metric(std::string_view s) {
  if (s == "company_posts") return GoalMetric::company_posts;
  if (s == "practice_posts") return GoalMetric::practice_posts;
  if (s == "replies") return GoalMetric::replies;
  if (s == "likes_received") return GoalMetric::likes_received;
  if (s == "replies_within_24h") return GoalMetric::replies_within_24h;
  if (s == "questions_answered") return GoalMetric::questions_answered;
  if (s == "people_followed") return GoalMetric::people_followed;
  if (s == "feeds_followed") return GoalMetric::feeds_followed;
  if (s == "reading_days") return GoalMetric::reading_days;
  if (s == "mentions_answered") return GoalMetric::mentions_answered;
  if (s == "drills_completed") return GoalMetric::drills_completed;
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
    case GoalMetric::replies_within_24h:
      return "replies_within_24h";
    case GoalMetric::questions_answered:
      return "questions_answered";
    case GoalMetric::people_followed:
      return "people_followed";
    case GoalMetric::feeds_followed:
      return "feeds_followed";
    case GoalMetric::reading_days:
      return "reading_days";
    case GoalMetric::mentions_answered:
      return "mentions_answered";
    case GoalMetric::drills_completed:
      return "drills_completed";
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

TermSpan term_span(GoalTerm t) {
  switch (t) {
    case GoalTerm::short_term:
      return {0, 30 * kTermDay};
    case GoalTerm::mid_term:
      return {14 * kTermDay, 120 * kTermDay};
    case GoalTerm::long_term:
      return {60 * kTermDay, 730 * kTermDay};
  }
  return {0, 0};
}

std::optional<std::string> term_misfit(GoalTerm t, Millis now, Millis due_at) {
  const auto span = term_span(t);
  const auto ahead = due_at - now;
  if (ahead >= span.min && ahead <= span.max) return std::nullopt;
  const auto days = [](Millis m) { return std::to_string(m / kTermDay); };
  std::string fits;
  switch (t) {
    case GoalTerm::short_term:
      fits = "a short-term goal is due within " + days(span.max) + " days";
      break;
    case GoalTerm::mid_term:
    case GoalTerm::long_term:
      fits = std::string("a ") + (t == GoalTerm::mid_term ? "mid" : "long") +
             "-term goal is due in " + days(span.min) + " to " + days(span.max) + " days";
      break;
  }
  return "The due date does not fit the term: " + fits + " from now (this one is due in " +
         days(ahead) + " days).";
}

GoalStatus goal_status(std::int64_t progress, std::int64_t target, Millis now, Millis due_at) {
  if (progress >= target) return GoalStatus::done;
  if (now > due_at) return GoalStatus::overdue;
  if (due_at - now <= kDueSoonWindow) return GoalStatus::due_soon;
  return GoalStatus::on_track;
}

}  // namespace greenroom::domain
