#include "domain/permissions.hpp"

namespace greenroom::domain {

bool has_capability(Role role, Capability cap) {
  switch (cap) {
    case Capability::post_company:
      return true;  // every role may speak in the company space (executives by level)
    case Capability::post_practice:
      return role == Role::executive || role == Role::coach;
    case Capability::submit_for_review:
      return role == Role::executive;
    case Capability::read_practice_feed:
      return role == Role::executive || role == Role::coach || role == Role::moderator ||
             role == Role::admin;
    case Capability::see_all_published:
      return role == Role::moderator || role == Role::admin;
    case Capability::see_removed:
      return role == Role::moderator || role == Role::admin;
    case Capability::manage_users:
      return role == Role::admin;
    case Capability::edit_policy:
      return role == Role::admin;
    case Capability::review_posts:
      return role == Role::coach;
    case Capability::moderate:
      return role == Role::moderator || role == Role::admin;
    case Capability::export_audit:
      return role == Role::admin;
    case Capability::manage_feed_hosts:
      return role == Role::admin;
  }
  return false;
}

bool visible_to_mentor(const PostFacts& post) {
  switch (post.state) {
    case PostState::draft:
    case PostState::in_review:
    case PostState::changes_requested:
    case PostState::approved:
      return post.shared_with_mentor;
    case PostState::published:
      return post.space == Space::practice;
    case PostState::hidden:
    case PostState::removed:
      return false;
  }
  return false;
}

bool can_view_post(const Actor& actor, const PostFacts& post, const Relation& rel) {
  const bool author = actor.id == post.author_id;
  if (rel.mentors_author && visible_to_mentor(post)) return true;
  switch (post.state) {
    case PostState::draft:
    case PostState::in_review:
    case PostState::changes_requested:
    case PostState::approved:
      return author || rel.coaches_author;
    case PostState::published:
      if (post.space == Space::company) return true;
      return author || rel.coaches_author || rel.shares_coach ||
             has_capability(actor.role, Capability::see_all_published);
    case PostState::hidden:
      return author || has_capability(actor.role, Capability::see_all_published);
    case PostState::removed:
      return has_capability(actor.role, Capability::see_removed);
  }
  return false;
}

std::int64_t reply_relation_subject(const ReplyFacts& reply) {
  return reply.private_to != 0 ? reply.private_to : reply.author_id;
}

bool is_reply_public(const ReplyFacts& reply) {
  return reply.private_to == 0 && reply.state == ReplyState::visible &&
         (reply.review == ReplyReview::none || reply.review == ReplyReview::approved);
}

bool can_view_reply(const Actor& actor, const ReplyFacts& reply, const Relation& rel) {
  const bool author = actor.id == reply.author_id;
  if (reply.private_to != 0) {  // a drill reply: rel is the relation to the executive
    if (reply.state == ReplyState::removed) return false;
    return author || actor.id == reply.private_to || rel.coaches_author;
  }
  switch (reply.state) {
    case ReplyState::visible:
      if (is_reply_public(reply)) return true;
      return author || rel.coaches_author;  // held for review
    case ReplyState::hidden:
      return author || has_capability(actor.role, Capability::see_all_published);
    case ReplyState::removed:
      return has_capability(actor.role, Capability::see_removed);
  }
  return false;
}

bool can_coach_view(const Actor& actor, const PostFacts& post, const Relation& rel) {
  if (post.state == PostState::removed) return false;
  if (actor.id == post.author_id) return true;
  return post.state != PostState::hidden && rel.coaches_author;
}

bool can_mentor_work(const Actor& actor, const PostFacts& post, const Relation& rel) {
  return actor.id != post.author_id && rel.mentors_author && visible_to_mentor(post);
}

bool assignment_counts(const AssignmentFacts& a) {
  return a.coach_role == Role::coach && !a.coach_disabled && a.executive_role == Role::executive &&
         !a.executive_disabled;
}

Relation relation_between(std::int64_t actor_id, std::int64_t author_id,
                          std::span<const AssignmentFacts> assignments) {
  Relation rel;
  if (actor_id == author_id) return rel;
  for (const auto& a : assignments) {
    if (!assignment_counts(a)) continue;
    if (a.coach_id == actor_id && a.executive_id == author_id) rel.coaches_author = true;
    // An executive sees their own coach's practice posts as part of the cohort.
    if (a.coach_id == author_id && a.executive_id == actor_id) rel.shares_coach = true;
    if (a.executive_id != actor_id) continue;
    for (const auto& b : assignments)
      if (b.coach_id == a.coach_id && b.executive_id == author_id && assignment_counts(b))
        rel.shares_coach = true;
  }
  return rel;
}

bool mentorship_counts(const MentorLinkFacts& m) {
  return m.state == MentorshipState::active && m.mentor_role == Role::member &&
         !m.mentor_disabled && m.executive_role == Role::executive && !m.executive_disabled;
}

Relation relation_between(std::int64_t actor_id, std::int64_t author_id,
                          std::span<const AssignmentFacts> assignments,
                          std::span<const MentorLinkFacts> mentorships) {
  Relation rel = relation_between(actor_id, author_id, assignments);
  if (actor_id == author_id) return rel;
  for (const auto& m : mentorships)
    if (m.mentor_id == actor_id && m.executive_id == author_id && mentorship_counts(m))
      rel.mentors_author = true;
  return rel;
}

PracticeReach practice_reach(Role role, bool mentors_anyone) {
  if (!has_capability(role, Capability::read_practice_feed))
    return mentors_anyone && role == Role::member ? PracticeReach::mentored : PracticeReach::none;
  if (has_capability(role, Capability::see_all_published)) return PracticeReach::everyone;
  if (has_capability(role, Capability::review_posts)) return PracticeReach::coached;
  return PracticeReach::cohort;
}

bool accepts_engagement(const PostFacts& post) {
  return post.state == PostState::published;
}

bool can_view_mentorship(const Actor& actor, const MentorshipFacts& m, const Relation& rel) {
  return actor.id == m.executive_id || actor.id == m.mentor_id || rel.coaches_author ||
         actor.role == Role::admin;
}

bool can_use_mentor_thread(const Actor& actor, const PostFacts& post, std::int64_t mentor_id,
                           const Relation& rel) {
  if (!can_view_post(actor, post, rel)) return false;
  if (actor.id == post.author_id) return true;
  return actor.id == mentor_id && rel.mentors_author;
}

namespace {
bool question_is_out(QuestionState s) {
  return s == QuestionState::open || s == QuestionState::answered || s == QuestionState::declined;
}
}  // namespace

bool can_view_question(const Actor& actor, const QuestionFacts& q) {
  if (question_is_out(q.state)) return true;
  if (q.state == QuestionState::removed) return has_capability(actor.role, Capability::see_removed);
  return actor.id == q.asker_id || has_capability(actor.role, Capability::moderate);
}

bool shows_asker(const Actor&, const QuestionFacts& q) {
  return !q.anonymous;
}

bool can_reveal_asker(const Actor& actor) {
  return has_capability(actor.role, Capability::moderate);
}

bool can_view_coaching_evidence(const Actor& actor, std::int64_t subject_id, const Relation& rel) {
  switch (actor.role) {
    case Role::admin:
      return true;
    case Role::executive:
      return actor.id == subject_id;
    case Role::coach:
      return rel.coaches_author;
    case Role::moderator:
    case Role::member:
      return false;
  }
  return false;
}

bool can_decide_level_suggestion(const Actor& actor, const Relation& rel) {
  return actor.role == Role::coach && rel.coaches_author;
}

bool can_view_drill(const Actor& actor, std::int64_t executive_id, const Relation& rel) {
  if (actor.id == executive_id) return true;
  return actor.role == Role::coach && rel.coaches_author;
}

bool can_run_drill(const Actor& actor, const Relation& rel) {
  return actor.role == Role::coach && rel.coaches_author;
}

}  // namespace greenroom::domain
