#pragma once
// Shared pieces of the coaching handlers: access to a post as its author or coach, and
// notifications written in the same transaction as the change they report.
#include <optional>
#include <string>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::api {

struct CoachedPost {
  store::PostRecord post;
  bool is_author = false;
  bool is_coach = false;
  bool is_mentor = false;  // the author's reverse mentor, and the author shared the post
};

// The post for its author, one of the author's coaches, or the author's reverse mentor when
// domain::visible_to_mentor allows it; 404 for anyone else.
CoachedPost load_coached_post(Services& s, const Principal& p, std::int64_t post_id);
// Same, inside a write (on the writer's connection, current state).
CoachedPost load_coached_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id);
// The post for its author only (coaches get 403, others 404), inside a write.
store::PostRecord load_own_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id);

struct CoachedReply {
  store::ReplyRecord reply;
  store::PostRecord post;  // the post it answers
  bool is_author = false;  // of the reply
  bool is_coach = false;   // one of the reply author's coaches
};

// A reply for its author or one of the author's coaches, who must also see the post it
// answers; 404 for anyone else, and for removed replies.
CoachedReply load_coached_reply(store::Connection& c, std::int64_t user_id, std::int64_t reply_id);

void notify(store::Connection& c, std::int64_t user_id, const std::string& kind,
            const std::string& message, std::optional<std::int64_t> post_id,
            std::optional<std::int64_t> annotation_id = std::nullopt,
            std::optional<std::int64_t> goal_id = std::nullopt,
            std::optional<domain::Millis> at = std::nullopt);  // default: now
void notify_coaches(store::Connection& c, std::int64_t executive_id, const std::string& kind,
                    const std::string& message, std::optional<std::int64_t> post_id);
// A notice about something other than a post, annotation or goal: `target_type` is a
// snake_case noun ("question", "article", "mentorship", "user", "policy_version").
void notify_about(store::Connection& c, std::int64_t user_id, const std::string& kind,
                  const std::string& message, const std::string& target_type,
                  std::int64_t target_id);

// A short quotation of a post for messages: the first words, at most ~60 characters.
std::string excerpt(const std::string& body);

}  // namespace greenroom::api
