#pragma once
// Goals a coach sets for an executive; progress is counted from real activity.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace greenroom::domain {

// What a goal counts, in [created_at, due_at]:
//   company_posts, practice_posts  the executive's posts published there;
//   replies                        their visible replies;
//   likes_received                 likes on their posts;
//   replies_within_24h             their public replies to colleagues within 24 hours: on a
//                                  colleague's post within 24 h of its publication, or on
//                                  their own post within 24 h of a colleague's reply there;
//   questions_answered             questions they answered on the blog they host;
//   people_followed                people (enabled accounts) they follow when the goal is
//                                  read, whenever the follow began;
//   feeds_followed                 external feeds (reading list) they subscribe to when the
//                                  goal is read;
//   reading_days                   UTC days, from the goal's day to its due day, on which they
//                                  opened the reading view;
//   mentions_answered              published posts and visible public replies by someone else
//                                  that mention them, each answered by a visible public reply
//                                  of theirs on the same post written after it, in the window;
//   drills_completed               their drills a coach marked complete.
// Status is worked out on read: `done` as soon as the count reaches the target.
enum class GoalMetric {
  company_posts,
  practice_posts,
  replies,
  likes_received,
  replies_within_24h,
  questions_answered,
  people_followed,
  feeds_followed,
  reading_days,
  mentions_answered,
  drills_completed
};
enum class GoalTerm { short_term, mid_term, long_term };
enum class GoalStatus { on_track, due_soon, overdue, done };

inline constexpr Millis kDueSoonWindow = 48LL * 3600 * 1000;

std::optional<GoalMetric> parse_goal_metric(std::string_view s);
std::optional<GoalTerm> parse_goal_term(std::string_view s);
std::string_view to_string(GoalMetric m);
std::string_view to_string(GoalTerm t);
std::string_view to_string(GoalStatus s);

// Terms and the due dates they fit, counted from when the goal is set: short up to 30 days;
// mid from 14 to 120 days; long from 60 days to 2 years.
inline constexpr Millis kTermDay = 24LL * 3600 * 1000;
struct TermSpan {
  Millis min = 0, max = 0;
};
TermSpan term_span(GoalTerm t);
// nullopt when `due_at` fits the term from `now`; otherwise a sentence saying what fits.
std::optional<std::string> term_misfit(GoalTerm t, Millis now, Millis due_at);

GoalStatus goal_status(std::int64_t progress, std::int64_t target, Millis now, Millis due_at);

}  // namespace greenroom::domain
