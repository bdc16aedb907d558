// The Q&A blog's rules (domain/blog.*, and the question rule in domain/permissions.*).
#include <gtest/gtest.h>

#include <vector>

#include "domain/blog.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"

namespace greenroom::domain {
namespace {

const Actor kHost{1, Role::executive, Level::run};
const Actor kAsker{2, Role::member, std::nullopt};
const Actor kMember{3, Role::member, std::nullopt};
const Actor kCoach{4, Role::coach, std::nullopt};
const Actor kMod{5, Role::moderator, std::nullopt};
const Actor kAdmin{6, Role::admin, std::nullopt};

QuestionFacts question(QuestionState s, bool anonymous = true) {
  return {10, 2, 1, anonymous, s};
}

TEST(BlogRules, WhoSeesAQuestion) {
  for (auto s : {QuestionState::open, QuestionState::answered, QuestionState::declined})
    for (const auto& a : {kHost, kAsker, kMember, kCoach, kMod, kAdmin})
      EXPECT_TRUE(can_view_question(a, question(s)));
  for (auto s : {QuestionState::pending, QuestionState::hidden}) {
    EXPECT_TRUE(can_view_question(kAsker, question(s)));
    EXPECT_TRUE(can_view_question(kMod, question(s)));
    EXPECT_TRUE(can_view_question(kAdmin, question(s)));
    EXPECT_FALSE(can_view_question(kHost, question(s)));
    EXPECT_FALSE(can_view_question(kMember, question(s)));
    EXPECT_FALSE(can_view_question(kCoach, question(s)));
  }
  EXPECT_FALSE(can_view_question(kAsker, question(QuestionState::removed)));
  EXPECT_FALSE(can_view_question(kHost, question(QuestionState::removed)));
}

TEST(BlogRules, AnAnonymousAskerIsShownToNobody) {
  for (const auto& a : {kHost, kMember, kCoach, kMod, kAdmin})
    EXPECT_FALSE(shows_asker(a, question(QuestionState::open)));
  EXPECT_FALSE(shows_asker(kAsker, question(QuestionState::open)));  // null for everyone
  EXPECT_TRUE(shows_asker(kMember, question(QuestionState::open, false)));
  EXPECT_TRUE(can_reveal_asker(kMod));
  EXPECT_TRUE(can_reveal_asker(kAdmin));
  EXPECT_FALSE(can_reveal_asker(kHost));
  EXPECT_FALSE(can_reveal_asker(kCoach));
}

TEST(BlogRules, VotesAnswersAndDeclines) {
  EXPECT_THROW(check_vote(kAsker, question(QuestionState::open)), Error);
  EXPECT_NO_THROW(check_vote(kMember, question(QuestionState::open)));
  EXPECT_THROW(check_vote(kMember, question(QuestionState::pending)), Error);
  EXPECT_NO_THROW(check_answer(kHost, question(QuestionState::open)));
  EXPECT_NO_THROW(check_answer(kHost, question(QuestionState::answered)));  // an edit
  EXPECT_THROW(check_answer(kMember, question(QuestionState::open)), Error);
  EXPECT_THROW(check_answer(kHost, question(QuestionState::declined)), Error);
  EXPECT_NO_THROW(check_decline(kHost, question(QuestionState::open)));
  EXPECT_THROW(check_decline(kHost, question(QuestionState::answered)), Error);
}

TEST(BlogRules, Topics) {
  EXPECT_EQ(normalise_topic(std::string("  Hybrid Work ")), "hybrid work");
  EXPECT_EQ(normalise_topic(std::string("   ")), std::nullopt);
  EXPECT_EQ(normalise_topic(std::nullopt), std::nullopt);
  EXPECT_THROW(normalise_topic(std::string("<b>")), Error);
  EXPECT_THROW(normalise_topic(std::string(41, 'a')), Error);
}

TEST(BlogRules, PromiseFiguresOnAKnownHistory) {
  const Millis h = 3600 * 1000, day = 24 * h, now = 100 * day;
  std::vector<QuestionTiming> qs = {
      {QuestionState::answered, 10 * day, 10 * day + 2 * h},
      {QuestionState::answered, 20 * day, 20 * day + 4 * h},
      {QuestionState::answered, 30 * day, 30 * day + 30 * h},
      {QuestionState::declined, 40 * day, 41 * day},
      {QuestionState::open, now - 9 * day, std::nullopt},
      {QuestionState::open, now - 1 * day, std::nullopt},
      {QuestionState::pending, now, std::nullopt},  // not out: not counted
  };
  auto s = blog_stats(qs, now, 7);
  EXPECT_EQ(s.questions, 6);
  EXPECT_EQ(s.answered, 3);
  EXPECT_EQ(s.declined, 1);
  EXPECT_EQ(s.waiting, 2);
  EXPECT_DOUBLE_EQ(s.answer_rate, 0.5);
  EXPECT_EQ(s.median_seconds_to_answer, 4 * 3600);
  EXPECT_EQ(s.oldest_unanswered_seconds, 9 * 24 * 3600);
  EXPECT_EQ(s.overdue, 1);
  auto empty = blog_stats({}, now, 7);
  EXPECT_EQ(empty.answer_rate, 0);
  EXPECT_EQ(empty.median_seconds_to_answer, std::nullopt);
}

}  // namespace
}  // namespace greenroom::domain
