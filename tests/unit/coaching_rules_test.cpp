// Pure coaching rules: the post lifecycle and goal status.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/goals.hpp"
#include "domain/post_lifecycle.hpp"

namespace greenroom::domain {
namespace {

TEST(Lifecycle, LegalTransitions) {
  EXPECT_EQ(transition(PostState::draft, PostCommand::submit), PostState::in_review);
  EXPECT_EQ(transition(PostState::draft, PostCommand::publish), PostState::published);
  EXPECT_EQ(transition(PostState::draft, PostCommand::edit), PostState::draft);
  EXPECT_EQ(transition(PostState::in_review, PostCommand::approve), PostState::published);
  EXPECT_EQ(transition(PostState::in_review, PostCommand::request_changes),
            PostState::changes_requested);
  EXPECT_EQ(transition(PostState::in_review, PostCommand::withdraw), PostState::draft);
  EXPECT_EQ(transition(PostState::changes_requested, PostCommand::edit),
            PostState::changes_requested);
  EXPECT_EQ(transition(PostState::changes_requested, PostCommand::submit), PostState::in_review);
  EXPECT_EQ(transition(PostState::approved, PostCommand::publish), PostState::published);
}

TEST(Lifecycle, IllegalTransitionsNameTheStateAndWhatIsAllowed) {
  try {
    transition(PostState::in_review, PostCommand::edit);
    FAIL() << "editing a post in review was allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.code(), "illegal_transition");
    EXPECT_STREQ(
        e.what(),
        "A post that is in_review cannot edit; allowed now: withdraw, approve, request changes.");
  }
  for (auto cmd : {PostCommand::edit, PostCommand::submit, PostCommand::publish,
                   PostCommand::withdraw, PostCommand::approve, PostCommand::request_changes}) {
    EXPECT_THROW(transition(PostState::published, cmd), Error);
    EXPECT_THROW(transition(PostState::removed, cmd), Error);
  }
  EXPECT_THROW(transition(PostState::changes_requested, PostCommand::approve), Error);
  EXPECT_THROW(transition(PostState::draft, PostCommand::approve), Error);
  EXPECT_TRUE(is_editable(PostState::draft));
  EXPECT_TRUE(is_editable(PostState::changes_requested));
  EXPECT_FALSE(is_editable(PostState::in_review));
  EXPECT_FALSE(is_editable(PostState::published));
}

TEST(Goals, StatusFromProgressAndDeadline) {
  const Millis now = 1'000'000'000'000;
  const Millis hour = 3600 * 1000;
  EXPECT_EQ(goal_status(3, 3, now, now - hour), GoalStatus::done);
  EXPECT_EQ(goal_status(5, 3, now, now + 100 * hour), GoalStatus::done);
  EXPECT_EQ(goal_status(1, 3, now, now - 1), GoalStatus::overdue);
  EXPECT_EQ(goal_status(1, 3, now, now + 47 * hour), GoalStatus::due_soon);
  EXPECT_EQ(goal_status(1, 3, now, now + 48 * hour), GoalStatus::due_soon);
  EXPECT_EQ(goal_status(1, 3, now, now + 49 * hour), GoalStatus::on_track);
  EXPECT_EQ(parse_goal_metric("replies"), GoalMetric::replies);
  EXPECT_FALSE(parse_goal_metric("followers"));
  EXPECT_EQ(to_string(*parse_goal_term("long")), "long");
}

}  // namespace
}  // namespace greenroom::domain
