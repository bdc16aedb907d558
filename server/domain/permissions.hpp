#pragma once
// Who may do what. Deny by default: a capability not listed for a role is refused, and a
// post is visible only through one of the explicit rules in can_view_post.
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
};

bool has_capability(Role role, Capability cap);

// Whether `actor` may see the post at all (anyone who may not gets 404). A reverse mentor
// (rel.mentors_author) sees the author's published practice posts and the unpublished posts
// the author shared (post.shared_with_mentor); never hidden or removed ones.
bool can_view_post(const Actor& actor, const PostFacts& post, const Relation& rel);

// What the author's reverse mentor sees of the author's posts (part of can_view_post): the
// published practice posts and the unpublished ones the author shared.
bool visible_to_mentor(const PostFacts& post);

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

}  // namespace greenroom::domain
