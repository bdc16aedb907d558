#include "store/search_repository.hpp"

namespace greenroom::store {

std::vector<SearchHit> SearchRepository::matches(Connection& c, const SearchFilter& f) {
  auto q = c.prepare(
      "SELECT s.rowid, s.kind, s.item_id, bm25(search_index), u.id, u.username, "
      "u.display_name, CASE s.kind WHEN 'reply' THEN r.created_at "
      "ELSE COALESCE(p.published_at, p.created_at) END AS at, "
      "p.id, p.author_id, p.space, p.state, r.id, r.author_id, r.state, r.review_state, "
      "p.share_with_mentor, COALESCE(r.private_to, 0) "
      "FROM search_index s "
      "LEFT JOIN replies r ON s.kind = 'reply' AND r.id = s.item_id "
      "JOIN posts p ON p.id = CASE s.kind WHEN 'post' THEN s.item_id ELSE r.post_id END "
      "JOIN users u ON u.id = CASE s.kind WHEN 'reply' THEN r.author_id ELSE p.author_id END "
      "WHERE search_index MATCH ?1 AND s.kind IN ('post', 'reply') "
      "AND (?2 IS NULL OR u.id = ?2) AND (?3 IS NULL OR p.space = ?3) "
      "AND (?4 IS NULL OR s.kind = ?4) AND (?5 IS NULL OR at >= ?5) "
      "AND (?6 IS NULL OR at < ?6) "
      "AND (?8 IS NULL OR EXISTS (SELECT 1 FROM text_references t WHERE t.kind = 'topic' "
      "AND t.value = ?8 AND t.post_id = p.id AND t.reply_id IS r.id)) "
      "ORDER BY s.rowid DESC LIMIT ?7");
  q.bind(1, f.fts).bind(2, f.author_id);
  if (f.space)
    q.bind(3, domain::to_string(*f.space));
  else
    q.bind_null(3);
  q.bind(4, f.kind).bind(5, f.since).bind(6, f.until).bind(7, f.window).bind(8, f.topic);
  std::vector<SearchHit> out;
  while (q.step()) {
    SearchHit h;
    h.rowid = q.int64(0);
    h.kind = q.text(1);
    h.item_id = q.int64(2);
    h.bm25 = q.real(3);
    h.author = {q.int64(4), q.text(5), q.text(6)};
    h.at = q.int64(7);
    h.post.id = q.int64(8);
    h.post.author_id = q.int64(9);
    h.post.space = domain::parse_space(q.text(10)).value_or(domain::Space::practice);
    h.post.state = domain::parse_state(q.text(11)).value_or(domain::PostState::removed);
    h.post.shared_with_mentor = q.int64(16) != 0;
    if (!q.is_null(12)) {
      domain::ReplyFacts r;
      r.id = q.int64(12);
      r.post_id = h.post.id;
      r.author_id = q.int64(13);
      r.state = domain::parse_reply_state(q.text(14)).value_or(domain::ReplyState::removed);
      r.review = domain::parse_reply_review(q.text(15)).value_or(domain::ReplyReview::in_review);
      r.private_to = q.int64(17);
      h.reply = r;
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<SearchHit> SearchRepository::question_matches(Connection& c, const SearchFilter& f) {
  // A question's index row is id * 16 + 3, so every one lies at or below the newest
  // question's: the rowid bound lets FTS5 skip the (far more numerous) newer posts and
  // replies, and the rowid order streams instead of scoring and sorting every match.
  std::int64_t bound = 3;
  {
    auto m = c.prepare("SELECT COALESCE(MAX(id), 0) FROM questions");
    if (m.step()) bound = m.int64(0) * 16 + 3;
  }
  auto q = c.prepare(
      "SELECT s.rowid, s.item_id, bm25(search_index), u.id, u.username, u.display_name, "
      "COALESCE(q.asked_at, q.created_at) AS at, q.state, q.anonymous, b.host_id, q.blog_id "
      "FROM search_index s JOIN questions q ON q.id = s.item_id "
      "JOIN blogs b ON b.id = q.blog_id JOIN users u ON u.id = q.asker_id "
      "WHERE search_index MATCH ?1 AND s.rowid <= ?5 AND s.kind = 'question' "
      "AND q.state = 'answered' AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3) "
      "ORDER BY s.rowid DESC LIMIT ?4");
  q.bind(1, f.fts).bind(2, f.since).bind(3, f.until).bind(4, f.window).bind(5, bound);
  std::vector<SearchHit> out;
  while (q.step()) {
    SearchHit h;
    h.rowid = q.int64(0);
    h.kind = "question";
    h.item_id = q.int64(1);
    h.bm25 = q.real(2);
    h.author = {q.int64(3), q.text(4), q.text(5)};
    h.at = q.int64(6);
    domain::QuestionFacts facts;
    facts.id = h.item_id;
    facts.asker_id = h.author.id;
    facts.state = domain::parse_question_state(q.text(7)).value_or(domain::QuestionState::removed);
    facts.anonymous = q.int64(8) != 0;
    facts.host_id = q.int64(9);
    h.question = facts;
    h.blog_id = q.int64(10);
    out.push_back(std::move(h));
  }
  return out;
}

std::string SearchRepository::snippet(Connection& c, const std::string& fts, std::int64_t rowid) {
  auto q = c.prepare(
      "SELECT snippet(search_index, 0, char(1), char(2), '…', 24) FROM search_index "
      "WHERE search_index MATCH ?1 AND rowid = ?2");
  q.bind(1, fts).bind(2, rowid);
  return q.step() ? q.text(0) : std::string();
}

}  // namespace greenroom::store
