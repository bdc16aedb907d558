// The pure parts of coaching evidence: clean submissions, approval rounds, time in review,
// weekly buckets, and the level-suggestion rule exactly at each of its thresholds.
#include <gtest/gtest.h>

#include "domain/coaching_evidence.hpp"
#include "domain/goals.hpp"

namespace greenroom::domain {
namespace {

constexpr Millis kHour = 3'600'000;

// Evidence that meets the default rule exactly: 5 posts approved in one round each, 10 clean
// submissions, rubric totals averaging exactly 4.0 over 5 verdicts, no goal missed.
LevelEvidence exactly_enough() {
  LevelEvidence e;
  e.level = Level::crawl;
  for (int i = 0; i < 5; ++i) e.approvals.push_back({100 - i, 1000 - i, 1});
  for (int i = 0; i < 10; ++i) e.submissions.push_back({200 - i, 100 - i, 2000 - i, true});
  e.rubric_totals = {16, 16, 16, 16, 16};
  return e;
}

const Criterion& criterion(const LevelSuggestion& s, const std::string& name) {
  for (const auto& c : s.criteria)
    if (c.name == name) return c;
  throw std::runtime_error("no criterion " + name);
}

TEST(EvidenceRules, ASubmissionIsCleanWhenNoVersionSinceThePreviousOneHadAnError) {
  // Post 1: saved with an error (e1), fixed and saved (e2), submitted (e3): not clean, because
  // the post had an error since its creation. Post 1 again: changes asked, edited (e4, clean),
  // resubmitted (e5): clean. Post 2: submitted straight away, clean (e6).
  const std::vector<EvidenceEvent> events = {{1, 1, 10, false, 2}, {2, 1, 20, false, 0},
                                             {3, 1, 30, true, 0},  {4, 1, 40, false, 0},
                                             {5, 1, 50, true, 0},  {6, 2, 60, true, 0}};
  auto out = submission_outcomes(events);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].clean);
  EXPECT_TRUE(out[1].clean);
  EXPECT_TRUE(out[2].clean);
  EXPECT_EQ(out[1].event_id, 5);
}

TEST(EvidenceRules, ApprovalsCountTheRoundsSinceThePreviousApproval) {
  const std::vector<EvidenceVerdict> verdicts = {
      {1, 7, 10, false, 3, 3, 3, 3},  // post 7: changes
      {2, 8, 15, true, 5, 5, 5, 5},   // post 8: approved at once
      {3, 7, 20, false, 3, 3, 3, 3},  // post 7: changes again
      {4, 7, 30, true, 4, 4, 4, 4},   // post 7: approved in the third round
      {5, 7, 40, true, 4, 4, 4, 4}};  // post 7 edited after approval, approved at once
  auto a = approvals(verdicts);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].rounds, 1);
  EXPECT_EQ(a[1].rounds, 3);
  EXPECT_EQ(a[2].rounds, 1);
  EXPECT_EQ(a[1].post_id, 7);
}

TEST(EvidenceRules, TimeInReviewRunsFromTheLatestSubmissionBeforeTheVerdict) {
  const std::vector<EvidenceEvent> events = {{1, 1, 0, true, 0}, {2, 1, 10 * kHour, true, 0}};
  const std::vector<EvidenceVerdict> verdicts = {{1, 1, 4 * kHour, false, 3, 3, 3, 3},
                                                 {2, 1, 12 * kHour, true, 4, 4, 4, 4},
                                                 {3, 9, 12 * kHour, true, 4, 4, 4, 4}};
  auto s = seconds_in_review(events, verdicts);
  ASSERT_EQ(s.size(), 2u);  // post 9 has no recorded submission
  EXPECT_EQ(s[0].second, 4 * 3600.0);
  EXPECT_EQ(s[1].second, 2 * 3600.0);
}

TEST(EvidenceRules, WeeksBucketEverythingByWhenItHappened) {
  const Millis from = 1'795'392'000'000;  // a Monday
  const Millis week = 7 * 24 * kHour;
  const std::vector<EvidenceEvent> events = {{1, 1, from + 1, false, 1},
                                             {2, 1, from + 2, true, 0},
                                             {3, 2, from + week + 1, true, 0},
                                             {4, 3, from - 1, true, 0}};  // before the weeks
  const std::vector<EvidenceVerdict> verdicts = {{1, 1, from + kHour, true, 4, 5, 3, 4},
                                                 {2, 2, from + week + kHour, false, 2, 2, 2, 2}};
  const std::vector<EvidenceFinding> findings = {{"banned_terms", "error", from + 1, true},
                                                 {"hashtags", "warning", from + week, false}};
  auto w = weekly_evidence(from, 2, events, verdicts, findings);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].submissions, 1);
  EXPECT_EQ(w[0].clean_submissions, 0);
  EXPECT_EQ(w[0].error_findings, 1);
  EXPECT_EQ(w[0].fixed_next_version, 1);
  EXPECT_EQ(w[0].approvals, 1);
  EXPECT_EQ(w[0].approved_without_changes, 1);
  EXPECT_EQ(w[0].rubric.clarity, 4);
  ASSERT_EQ(w[0].review_seconds.size(), 1u);
  EXPECT_DOUBLE_EQ(w[0].review_seconds[0], 3599.998);
  EXPECT_EQ(w[1].submissions, 1);
  EXPECT_EQ(w[1].clean_submissions, 1);
  EXPECT_EQ(w[1].warning_findings, 1);
  EXPECT_EQ(w[1].approvals, 0);
  EXPECT_EQ(w[1].verdicts, 1);
  auto t = total(w);
  EXPECT_EQ(t.submissions, 2);
  EXPECT_EQ(t.findings, 2);
  auto rules = rule_counts(findings);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].rule, "banned_terms");  // ties by name
}

