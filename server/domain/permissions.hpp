#pragma once
// Who may do what. Deny by default: a capability not listed for a role is refused, and a
// post is visible only through one of the explicit rules in can_view_post.
#include <span>

#include "domain/mentoring.hpp"
#include "domain/model.hpp"

namespace greenroom::domain {

enum class Capability {
  post_company,        // publish or draft in the company space
  post_practice,       // publish or draft in the practice space
  submit_for_review,   // send a post to one's coaches
  read_practice_feed,  // read (some part of) the practice space
  see_all_published,   // see published and hidden posts in every space (oversight)
  see_removed,         // see removed posts
  manage_users,        // create users, set roles, assign coaches
  edit_policy,         // edit the golden rules
  review_posts,        // annotate and give verdicts on their executives' posts
  moderate,            // work the report queue, act on posts and replies, read the audit trail
  export_audit,        // export the whole audit trail
  manage_feed_hosts,   // allow external feed hosts for the reading list
};

bool has_capability(Role role, Capability cap);

// Whether `actor` may see the post at all (anyone who may not gets 404). A reverse mentor
// (rel.mentors_author) sees the author's published practice posts and the unpublished posts
// the author shared (post.shared_with_mentor); never hidden or removed ones.
bool can_view_post(const Actor& actor, const PostFacts& post, const Relation& rel);

// What the author's reverse mentor sees of the author's posts (part of can_view_post): the
// published practice posts and the unpublished ones the author shared.
bool visible_to_mentor(const PostFacts& post);

// Whether `actor`, who may see the post a reply answers, may see the reply (anyone who may
// not gets 404). `rel` is the actor's relation to the reply's author. A reply held for review
// is seen by its author and the author's coaches only, until a coach approves it.
bool can_view_reply(const Actor& actor, const ReplyFacts& reply, const Relation& rel);

// A drill reply (reply.private_to set) is seen only by its author, the drill's executive and
// the executive's coaches: `rel` is then the actor's relation to the executive (see
// reply_relation_subject), and moderators and admins do not see it either.
//
// Whom the `rel` given to can_view_reply must relate the actor to: the drill's executive for
// a drill reply, otherwise the reply's author.
std::int64_t reply_relation_subject(const ReplyFacts& reply);

// Whether the reply is out for everyone who sees the post (and so counts in reply_count):
// visible, not held for review and not a drill reply.
bool is_reply_public(const ReplyFacts& reply);

// Whether `actor` may work on the post as its author or one of the author's coaches
// (versions, annotations, reviews). A hidden post is its author's alone; a removed one nobody's.
bool can_coach_view(const Actor& actor, const PostFacts& post, const Relation& rel);

// Whether `actor` may work on the post as the author's reverse mentor (read its notes,
// annotate, reply to notes): only what visible_to_mentor lets the mentor see, so never a
// hidden or removed post, nor a draft the author did not share.
bool can_mentor_work(const Actor& actor, const PostFacts& post, const Relation& rel);

// A coach assignment as stored, with what the rule needs to know about both people.
struct AssignmentFacts {
  std::int64_t coach_id = 0;
  std::int64_t executive_id = 0;
  Role coach_role = Role::coach;
  bool coach_disabled = false;
  Role executive_role = Role::executive;
  bool executive_disabled = false;
};

// An assignment links two people only while the coach holds the coach role, the executive
// the executive role, and neither account is disabled. The store's SQL fast paths
// (store/live_assignments.hpp) filter the same way; tests/api/visibility_property_test.cpp
// proves they agree.
bool assignment_counts(const AssignmentFacts& a);

// How `actor_id` relates to `author_id`, from the assignments (those that do not count, or
// touch neither person, are ignored).
Relation relation_between(std::int64_t actor_id, std::int64_t author_id,
                          std::span<const AssignmentFacts> assignments);

// A reverse-mentoring pairing as stored, with what the rule needs to know about both people.
struct MentorLinkFacts {
  std::int64_t mentor_id = 0;
  std::int64_t executive_id = 0;
  MentorshipState state = MentorshipState::requested;
  Role mentor_role = Role::member;
  bool mentor_disabled = false;
  Role executive_role = Role::executive;
  bool executive_disabled = false;
};

// A pairing links the two only while it is active, the mentor is an enabled staff member
// (role member) and the executive an enabled executive. The SQL fast path
// (store/live_assignments.hpp, kLiveMentorships) filters the same way; the visibility
// property test proves they agree.
bool mentorship_counts(const MentorLinkFacts& m);

// relation_between, plus mentors_author from the pairings.
Relation relation_between(std::int64_t actor_id, std::int64_t author_id,
                          std::span<const AssignmentFacts> assignments,
                          std::span<const MentorLinkFacts> mentorships);

// Which published practice posts a role reads in the practice feed: none (members), every
// one (oversight), its cohort's (executives: own, those sharing a coach, their coaches'), its
// executives' (coaches: own and their executives') or, for a staff member who is someone's
// reverse mentor (`mentors_anyone`), own and the executives' they mentor. Each is exactly the
// published practice posts can_view_post allows that person.
enum class PracticeReach { none, everyone, cohort, coached, mentored };
PracticeReach practice_reach(Role role, bool mentors_anyone = false);

// Whether `actor` may reply to or like the post: they must see it and it must be published.
// Returns false only for "not published"; visibility is checked separately (404 first).
bool accepts_engagement(const PostFacts& post);

// Whether `actor` may see a reverse-mentoring pairing: its two sides, the executive's
// coaches (rel is the actor's relation to the executive) and admins; 404 for anyone else.
bool can_view_mentorship(const Actor& actor, const MentorshipFacts& m, const Relation& rel);

// Whether `actor` may read and write the private thread between an executive and their
// reverse mentor on a post: only those two, and only while `actor` may see the post.
bool can_use_mentor_thread(const Actor& actor, const PostFacts& post, std::int64_t mentor_id,
                           const Relation& rel);

// Whether `actor` may know the question exists (anyone who may not gets 404). Out questions
// (open, answered, declined) are for everyone signed in; a pending or hidden one for its
// asker and moderators and admins; a removed one for moderators and admins.
bool can_view_question(const Actor& actor, const QuestionFacts& q);

// Whether a response to `actor` may name the asker: only for a named question. For an
// anonymous one the asker is null for everyone (the asker sees "asked_by_me"); moderators
// and admins use the audited reveal.
bool shows_asker(const Actor& actor, const QuestionFacts& q);

// Whether `actor` may reveal an anonymous asker (with a reason, audited).
bool can_reveal_asker(const Actor& actor);

// Whether `actor` may see an executive's coaching evidence (golden-rule findings, verdicts and
// rubrics, review rounds, the level suggestion): the executive, the executive's coaches (`rel`
// is the actor's relation to the executive) and admins. Everyone else is refused (403, as for
// engagement figures: who the people are is no secret to anyone signed in).
bool can_view_coaching_evidence(const Actor& actor, std::int64_t subject_id, const Relation& rel);

// Whether `actor` may accept or dismiss a level suggestion for the executive: the executive's
// own coaches only (the level never changes by itself).
bool can_decide_level_suggestion(const Actor& actor, const Relation& rel);

// Whether `actor` may know a drill of `executive_id` exists (anyone who may not gets 404):
// the executive and the executive's coaches (`rel` is the actor's relation to the executive)
// only; not moderators, not admins, not the cohort or a reverse mentor.
bool can_view_drill(const Actor& actor, std::int64_t executive_id, const Relation& rel);

// Whether `actor` may run a drill for the executive (assign it, reply as one of its personas,
// mark it complete): one of the executive's coaches.
bool can_run_drill(const Actor& actor, const Relation& rel);

}  // namespace greenroom::domain
