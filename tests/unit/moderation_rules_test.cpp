// The moderator's rules (domain/moderation.*) and the reply visibility rule.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/moderation.hpp"
#include "domain/permissions.hpp"

namespace greenroom::domain {
namespace {

const Actor kMod{1, Role::moderator, std::nullopt};
const Actor kAdmin{2, Role::admin, std::nullopt};
const Actor kMember{3, Role::member, std::nullopt};

ModeratedItem post(PostState s, bool locked = false, bool reports = false) {
  ModeratedItem i;
  i.type = TargetType::post;
  i.author_id = 9;
  i.post_state = s;
  i.locked = locked;
  i.has_open_reports = reports;
  return i;
}
ModeratedItem reply(ReplyState s) {
  ModeratedItem i;
  i.type = TargetType::reply;
  i.author_id = 9;
  i.reply_state = s;
  return i;
}

std::string code_of(ModAction a, const ModeratedItem& i, const Actor& who = kMod) {
  try {
    decide_moderation(who, a, i);
  } catch (const Error& e) {
    return e.code();
  }
  return "ok";
}

TEST(ModerationRules, ActionsMoveItemsBetweenStates) {
  EXPECT_EQ(decide_moderation(kMod, ModAction::hide, post(PostState::published)).post_state,
            PostState::hidden);
  EXPECT_EQ(decide_moderation(kMod, ModAction::remove, post(PostState::hidden)).post_state,
            PostState::removed);
  EXPECT_EQ(decide_moderation(kMod, ModAction::restore, post(PostState::removed)).post_state,
            PostState::published);
  EXPECT_EQ(decide_moderation(kMod, ModAction::hide, reply(ReplyState::visible)).reply_state,
            ReplyState::hidden);
  EXPECT_EQ(decide_moderation(kAdmin, ModAction::restore, reply(ReplyState::hidden)).reply_state,
            ReplyState::visible);
  auto lock = decide_moderation(kMod, ModAction::lock, post(PostState::published));
  EXPECT_EQ(lock.locked, true);
  EXPECT_EQ(lock.close_reports_as, "actioned");
  EXPECT_EQ(decide_moderation(kMod, ModAction::dismiss, post(PostState::published, false, true))
                .close_reports_as,
            "dismissed");
  EXPECT_FALSE(
      decide_moderation(kMod, ModAction::restore, post(PostState::hidden)).close_reports_as);
}

TEST(ModerationRules, RefusesWhatDoesNotApply) {
  EXPECT_EQ(code_of(ModAction::hide, post(PostState::draft)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::hide, post(PostState::hidden)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::restore, post(PostState::published)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::restore, reply(ReplyState::visible)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::remove, reply(ReplyState::removed)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::lock, post(PostState::published, true)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::unlock, post(PostState::published, false)), "invalid_transition");
  EXPECT_EQ(code_of(ModAction::lock, reply(ReplyState::visible)), "invalid_target_type");
  EXPECT_EQ(code_of(ModAction::dismiss, post(PostState::published)), "no_open_reports");
  EXPECT_EQ(code_of(ModAction::hide, post(PostState::published), kMember), "forbidden");
  const Actor author{9, Role::moderator, std::nullopt};
  EXPECT_EQ(code_of(ModAction::hide, post(PostState::published), author), "own_content");
  EXPECT_EQ(code_of(ModAction::dismiss, post(PostState::published, false, true), author),
            "own_content");
}

TEST(ModerationRules, ReasonsAndCommentsAreChecked) {
  EXPECT_THROW(validate_moderation_reason(""), Error);
  EXPECT_THROW(validate_moderation_reason(" \n "), Error);
  EXPECT_THROW(validate_moderation_reason(std::string(501, 'x')), Error);
  EXPECT_NO_THROW(validate_moderation_reason(std::string(500, 'x')));
  EXPECT_NO_THROW(validate_report_comment(""));
  EXPECT_THROW(validate_report_comment(std::string(1001, 'x')), Error);
  EXPECT_THROW(check_reportable(TargetType::post, PostState::hidden, ReplyState::visible), Error);
  EXPECT_THROW(check_reportable(TargetType::reply, PostState::published, ReplyState::hidden),
               Error);
  EXPECT_NO_THROW(check_reportable(TargetType::reply, PostState::published, ReplyState::visible));
  EXPECT_FALSE(accepts_replies(true));
}

TEST(ModerationRules, NamesRoundTrip) {
  for (auto s : {"post", "reply", "question"}) EXPECT_EQ(to_string(*parse_target_type(s)), s);
  for (auto s : {"harassment", "confidential", "personal_data", "misleading", "other"})
    EXPECT_EQ(to_string(*parse_report_reason(s)), s);
  for (auto s : {"hide", "remove", "restore", "lock", "unlock", "dismiss"})
    EXPECT_EQ(to_string(*parse_mod_action(s)), s);
  EXPECT_FALSE(parse_mod_action("delete"));
  EXPECT_FALSE(parse_report_reason("spam"));
}

TEST(ReplyVisibility, HiddenForAuthorAndOversightRemovedForOversightOnly) {
  const ReplyFacts hidden{1, 9, 3, ReplyState::hidden, ReplyReview::none};
  const ReplyFacts removed{1, 9, 3, ReplyState::removed, ReplyReview::none};
  const ReplyFacts visible{1, 9, 3, ReplyState::visible, ReplyReview::none};
  const Relation none{};
  const Actor author{3, Role::member, std::nullopt};
  const Actor other{4, Role::member, std::nullopt};
  const Actor coach{5, Role::coach, std::nullopt};
  EXPECT_TRUE(can_view_reply(other, visible, none));
  EXPECT_TRUE(can_view_reply(author, hidden, none));
  EXPECT_FALSE(can_view_reply(other, hidden, none));
  EXPECT_FALSE(can_view_reply(coach, hidden, none));
  EXPECT_TRUE(can_view_reply(kMod, hidden, none));
  EXPECT_FALSE(can_view_reply(author, removed, none));
  EXPECT_TRUE(can_view_reply(kMod, removed, none));
  EXPECT_TRUE(can_view_reply(kAdmin, removed, none));
}

}  // namespace
}  // namespace greenroom::domain

