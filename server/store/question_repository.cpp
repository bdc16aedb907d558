#include "store/question_repository.hpp"

#include <array>

namespace greenroom::store {
namespace {

// ?1 is always the viewer (for voted_by_me).
constexpr std::string_view kQuestionSelect =
    "SELECT q.id, q.blog_id, b.host_id, u.id, u.username, u.display_name, q.anonymous, q.topic, "
    "q.body, q.state, q.vote_count, "
    "EXISTS(SELECT 1 FROM question_votes v WHERE v.question_id = q.id AND v.user_id = ?1), "
    "q.decline_reason, q.created_at, q.asked_at, q.closed_at, "
    "a.body, a.version, a.created_at, a.updated_at, a.html "
    "FROM questions q JOIN blogs b ON b.id = q.blog_id JOIN users u ON u.id = q.asker_id "
    "LEFT JOIN answers a ON a.question_id = q.id ";

QuestionRecord read_question(const Statement& q) {
  QuestionRecord r;
  r.id = q.int64(0);
  r.blog_id = q.int64(1);
  r.host_id = q.int64(2);
  r.asker = {q.int64(3), q.text(4), q.text(5)};
  r.anonymous = q.int64(6) != 0;
  r.topic = q.text_or_null(7);
  r.body = q.text(8);
  r.state = domain::parse_question_state(q.text(9)).value_or(domain::QuestionState::removed);
  r.vote_count = q.int64(10);
  r.voted_by_me = q.int64(11) != 0;
  r.decline_reason = q.text_or_null(12);
  r.created_at = q.int64(13);
  r.asked_at = q.int64_or_null(14);
  r.closed_at = q.int64_or_null(15);
  if (!q.is_null(16))
    r.answer = AnswerRecord{q.text(16), q.text_or_null(20), q.int64(17), q.int64(18), q.int64(19)};
  return r;
}

std::string with_select(std::string_view tail) {
  std::string sql(kQuestionSelect);
  sql.append(tail);
  return sql;
}

std::vector<QuestionRecord> read_all(Statement& q) {
  std::vector<QuestionRecord> out;
  while (q.step()) out.push_back(read_question(q));
  return out;
}

std::int64_t vote_count(Connection& c, std::int64_t id) {
  auto q = c.prepare("SELECT vote_count FROM questions WHERE id = ?1");
  q.bind(1, id);
  return q.step() ? q.int64(0) : 0;
}

}  // namespace

std::int64_t QuestionRepository::insert(Connection& c, const NewQuestion& n, domain::Millis now) {
  auto q = c.prepare(
      "INSERT INTO questions(blog_id, asker_id, anonymous, topic, body, state, created_at, "
      "asked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  q.bind(1, n.blog_id)
      .bind(2, n.asker_id)
      .bind(3, n.anonymous ? 1 : 0)
      .bind(4, n.topic)
      .bind(5, n.body)
      .bind(6, n.pending ? "pending" : "open")
      .bind(7, now);
  if (n.pending)
    q.bind_null(8);
  else
    q.bind(8, now);
  q.run();
  return c.last_insert_id();
}

std::optional<QuestionRecord> QuestionRepository::find(Connection& c, std::int64_t id,
                                                       std::int64_t viewer_id) {
  static const std::string sql = with_select("WHERE q.id = ?2");
  auto q = c.prepare(sql);
  q.bind(1, viewer_id).bind(2, id);
  if (!q.step()) return std::nullopt;
  return read_question(q);
}

namespace {
// The unanswered order as one number: open questions (0) before the rest (1), then by the
// time the question went out; milliseconds stay below 2^48 for the next thousands of years.
constexpr std::string_view kUnansweredKey =
    "((q.state <> 'open') * 281474976710656 + COALESCE(q.asked_at, q.created_at))";
constexpr std::int64_t kClosedRank = 281474976710656;
}  // namespace

std::vector<QuestionRecord> QuestionRepository::list(Connection& c, std::int64_t blog_id,
                                                     std::int64_t viewer_id, QuestionSort sort,
                                                     const std::optional<std::string>& topic,
                                                     int limit,
                                                     const std::optional<domain::Cursor>& after) {
  static const std::string base = with_select(
      "WHERE q.blog_id = ?2 AND q.state <> 'removed' AND (?3 IS NULL OR q.topic = ?3) ");
  static const std::string unanswered_order =
      "ORDER BY " + std::string(kUnansweredKey) + ", q.id LIMIT ?4";
  static const std::array<std::string, 6> sql = {
      base + "ORDER BY q.vote_count DESC, q.id DESC LIMIT ?4",
      base + "AND (q.vote_count, q.id) < (?5, ?6) ORDER BY q.vote_count DESC, q.id DESC LIMIT ?4",
      base + "ORDER BY q.id DESC LIMIT ?4",
      base + "AND q.id < ?6 ORDER BY q.id DESC LIMIT ?4",
      base + unanswered_order,
      base + "AND (" + std::string(kUnansweredKey) + ", q.id) > (?5, ?6) " + unanswered_order,
  };
  const std::size_t index = (sort == QuestionSort::votes    ? 0
                             : sort == QuestionSort::newest ? 2
                                                            : 4) +
                            (after ? 1 : 0);
  auto q = c.prepare(sql[index]);
  q.bind(1, viewer_id).bind(2, blog_id).bind(3, topic).bind(4, limit);
  if (after) {
    if (sort != QuestionSort::newest) q.bind(5, after->key);
    q.bind(6, after->id);
  }
  return read_all(q);
}

domain::Cursor QuestionRepository::cursor_of(QuestionSort sort, const QuestionRecord& q) {
  switch (sort) {
    case QuestionSort::votes:
      return {q.vote_count, q.id};
    case QuestionSort::newest:
      return {q.id, q.id};
    case QuestionSort::unanswered:
      return {(q.state != domain::QuestionState::open ? kClosedRank : 0) +
                  q.asked_at.value_or(q.created_at),
              q.id};
  }
  return {q.id, q.id};
}

std::vector<QuestionRecord> QuestionRepository::answered(Connection& c, std::int64_t blog_id,
                                                         std::int64_t viewer_id, int limit) {
  static const std::string sql = with_select(
      "WHERE q.blog_id = ?2 AND q.state = 'answered' ORDER BY q.closed_at DESC, q.id DESC "
      "LIMIT ?3");
  auto q = c.prepare(sql);
  q.bind(1, viewer_id).bind(2, blog_id).bind(3, limit);
  return read_all(q);
}

std::vector<QuestionRepository::TopicWeek> QuestionRepository::temperature(Connection& c,
                                                                           std::int64_t blog_id,
                                                                           domain::Millis since) {
  // Monday 00:00 UTC, as domain::week_start (the epoch was a Thursday: 3 days after a Monday).
  constexpr std::string_view kWeek = "(((%1 + 259200000) / 604800000) * 604800000 - 259200000)";
  auto week_of = [&](std::string_view column) {
    std::string w(kWeek);
    w.replace(w.find("%1"), 2, column);
    return w;
  };
  static const std::string sql =
      "SELECT topic, week, SUM(questions), SUM(votes) FROM ("
      "SELECT q.topic AS topic, " +
      week_of("q.asked_at") +
      " AS week, 1 AS questions, "
      "0 AS votes FROM questions q WHERE q.blog_id = ?1 AND q.asked_at >= ?2 "
      "AND q.state IN ('open','answered','declined') "
      "UNION ALL "
      "SELECT q.topic, " +
      week_of("v.created_at") +
      ", 0, 1 FROM questions q "
      "JOIN question_votes v ON v.question_id = q.id WHERE q.blog_id = ?1 "
      "AND q.state IN ('open','answered','declined') AND v.created_at >= ?2) "
      "GROUP BY topic, week ORDER BY week, topic";
  auto q = c.prepare(sql);
  q.bind(1, blog_id).bind(2, since);
  std::vector<TopicWeek> out;
  while (q.step()) out.push_back({q.text_or_null(0), q.int64(1), q.int64(2), q.int64(3)});
  return out;
}

std::vector<domain::QuestionTiming> QuestionRepository::timings(Connection& c,
                                                                std::int64_t blog_id) {
  auto q = c.prepare(
      "SELECT state, COALESCE(asked_at, created_at), closed_at FROM questions "
      "WHERE blog_id = ?1 AND state IN ('open','answered','declined')");
  q.bind(1, blog_id);
  std::vector<domain::QuestionTiming> out;
  while (q.step())
    out.push_back({domain::parse_question_state(q.text(0)).value_or(domain::QuestionState::open),
                   q.int64(1), q.int64_or_null(2)});
  return out;
}

std::int64_t QuestionRepository::vote(Connection& c, std::int64_t id, std::int64_t user_id,
                                      domain::Millis now) {
  auto q = c.prepare(
      "INSERT INTO question_votes(question_id, user_id, created_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING");
  q.bind(1, id).bind(2, user_id).bind(3, now);
  q.run();
  if (c.changes() > 0) {
    auto u = c.prepare("UPDATE questions SET vote_count = vote_count + 1 WHERE id = ?1");
    u.bind(1, id);
    u.run();
  }
  return vote_count(c, id);
}

std::int64_t QuestionRepository::unvote(Connection& c, std::int64_t id, std::int64_t user_id) {
  auto q = c.prepare("DELETE FROM question_votes WHERE question_id = ?1 AND user_id = ?2");
  q.bind(1, id).bind(2, user_id);
  q.run();
  if (c.changes() > 0) {
    auto u = c.prepare("UPDATE questions SET vote_count = vote_count - 1 WHERE id = ?1");
    u.bind(1, id);
    u.run();
  }
  return vote_count(c, id);
}

std::vector<std::int64_t> QuestionRepository::voters(Connection& c, std::int64_t id) {
  auto q = c.prepare("SELECT user_id FROM question_votes WHERE question_id = ?1");
  q.bind(1, id);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

std::int64_t QuestionRepository::answer(Connection& c, std::int64_t id, std::string_view body,
                                        std::string_view html, domain::Millis now) {
  auto up = c.prepare(
      "INSERT INTO answers(question_id, body, html, version, created_at, updated_at) "
      "VALUES (?1, ?2, ?4, 1, ?3, ?3) ON CONFLICT(question_id) DO UPDATE SET "
      "body = excluded.body, html = excluded.html, version = version + 1, "
      "updated_at = excluded.updated_at RETURNING version");
  up.bind(1, id).bind(2, body).bind(3, now).bind(4, html);
  up.step();
  const auto version = up.int64(0);
  while (up.step()) {
  }
  auto v = c.prepare(
      "INSERT INTO answer_versions(question_id, version, body, created_at) VALUES (?1, ?2, ?3, "
      "?4)");
  v.bind(1, id).bind(2, version).bind(3, body).bind(4, now);
  v.run();
  auto s = c.prepare(
      "UPDATE questions SET state = 'answered', closed_at = COALESCE(closed_at, ?2) WHERE id = ?1");
  s.bind(1, id).bind(2, now);
  s.run();
  return version;
}

std::vector<AnswerVersion> QuestionRepository::answer_versions(Connection& c, std::int64_t id) {
  auto q = c.prepare(
      "SELECT version, body, created_at FROM answer_versions WHERE question_id = ?1 "
      "ORDER BY version");
  q.bind(1, id);
  std::vector<AnswerVersion> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.int64(2)});
  return out;
}

void QuestionRepository::decline(Connection& c, std::int64_t id, std::string_view reason,
                                 domain::Millis now) {
  auto q = c.prepare(
      "UPDATE questions SET state = 'declined', decline_reason = ?2, closed_at = ?3 "
      "WHERE id = ?1");
  q.bind(1, id).bind(2, reason).bind(3, now);
  q.run();
}

void QuestionRepository::approve(Connection& c, std::int64_t id, domain::Millis now) {
  auto q = c.prepare(
      "UPDATE questions SET state = 'open', asked_at = ?2 WHERE id = ?1 AND state = 'pending'");
  q.bind(1, id).bind(2, now);
  q.run();
}

}  // namespace greenroom::store
