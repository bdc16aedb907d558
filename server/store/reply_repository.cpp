#include "store/reply_repository.hpp"

#include <string>

namespace greenroom::store {

ReplyRecord read_reply(const Statement& q) {
  ReplyRecord r;
  r.id = q.int64(0);
  r.post_id = q.int64(1);
  r.author = {q.int64(2), q.text(3), q.text(4)};
  r.body = q.text(5);
  r.created_at = q.int64(6);
  r.state = domain::parse_reply_state(q.text(7)).value_or(domain::ReplyState::removed);
  r.review = domain::parse_reply_review(q.text(8)).value_or(domain::ReplyReview::in_review);
  r.version = q.int64(9);
  r.moderation_reason = q.text(10);
  r.private_to = q.int64(11);
  r.persona_id = q.int64_or_null(12);
  r.persona_name = q.text(13);
  return r;
}

std::optional<ReplyRecord> ReplyRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kReplySelect) + "WHERE r.id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_reply(q);
}

void ReplyRepository::set_review(Connection& c, std::int64_t id, domain::ReplyReview review,
                                 domain::Millis now) {
  c.prepare(
       "UPDATE replies SET review_state = ?2, "
       " submitted_at = CASE WHEN ?2 = 'in_review' THEN ?3 ELSE submitted_at END WHERE id = ?1")
      .bind(1, id)
      .bind(2, domain::to_string(review))
      .bind(3, now)
      .run();
}

void ReplyRepository::revise(Connection& c, std::int64_t id, std::string_view body,
                             domain::Millis) {
  c.prepare("UPDATE replies SET body = ?2, version = version + 1 WHERE id = ?1")
      .bind(1, id)
      .bind(2, body)
      .run();
}

void ReplyRepository::adjust_reply_count(Connection& c, std::int64_t post_id, int delta) {
  c.prepare("UPDATE posts SET reply_count = MAX(0, reply_count + ?2) WHERE id = ?1")
      .bind(1, post_id)
      .bind(2, static_cast<std::int64_t>(delta))
      .run();
}

std::vector<std::pair<std::int64_t, domain::Millis>> ReplyRepository::queue(Connection& c,
                                                                            std::int64_t coach_id,
                                                                            int limit) {
  auto q = c.prepare(
      "SELECT r.id, COALESCE(r.submitted_at, r.created_at) FROM replies r "
      "WHERE r.review_state = 'in_review' AND r.state = 'visible' AND r.author_id IN "
      " (SELECT executive_id FROM coach_assignments WHERE coach_id = ?1) "
      "ORDER BY COALESCE(r.submitted_at, r.created_at), r.id LIMIT ?2");
  q.bind(1, coach_id).bind(2, limit);
  std::vector<std::pair<std::int64_t, domain::Millis>> out;
  while (q.step()) out.emplace_back(q.int64(0), q.int64(1));
  return out;
}

std::int64_t ReplyRepository::waiting_for(Connection& c, std::int64_t executive_id) {
  auto q = c.prepare(
      "SELECT COUNT(*) FROM replies WHERE author_id = ?1 AND review_state = 'in_review' "
      "AND state = 'visible'");
  q.bind(1, executive_id);
  q.step();
  return q.int64(0);
}

}  // namespace greenroom::store
