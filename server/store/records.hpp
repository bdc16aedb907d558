#pragma once
// Plain rows as the repositories return them.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/model.hpp"
#include "domain/time.hpp"

namespace greenroom::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::member;
  std::optional<domain::Level> level;
  std::string password_hash;
  bool disabled = false;
  domain::Millis created_at = 0;
};

struct AuthorRef {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
};

struct PostRecord {
  std::int64_t id = 0;
  AuthorRef author;
  domain::Space space = domain::Space::company;
  domain::PostState state = domain::PostState::draft;
  std::string body;
  std::int64_t version = 1;
  domain::Millis created_at = 0;
  domain::Millis updated_at = 0;
  std::optional<domain::Millis> published_at;
  std::int64_t reply_count = 0;
  std::int64_t like_count = 0;
  bool liked_by_me = false;
  bool locked = false;
  std::string moderation_reason;               // the last hide/remove reason, "" when none
  std::optional<domain::Millis> scheduled_at;  // publishes by itself then
  std::optional<domain::Millis> edited_at;     // the published text was corrected
  // A correction waiting for review (`in_review`, `changes_requested`, `approved`); filled
  // only for the author (see PostRepository::find).
  std::optional<std::string> correction_state;
  bool share_with_mentor = false;  // the author's "show my mentor" switch
  // An article of this blog (Markdown, rendered to "html" for readers); nullopt for posts.
  std::optional<std::int64_t> blog_id;

  domain::PostFacts facts() const { return {id, author.id, space, state, share_with_mentor}; }
};

struct ReplyRecord {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  AuthorRef author;
  std::string body;
  domain::Millis created_at = 0;
  domain::ReplyState state = domain::ReplyState::visible;
  domain::ReplyReview review = domain::ReplyReview::none;
  std::int64_t version = 1;
  std::string moderation_reason;           // the last hide/remove reason, "" when none
  std::int64_t private_to = 0;             // a drill reply: the drill's executive (ReplyFacts)
  std::optional<std::int64_t> persona_id;  // a coach's simulated reply: the persona played
  std::string persona_name;

  domain::ReplyFacts facts() const { return {id, post_id, author.id, state, review, private_to}; }
};

}  // namespace greenroom::store
