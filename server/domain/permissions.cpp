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

}  // namespace greenroom::domain