namespace greenroom::domain {
namespace {

ModeratedItem question(QuestionState s, QuestionState restores_to = QuestionState::open,
                       bool reports = false) {
  ModeratedItem i;
  i.type = TargetType::question;
  i.author_id = 9;
  i.question_state = s;
  i.question_restores_to = restores_to;
  i.has_open_reports = reports;
  return i;
}

std::string question_code(ModAction a, const ModeratedItem& i, const Actor& who = kMod) {
  try {
    decide_moderation(who, a, i);
  } catch (const Error& e) {
    return e.code();
  }
  return "ok";
}

TEST(QuestionModeration, HideRemoveRestoreByState) {
  for (auto s : {QuestionState::open, QuestionState::answered, QuestionState::declined}) {
    auto hide = decide_moderation(kMod, ModAction::hide, question(s));
    EXPECT_EQ(hide.question_state, QuestionState::hidden);
    EXPECT_EQ(hide.close_reports_as, "actioned");
    EXPECT_EQ(decide_moderation(kMod, ModAction::remove, question(s)).question_state,
              QuestionState::removed);
    EXPECT_EQ(question_code(ModAction::restore, question(s)), "invalid_transition");
  }
  EXPECT_EQ(question_code(ModAction::hide, question(QuestionState::pending)), "invalid_transition");
  EXPECT_EQ(
      decide_moderation(kMod, ModAction::remove, question(QuestionState::pending)).question_state,
      QuestionState::removed);
  EXPECT_EQ(
      decide_moderation(kMod, ModAction::remove, question(QuestionState::hidden)).question_state,
      QuestionState::removed);
  EXPECT_EQ(question_code(ModAction::remove, question(QuestionState::removed)),
            "invalid_transition");
  auto back = decide_moderation(kAdmin, ModAction::restore,
                                question(QuestionState::hidden, QuestionState::answered));
  EXPECT_EQ(back.question_state, QuestionState::answered);
  EXPECT_FALSE(back.close_reports_as);
}

TEST(QuestionModeration, NoLockOwnContentAndDismiss) {
  EXPECT_EQ(question_code(ModAction::lock, question(QuestionState::open)), "not_lockable");
  EXPECT_EQ(question_code(ModAction::unlock, question(QuestionState::open)), "not_lockable");
  try {
    decide_moderation(kMod, ModAction::lock, question(QuestionState::open));
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unprocessable);
  }
  const Actor asker{9, Role::moderator, std::nullopt};
  EXPECT_EQ(question_code(ModAction::hide, question(QuestionState::open), asker), "own_content");
  EXPECT_EQ(question_code(ModAction::hide, question(QuestionState::open), kMember), "forbidden");
  EXPECT_EQ(question_code(ModAction::dismiss, question(QuestionState::open)), "no_open_reports");
  EXPECT_EQ(decide_moderation(kMod, ModAction::dismiss,
                              question(QuestionState::open, QuestionState::open, true))
                .close_reports_as,
            "dismissed");
}

TEST(QuestionModeration, ReportableWhenOutAndRestoreStates) {
  for (auto s : {QuestionState::open, QuestionState::answered, QuestionState::declined})
    EXPECT_NO_THROW(check_question_reportable(s));
  for (auto s : {QuestionState::pending, QuestionState::hidden, QuestionState::removed})
    EXPECT_THROW(check_question_reportable(s), Error);
  EXPECT_EQ(question_restore_state(true, false, true), QuestionState::answered);
  EXPECT_EQ(question_restore_state(false, true, true), QuestionState::declined);
  EXPECT_EQ(question_restore_state(false, false, true), QuestionState::open);
  EXPECT_EQ(question_restore_state(false, false, false), QuestionState::pending);
}

}  // namespace
}  // namespace greenroom::domain
