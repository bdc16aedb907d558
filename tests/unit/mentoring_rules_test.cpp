// Reverse mentoring rules: what a mentor sees (every post state and space, shared or not),
// who sees a pairing, who may request and answer one, and the pairing lifecycle.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/mentoring.hpp"
#include "domain/permissions.hpp"

namespace greenroom::domain {
namespace {

constexpr std::int64_t kAuthor = 5, kMentor = 9;

Relation mentor_rel() {
  Relation rel;
  rel.mentors_author = true;
  return rel;
}

TEST(MentorVisibility, PracticePostsAndSharedUnpublishedPostsOnly) {
  const Actor mentor{kMentor, Role::member, std::nullopt};
  for (auto space : {Space::practice, Space::company})
    for (auto state :
         {PostState::draft, PostState::in_review, PostState::changes_requested, PostState::approved,
          PostState::published, PostState::hidden, PostState::removed})
      for (bool shared : {false, true}) {
        const PostFacts post{1, kAuthor, space, state, shared};
        const bool unpublished = state == PostState::draft || state == PostState::in_review ||
                                 state == PostState::changes_requested ||
                                 state == PostState::approved;
        const bool published = state == PostState::published;
        const bool expected = (unpublished && shared) || published;  // company is for all
        EXPECT_EQ(can_view_post(mentor, post, mentor_rel()), expected)
            << to_string(space) << " " << to_string(state) << " shared=" << shared;
        // Without the pairing, a member sees published company posts only.
        EXPECT_EQ(can_view_post(mentor, post, {}), published && space == Space::company);
        EXPECT_EQ(visible_to_mentor(post),
                  (unpublished && shared) || (published && space == Space::practice));
      }
}

TEST(MentorVisibility, SharingChangesNothingForOthers) {
  const PostFacts shared{1, kAuthor, Space::practice, PostState::draft, true};
  EXPECT_FALSE(can_view_post({6, Role::executive, Level::walk}, shared, {false, true}));
  EXPECT_FALSE(can_view_post({7, Role::member, std::nullopt}, shared, {}));
  EXPECT_FALSE(can_view_post({8, Role::moderator, std::nullopt}, shared, {}));
}

TEST(MentorThread, OnlyTheAuthorAndTheirMentorWhoSeesThePost) {
  const PostFacts shared{1, kAuthor, Space::company, PostState::draft, true};
  const PostFacts unshared{2, kAuthor, Space::company, PostState::draft, false};
  const Actor author{kAuthor, Role::executive, Level::walk};
  const Actor mentor{kMentor, Role::member, std::nullopt};
  EXPECT_TRUE(can_use_mentor_thread(author, shared, kMentor, {}));
  EXPECT_TRUE(can_use_mentor_thread(mentor, shared, kMentor, mentor_rel()));
  EXPECT_FALSE(can_use_mentor_thread(mentor, unshared, kMentor, mentor_rel()));
  EXPECT_FALSE(can_use_mentor_thread({2, Role::coach, std::nullopt}, shared, 2, {true, false}));
}

TEST(Mentorships, WhoSeesAndWhoMayAct) {
  const MentorshipFacts m{kAuthor, kMentor, MentorshipState::requested};
  const Actor exec{kAuthor, Role::executive, Level::crawl};
  const Actor mentor{kMentor, Role::member, std::nullopt};
  const Actor coach{2, Role::coach, std::nullopt};
  const Actor other_coach{3, Role::coach, std::nullopt};
  const Actor admin{1, Role::admin, std::nullopt};
  const Actor stranger{4, Role::member, std::nullopt};
  const Relation coaches{true, false};
  EXPECT_TRUE(can_view_mentorship(exec, m, {}));
  EXPECT_TRUE(can_view_mentorship(mentor, m, {}));
  EXPECT_TRUE(can_view_mentorship(coach, m, coaches));
  EXPECT_TRUE(can_view_mentorship(admin, m, {}));
  EXPECT_FALSE(can_view_mentorship(other_coach, m, {}));
  EXPECT_FALSE(can_view_mentorship(stranger, m, {}));

  for (auto cmd : {MentorshipCommand::accept, MentorshipCommand::decline}) {
    EXPECT_TRUE(may_command_mentorship(mentor, m, {}, cmd));
    EXPECT_FALSE(may_command_mentorship(exec, m, {}, cmd));
    EXPECT_FALSE(may_command_mentorship(coach, m, coaches, cmd));
  }
  EXPECT_TRUE(may_command_mentorship(exec, m, {}, MentorshipCommand::end));
  EXPECT_TRUE(may_command_mentorship(mentor, m, {}, MentorshipCommand::end));
  EXPECT_TRUE(may_command_mentorship(coach, m, coaches, MentorshipCommand::end));
  EXPECT_FALSE(may_command_mentorship(admin, m, {}, MentorshipCommand::end));

  EXPECT_TRUE(may_request_mentorship(exec, kAuthor, {}));
  EXPECT_TRUE(may_request_mentorship(coach, kAuthor, coaches));
  EXPECT_FALSE(may_request_mentorship(other_coach, kAuthor, {}));
  EXPECT_FALSE(may_request_mentorship(stranger, kAuthor, {}));
  EXPECT_FALSE(may_request_mentorship(mentor, kMentor, {}));  // members have no mentors
  EXPECT_TRUE(may_mark_champions(Role::admin));
  EXPECT_TRUE(may_mark_champions(Role::coach));
  EXPECT_FALSE(may_mark_champions(Role::moderator));
  EXPECT_FALSE(may_mark_champions(Role::executive));
  EXPECT_FALSE(may_mark_champions(Role::member));
}

TEST(Mentorships, Lifecycle) {
  using S = MentorshipState;
  using C = MentorshipCommand;
  EXPECT_EQ(transition(S::requested, C::accept), S::active);
  EXPECT_EQ(transition(S::requested, C::decline), S::declined);
  EXPECT_EQ(transition(S::requested, C::end), S::ended);
  EXPECT_EQ(transition(S::active, C::end), S::ended);
  for (auto [from, cmd] : {std::pair{S::active, C::accept}, std::pair{S::active, C::decline},
                           std::pair{S::declined, C::accept}, std::pair{S::declined, C::end},
                           std::pair{S::ended, C::end}, std::pair{S::ended, C::accept}}) {
    try {
      transition(from, cmd);
      ADD_FAILURE() << "allowed from " << to_string(from);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "illegal_transition");
      EXPECT_EQ(e.kind(), ErrorKind::conflict);
    }
  }
  for (auto s : {S::requested, S::active, S::declined, S::ended})
    EXPECT_EQ(parse_mentorship_state(to_string(s)), s);
  EXPECT_FALSE(parse_mentorship_state("friends"));
}

TEST(MentorRelation, OnlyAnActivePairingOfAnEnabledMemberAndExecutiveCounts) {
  using S = MentorshipState;
  const MentorLinkFacts live{kMentor, kAuthor,         S::active, Role::member,
                             false,   Role::executive, false};
  EXPECT_TRUE(mentorship_counts(live));
  EXPECT_TRUE(relation_between(kMentor, kAuthor, {}, std::span(&live, 1)).mentors_author);
  // The other way round, or to someone else, is no mentoring.
  EXPECT_FALSE(relation_between(kAuthor, kMentor, {}, std::span(&live, 1)).mentors_author);
  EXPECT_FALSE(relation_between(kMentor, 77, {}, std::span(&live, 1)).mentors_author);
  for (auto st : {S::requested, S::declined, S::ended}) {
    auto m = live;
    m.state = st;
    EXPECT_FALSE(mentorship_counts(m)) << to_string(st);
  }
  auto stale = [&](auto change) {
    auto m = live;
    change(m);
    return mentorship_counts(m);
  };
  EXPECT_FALSE(stale([](MentorLinkFacts& m) { m.mentor_role = Role::coach; }));
  EXPECT_FALSE(stale([](MentorLinkFacts& m) { m.mentor_disabled = true; }));
  EXPECT_FALSE(stale([](MentorLinkFacts& m) { m.executive_role = Role::member; }));
  EXPECT_FALSE(stale([](MentorLinkFacts& m) { m.executive_disabled = true; }));
}

TEST(MentorRelation, MentorsWorkOnWhatTheySeeAndReadTheirExecutivesPracticeFeed) {
  const Actor mentor{kMentor, Role::member, std::nullopt};
  const PostFacts shared{1, kAuthor, Space::company, PostState::in_review, true};
  const PostFacts unshared{2, kAuthor, Space::company, PostState::in_review, false};
  const PostFacts hidden{3, kAuthor, Space::practice, PostState::hidden, true};
  EXPECT_TRUE(can_mentor_work(mentor, shared, mentor_rel()));
  EXPECT_FALSE(can_mentor_work(mentor, unshared, mentor_rel()));
  EXPECT_FALSE(can_mentor_work(mentor, hidden, mentor_rel()));
  EXPECT_FALSE(can_mentor_work(mentor, shared, Relation{}));
  EXPECT_FALSE(can_coach_view(mentor, shared, mentor_rel())) << "a mentor is no coach";
  EXPECT_EQ(practice_reach(Role::member, true), PracticeReach::mentored);
  EXPECT_EQ(practice_reach(Role::member, false), PracticeReach::none);
  EXPECT_EQ(practice_reach(Role::executive, true), PracticeReach::cohort);
}

}  // namespace
}  // namespace greenroom::domain
