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
  }
  return false;
}

bool can_view_post(const Actor& actor, const PostFacts& post, const Relation& rel) {
  const bool author = actor.id == post.author_id;
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

bool is_reply_public(const ReplyFacts& reply) {
  return reply.state == ReplyState::visible &&
         (reply.review == ReplyReview::none || reply.review == ReplyReview::approved);
}

bool can_view_reply(const Actor& actor, const ReplyFacts& reply, const Relation& rel) {
  const bool author = actor.id == reply.author_id;
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

bool accepts_engagement(const PostFacts& post) {
  return post.state == PostState::published;
}

}  // namespace greenroom::domain
