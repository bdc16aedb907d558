#pragma once
// Replies as a coach reviews them: lookup, review state, new text, and the queue of held
// replies. Adding and listing replies of a post is in PostRepository.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

// The columns read_reply reads, in its order.
inline constexpr std::string_view kReplySelect =
    "SELECT r.id, r.post_id, r.author_id, u.username, u.display_name, r.body, r.created_at, "
    "r.state, r.review_state, r.version, COALESCE(r.moderation_reason, ''), "
    "COALESCE(r.private_to, 0), r.persona_id, COALESCE(dp.name, '') FROM replies r JOIN "
    "users u ON u.id = r.author_id LEFT JOIN drill_personas dp ON dp.id = r.persona_id ";

ReplyRecord read_reply(const Statement& q);

class ReplyRepository {
 public:
  static std::optional<ReplyRecord> find(Connection& c, std::int64_t id);
  // Sets where the reply is in its review; entering in_review stamps submitted_at.
  static void set_review(Connection& c, std::int64_t id, domain::ReplyReview review,
                         domain::Millis now);
  // A new text: the version goes up by one.
  static void revise(Connection& c, std::int64_t id, std::string_view body, domain::Millis now);
  // Keeps the post's stored reply_count in step when a reply comes out or goes back.
  static void adjust_reply_count(Connection& c, std::int64_t post_id, int delta);
  // Replies held for review by the coach's executives, oldest submission first:
  // (reply id, submitted_at).
  static std::vector<std::pair<std::int64_t, domain::Millis>> queue(Connection& c,
                                                                    std::int64_t coach_id,
                                                                    int limit);
  // How many of the executive's replies wait for a coach.
  static std::int64_t waiting_for(Connection& c, std::int64_t executive_id);
};

}  // namespace greenroom::store