TEST(LevelSuggestionRule, ExactlyAtEveryThresholdSuggestsTheNextLevel) {
  auto s = suggest_level(exactly_enough(), SuggestionRule{});
  EXPECT_TRUE(s.suggest);
  EXPECT_EQ(s.to, Level::walk);
  auto walk = exactly_enough();
  walk.level = Level::walk;
  EXPECT_EQ(suggest_level(walk, SuggestionRule{}).to, Level::run);
  auto run = exactly_enough();
  run.level = Level::run;
  EXPECT_FALSE(suggest_level(run, SuggestionRule{}).suggest);  // nothing after Run
}

TEST(LevelSuggestionRule, ApprovedPostsThreshold) {
  auto e = exactly_enough();
  e.approvals.pop_back();  // only 4 approvals
  auto s = suggest_level(e, SuggestionRule{});
  EXPECT_FALSE(s.suggest);
  EXPECT_FALSE(criterion(s, "approved_posts").met);
  e = exactly_enough();
  e.approvals[4].rounds = 2;  // the fifth newest took two rounds
  EXPECT_FALSE(suggest_level(e, SuggestionRule{}).suggest);
  SuggestionRule two_rounds;
  two_rounds.max_rounds = 2;
  EXPECT_TRUE(suggest_level(e, two_rounds).suggest);
  e = exactly_enough();
  e.approvals.push_back({1, 1, 3});  // a sixth, older approval in 3 rounds: outside the 5
  EXPECT_TRUE(suggest_level(e, SuggestionRule{}).suggest);
  e = exactly_enough();
  e.approvals[0].rounds = 2;  // the newest took two rounds
  EXPECT_FALSE(suggest_level(e, SuggestionRule{}).suggest);
}

TEST(LevelSuggestionRule, CleanSubmissionsThreshold) {
  auto e = exactly_enough();
  e.submissions.pop_back();  // 9 submissions
  EXPECT_FALSE(criterion(suggest_level(e, SuggestionRule{}), "clean_submissions").met);
  e = exactly_enough();
  e.submissions[9].clean = false;  // the tenth newest had an error
  EXPECT_FALSE(suggest_level(e, SuggestionRule{}).suggest);
  e = exactly_enough();
  e.submissions.push_back({1, 1, 1, false});  // the eleventh newest had one: outside the 10
  EXPECT_TRUE(suggest_level(e, SuggestionRule{}).suggest);
}

TEST(LevelSuggestionRule, RubricAverageThreshold) {
  auto e = exactly_enough();
  e.rubric_totals[4] = 15;  // 79 / 20 = 3.95 < 4
  auto s = suggest_level(e, SuggestionRule{});
  EXPECT_FALSE(s.suggest);
  EXPECT_DOUBLE_EQ(criterion(s, "rubric_average").value, 3.95);
  e.rubric_totals.push_back(20);  // a sixth, older verdict does not lift it
  EXPECT_FALSE(suggest_level(e, SuggestionRule{}).suggest);
  SuggestionRule lower;
  lower.min_rubric_average_hundredths = 395;  // exactly 3.95 is enough then
  EXPECT_TRUE(suggest_level(e, lower).suggest);
  e = exactly_enough();
  e.rubric_totals = {20, 20, 20, 20};  // 5.0, but only 4 verdicts
  EXPECT_FALSE(criterion(suggest_level(e, SuggestionRule{}), "rubric_average").met);
}

TEST(LevelSuggestionRule, GoalsMetThreshold) {
  auto e = exactly_enough();
  e.goals_past_due = 2;
  e.goals_missed = 1;
  EXPECT_FALSE(suggest_level(e, SuggestionRule{}).suggest);
  SuggestionRule lenient;
  lenient.require_goals_met = false;
  EXPECT_TRUE(suggest_level(e, lenient).suggest);
  e.goals_missed = 0;
  EXPECT_TRUE(suggest_level(e, SuggestionRule{}).suggest);
}

TEST(GoalTerms, ADueDateMustFitTheTerm) {
  const Millis now = 1'795'392'000'000, day = 24 * kHour;
  EXPECT_FALSE(term_misfit(GoalTerm::short_term, now, now + 30 * day));
  EXPECT_TRUE(term_misfit(GoalTerm::short_term, now, now + 30 * day + 1));
  EXPECT_TRUE(term_misfit(GoalTerm::mid_term, now, now + 14 * day - 1));
  EXPECT_FALSE(term_misfit(GoalTerm::mid_term, now, now + 14 * day));
  EXPECT_FALSE(term_misfit(GoalTerm::mid_term, now, now + 120 * day));
  EXPECT_TRUE(term_misfit(GoalTerm::mid_term, now, now + 120 * day + 1));
  EXPECT_TRUE(term_misfit(GoalTerm::long_term, now, now + 60 * day - 1));
  EXPECT_FALSE(term_misfit(GoalTerm::long_term, now, now + 60 * day));
  EXPECT_TRUE(term_misfit(GoalTerm::long_term, now, now + 731 * day));
  EXPECT_EQ(parse_goal_metric("replies_within_24h"), GoalMetric::replies_within_24h);
  EXPECT_EQ(to_string(GoalMetric::questions_answered), "questions_answered");
  // The social metrics read back as they are written.
  for (auto m : {GoalMetric::people_followed, GoalMetric::feeds_followed, GoalMetric::reading_days,
                 GoalMetric::mentions_answered})
    EXPECT_EQ(parse_goal_metric(to_string(m)), m) << to_string(m);
  EXPECT_FALSE(parse_goal_metric("people_follow"));
}

}  // namespace
}  // namespace greenroom::domain
