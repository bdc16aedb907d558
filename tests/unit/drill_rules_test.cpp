// Drill rules: status and overdue, the simulated label, the drills_completed goal metric,
// and who sees a drill and its replies (domain/permissions).
#include <gtest/gtest.h>

#include "domain/drills.hpp"
#include "domain/goals.hpp"
#include "domain/permissions.hpp"

namespace greenroom::domain {
namespace {

TEST(DrillRules, StatusFollowsThePostAndTheCoachsCompletion) {
  EXPECT_EQ(drill_status(false, false), DrillStatus::assigned);
  EXPECT_EQ(drill_status(true, false), DrillStatus::in_progress);
  EXPECT_EQ(drill_status(true, true), DrillStatus::completed);
  EXPECT_EQ(to_string(DrillStatus::in_progress), "in_progress");
  const Millis now = 1'000'000;
  EXPECT_FALSE(drill_overdue(DrillStatus::assigned, now, now));     // due this instant
  EXPECT_TRUE(drill_overdue(DrillStatus::assigned, now, now - 1));  // one ms late
  EXPECT_TRUE(drill_overdue(DrillStatus::in_progress, now, now - 1));
  EXPECT_FALSE(drill_overdue(DrillStatus::completed, now, now - 1));  // done is never late
  EXPECT_EQ(simulated_label("Sceptical engineer"),
            "Simulated reply \u2014 played by your coach as Sceptical engineer");
}

TEST(DrillRules, DrillsCompletedIsAGoalMetric) {
  auto m = parse_goal_metric("drills_completed");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(*m, GoalMetric::drills_completed);
  EXPECT_EQ(to_string(GoalMetric::drills_completed), "drills_completed");
  EXPECT_FALSE(parse_goal_metric("drills").has_value());
  EXPECT_EQ(goal_status(2, 2, 10, 5), GoalStatus::done);
}

TEST(DrillRules, ADrillIsTheExecutivesAndTheirCoachesOnly) {
  const Actor exec{1, Role::executive, Level::walk}, coach{2, Role::coach, std::nullopt},
      other_coach{3, Role::coach, std::nullopt}, peer{4, Role::executive, Level::walk},
      admin{5, Role::admin, std::nullopt}, moderator{6, Role::moderator, std::nullopt};
  const Relation coaches{.coaches_author = true}, cohort{.shares_coach = true}, none{};
  EXPECT_TRUE(can_view_drill(exec, 1, none));
  EXPECT_TRUE(can_view_drill(coach, 1, coaches));
  EXPECT_FALSE(can_view_drill(other_coach, 1, none));
  EXPECT_FALSE(can_view_drill(peer, 1, cohort));
  EXPECT_FALSE(can_view_drill(admin, 1, none));
  EXPECT_FALSE(can_view_drill(moderator, 1, none));
  EXPECT_TRUE(can_run_drill(coach, coaches));
  EXPECT_FALSE(can_run_drill(exec, none));
  EXPECT_FALSE(can_run_drill(other_coach, none));

  // A persona reply by the coach, private to executive 1: related to the executive.
  const ReplyFacts persona{10, 100, 2, ReplyState::visible, ReplyReview::none, 1};
  EXPECT_EQ(reply_relation_subject(persona), 1);
  EXPECT_FALSE(is_reply_public(persona));
  EXPECT_TRUE(can_view_reply(exec, persona, none));
  EXPECT_TRUE(can_view_reply(coach, persona, coaches));
  EXPECT_TRUE(can_view_reply(coach, persona, none));  // its author
  EXPECT_FALSE(can_view_reply(other_coach, persona, none));
  EXPECT_FALSE(can_view_reply(peer, persona, cohort));
  EXPECT_FALSE(can_view_reply(admin, persona, none));
  EXPECT_FALSE(can_view_reply(moderator, persona, none));
  auto removed = persona;
  removed.state = ReplyState::removed;
  EXPECT_FALSE(can_view_reply(exec, removed, none));
  // An ordinary reply is related to its author, and public as before.
  const ReplyFacts plain{11, 100, 4, ReplyState::visible, ReplyReview::none};
  EXPECT_EQ(reply_relation_subject(plain), 4);
  EXPECT_TRUE(is_reply_public(plain));
  EXPECT_TRUE(can_view_reply(admin, plain, none));
}

}  // namespace
}  // namespace greenroom::domain
