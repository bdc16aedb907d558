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
  EXPECT_EQ(transition(PostState::in_review, PostCommand::approve), PostState::approved);
  EXPECT_EQ(transition(PostState::approved, PostCommand::edit), PostState::in_review);
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
  EXPECT_TRUE(is_editable(PostState::approved));
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

#include "domain/accounts.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {
namespace {

TEST(Rfc3339, ParsesWhatItFormatsAndOffsets) {
  EXPECT_EQ(parse_rfc3339("2024-11-24T15:01:18.123Z"), 1732460478123);
  EXPECT_EQ(parse_rfc3339(format_rfc3339(951782400000)), 951782400000);
  EXPECT_EQ(parse_rfc3339("2024-11-24T16:01:18+01:00"), 1732460478000);
  EXPECT_EQ(parse_rfc3339("2024-11-24T10:01:18-05:00"), 1732460478000);
  for (auto bad : {"", "tomorrow", "2024-11-24", "2024-11-24 15:01:18Z", "2024-13-01T00:00:00Z",
                   "2024-11-24T25:00:00Z", "2024-11-24T15:01:18", "2024-11-24T15:01:18.Z",
                   "2024-11-24T15:01:18Zjunk"})
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
}

TEST(Accounts, UsernamesAndPasswords) {
  EXPECT_NO_THROW(validate_username("ava.chen_2-x"));
  for (auto bad : {"", "with space", "ümlaut", "semi;colon"})
    EXPECT_THROW(validate_username(bad), Error) << bad;
  EXPECT_THROW(validate_username(std::string(65, 'a')), Error);
  EXPECT_THROW(validate_password("short"), Error);
  EXPECT_THROW(validate_password(std::string(1025, 'x')), Error);
  EXPECT_NO_THROW(validate_password("eight ch"));
}

}  // namespace
}  // namespace greenroom::domain
