// The rules that close the ways around review: moves, held replies and who sees them.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"

namespace greenroom::domain {
namespace {

Actor executive(Level level, std::int64_t id = 1) {
  return {id, Role::executive, level};
}

TEST(ReviewRules, NeedsReviewFollowsTheTrainingLevel) {
  EXPECT_TRUE(needs_review(executive(Level::crawl), Space::practice));
  EXPECT_TRUE(needs_review(executive(Level::crawl), Space::company));
  EXPECT_FALSE(needs_review(executive(Level::walk), Space::practice));
  EXPECT_TRUE(needs_review(executive(Level::walk), Space::company));
  EXPECT_FALSE(needs_review(executive(Level::run), Space::company));
  EXPECT_FALSE(needs_review({1, Role::member, std::nullopt}, Space::company));
}

TEST(ReviewRules, AnApprovedPostMovedWhereReviewIsNeededGoesBackToReview) {
  EXPECT_EQ(state_after_move(executive(Level::walk), PostState::approved, Space::company),
            PostState::in_review);
  EXPECT_EQ(state_after_move(executive(Level::crawl), PostState::approved, Space::practice),
            PostState::in_review);
  EXPECT_EQ(state_after_move(executive(Level::walk), PostState::approved, Space::practice),
            PostState::approved);
  EXPECT_EQ(state_after_move(executive(Level::run), PostState::approved, Space::company),
            PostState::approved);
  EXPECT_EQ(state_after_move(executive(Level::walk), PostState::draft, Space::company),
            PostState::draft);
  EXPECT_EQ(state_after_move(executive(Level::walk), PostState::changes_requested, Space::company),
            PostState::changes_requested);
  for (auto s :
       {PostState::in_review, PostState::published, PostState::hidden, PostState::removed}) {
    try {
      state_after_move(executive(Level::walk), s, Space::company);
      ADD_FAILURE() << "moved a post that is " << to_string(s);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "illegal_transition");
    }
  }
}

TEST(ReviewRules, OnlyACrawlExecutivesCompanyReplyIsHeld) {
  EXPECT_EQ(decide_new_reply(executive(Level::crawl), Space::company), ReplyReview::in_review);
  EXPECT_EQ(decide_new_reply(executive(Level::crawl), Space::practice), ReplyReview::none);
  EXPECT_EQ(decide_new_reply(executive(Level::walk), Space::company), ReplyReview::none);
  EXPECT_EQ(decide_new_reply(executive(Level::run), Space::company), ReplyReview::none);
  EXPECT_EQ(decide_new_reply({1, Role::member, std::nullopt}, Space::company), ReplyReview::none);
  EXPECT_EQ(decide_new_reply({1, Role::coach, std::nullopt}, Space::company), ReplyReview::none);
}

TEST(ReviewRules, AHeldReplyIsSeenByItsAuthorAndTheirCoachesOnly) {
  const ReplyFacts held{7, 3, 1, ReplyState::visible, ReplyReview::in_review};
  const Relation none{}, coach{true, false}, cohort{false, true};
  EXPECT_TRUE(can_view_reply(executive(Level::crawl, 1), held, none));  // the author
  EXPECT_TRUE(can_view_reply({2, Role::coach, std::nullopt}, held, coach));
  EXPECT_FALSE(can_view_reply({3, Role::coach, std::nullopt}, held, none));
  EXPECT_FALSE(can_view_reply(executive(Level::run, 4), held, cohort));
  EXPECT_FALSE(can_view_reply({5, Role::moderator, std::nullopt}, held, none));
  EXPECT_FALSE(can_view_reply({6, Role::admin, std::nullopt}, held, none));
  EXPECT_FALSE(is_reply_public(held));
  auto changes = held;
  changes.review = ReplyReview::changes_requested;
  EXPECT_FALSE(can_view_reply({8, Role::member, std::nullopt}, changes, none));
  EXPECT_TRUE(can_view_reply({2, Role::coach, std::nullopt}, changes, coach));
  for (auto out : {ReplyReview::none, ReplyReview::approved}) {
    auto r = held;
    r.review = out;
    EXPECT_TRUE(is_reply_public(r));
    EXPECT_TRUE(can_view_reply({8, Role::member, std::nullopt}, r, none));
  }
  auto hidden = held;
  hidden.review = ReplyReview::none;
  hidden.state = ReplyState::hidden;
  EXPECT_FALSE(can_view_reply({8, Role::member, std::nullopt}, hidden, none));
  EXPECT_TRUE(can_view_reply({5, Role::moderator, std::nullopt}, hidden, none));
  EXPECT_TRUE(can_view_reply(executive(Level::crawl, 1), hidden, none));
  EXPECT_FALSE(is_reply_public(hidden));
}

TEST(ReviewRules, HeldReplyTransitions) {
  EXPECT_EQ(reply_transition(ReplyReview::in_review, PostCommand::approve), ReplyReview::approved);
  EXPECT_EQ(reply_transition(ReplyReview::in_review, PostCommand::request_changes),
            ReplyReview::changes_requested);
  EXPECT_EQ(reply_transition(ReplyReview::changes_requested, PostCommand::edit),
            ReplyReview::in_review);
  EXPECT_THROW(reply_transition(ReplyReview::none, PostCommand::approve), Error);
  EXPECT_THROW(reply_transition(ReplyReview::approved, PostCommand::approve), Error);
  EXPECT_THROW(reply_transition(ReplyReview::in_review, PostCommand::edit), Error);
  EXPECT_THROW(reply_transition(ReplyReview::changes_requested, PostCommand::approve), Error);
}

}  // namespace
}  // namespace greenroom::domain
