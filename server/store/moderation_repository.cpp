#include "store/moderation_repository.hpp"

#include <limits>

namespace greenroom::store {
namespace {

ReportRecord read_report(const Statement& q) {
  // id, case_id, target_type, target_id, reporter id, username, display_name, reason,
  // comment, created_at, updated_at
  ReportRecord r;
  r.id = q.int64(0);
  r.case_id = q.int64(1);
  r.target_type = domain::parse_target_type(q.text(2)).value_or(domain::TargetType::post);
  r.target_id = q.int64(3);
  r.reporter = {q.int64(4), q.text(5), q.text(6)};
  r.reason = domain::parse_report_reason(q.text(7)).value_or(domain::ReportReason::other);
  r.comment = q.text(8);
  r.created_at = q.int64(9);
  r.updated_at = q.int64(10);
  return r;
}

constexpr std::string_view kReportSelect =
    "SELECT r.id, r.case_id, k.target_type, k.target_id, u.id, u.username, u.display_name, "
    "r.reason, r.comment, r.created_at, r.updated_at "
    "FROM reports r JOIN moderation_cases k ON k.id = r.case_id "
    "JOIN users u ON u.id = r.reporter_id ";

}  // namespace

std::optional<ModeratedRecord> ModerationRepository::find_item(Connection& c,
                                                               domain::TargetType type,
                                                               std::int64_t id) {
  ModeratedRecord m;
  m.type = type;
  m.id = id;
  if (type == domain::TargetType::post) {
    auto q = c.prepare(
        "SELECT p.id, u.id, u.username, u.display_name, p.state, p.space, p.locked_at IS NOT NULL "
        "FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    m.post_id = q.int64(0);
    m.author = {q.int64(1), q.text(2), q.text(3)};
    m.post_state = domain::parse_state(q.text(4)).value_or(domain::PostState::removed);
    m.space = domain::parse_space(q.text(5)).value_or(domain::Space::company);
    m.locked = q.int64(6) != 0;
    m.post_author_id = m.author.id;
    return m;
  }
  if (type == domain::TargetType::reply) {
    auto q = c.prepare(
        "SELECT r.post_id, u.id, u.username, u.display_name, p.state, p.space, "
        "p.locked_at IS NOT NULL, r.state, p.author_id, r.review_state, "
        "COALESCE(r.private_to, 0) FROM replies r JOIN posts p ON p.id = r.post_id JOIN users u ON "
        "u.id = r.author_id "
        "WHERE r.id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    m.post_id = q.int64(0);
    m.author = {q.int64(1), q.text(2), q.text(3)};
    m.post_state = domain::parse_state(q.text(4)).value_or(domain::PostState::removed);
    m.space = domain::parse_space(q.text(5)).value_or(domain::Space::company);
    m.locked = q.int64(6) != 0;
    m.reply_state = domain::parse_reply_state(q.text(7)).value_or(domain::ReplyState::removed);
    m.post_author_id = q.int64(8);
    m.reply_review = domain::parse_reply_review(q.text(9)).value_or(domain::ReplyReview::in_review);
    m.reply_private_to = q.int64(10);
    return m;
  }
  auto q = c.prepare(
      "SELECT u.id, u.username, u.display_name, q.state, q.anonymous, b.host_id, q.blog_id, "
      "EXISTS(SELECT 1 FROM answers a WHERE a.question_id = q.id), "
      "q.decline_reason IS NOT NULL, q.asked_at IS NOT NULL "
      "FROM questions q JOIN blogs b ON b.id = q.blog_id JOIN users u ON u.id = q.asker_id "
      "WHERE q.id = ?1");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  m.author = {q.int64(0), q.text(1), q.text(2)};
  domain::QuestionFacts f;
  f.id = id;
  f.asker_id = m.author.id;
  f.state = domain::parse_question_state(q.text(3)).value_or(domain::QuestionState::removed);
  f.anonymous = q.int64(4) != 0;
  f.host_id = q.int64(5);
  m.blog_id = q.int64(6);
  m.question = f;
  m.question_restores_to =
      domain::question_restore_state(q.int64(7) != 0, q.int64(8) != 0, q.int64(9) != 0);
  return m;
}

void ModerationRepository::set_question_state(Connection& c, std::int64_t question_id,
                                              domain::QuestionState state,
                                              const std::string& reason) {
  const bool withdrawn =
      state == domain::QuestionState::hidden || state == domain::QuestionState::removed;
  c.prepare("UPDATE questions SET state = ?2, moderation_reason = ?3 WHERE id = ?1")
      .bind(1, question_id)
      .bind(2, domain::to_string(state))
      .bind(3, withdrawn ? std::optional<std::string>(reason) : std::nullopt)
      .run();
}

std::optional<std::int64_t> ModerationRepository::open_case(Connection& c, domain::TargetType type,
                                                            std::int64_t id) {
  auto q = c.prepare(
      "SELECT id FROM moderation_cases WHERE target_type = ?1 AND target_id = ?2 "
      "AND state = 'open'");
  q.bind(1, domain::to_string(type)).bind(2, id);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

FiledReport ModerationRepository::file_report(Connection& c, const ModeratedRecord& item,
                                              std::int64_t reporter_id, domain::ReportReason reason,
                                              const std::string& comment, domain::Millis now) {
  FiledReport out;
  auto case_id = open_case(c, item.type, item.id);
  if (!case_id) {
    c.prepare(
         "INSERT INTO moderation_cases(target_type, target_id, post_id, opened_at) "
         "VALUES(?1, ?2, ?3, ?4)")
        .bind(1, domain::to_string(item.type))
        .bind(2, item.id)
        .bind(3, item.post_id ? std::optional<std::int64_t>(item.post_id) : std::nullopt)
        .bind(4, now)
        .run();
    case_id = c.last_insert_id();
    out.new_case = true;
  }
  out.created = true;
  if (!out.new_case) {
    auto q = c.prepare("SELECT 1 FROM reports WHERE case_id = ?1 AND reporter_id = ?2");
    q.bind(1, *case_id).bind(2, reporter_id);
    out.created = !q.step();
  }
  c.prepare(
       "INSERT INTO reports(case_id, reporter_id, reason, comment, created_at, updated_at) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?5) "
       "ON CONFLICT(case_id, reporter_id) DO UPDATE SET reason = excluded.reason, "
       "comment = excluded.comment, updated_at = excluded.updated_at")
      .bind(1, *case_id)
      .bind(2, reporter_id)
      .bind(3, domain::to_string(reason))
      .bind(4, comment)
      .bind(5, now)
      .run();
  {
    static const std::string sql = [] {
      std::string s(kReportSelect);
      s += "WHERE r.case_id = ?1 AND r.reporter_id = ?2";
      return s;
    }();
    auto q = c.prepare(sql);
    q.bind(1, *case_id).bind(2, reporter_id);
    q.step();
    out.report = read_report(q);
  }
  c.prepare(
       "UPDATE moderation_cases SET report_count = "
       "(SELECT COUNT(*) FROM reports WHERE case_id = ?1) WHERE id = ?1")
      .bind(1, *case_id)
      .run();
  auto q = c.prepare("SELECT report_count FROM moderation_cases WHERE id = ?1");
  q.bind(1, *case_id);
  q.step();
  out.report_count = q.int64(0);
  return out;
}

CasePage ModerationRepository::queue(Connection& c, std::optional<domain::Cursor> after,
                                     int limit) {
  auto q = c.prepare(
      "SELECT id, target_type, target_id, post_id, report_count, opened_at "
      "FROM moderation_cases WHERE state = 'open' AND (opened_at, id) > (?1, ?2) "
      "ORDER BY opened_at, id LIMIT ?3");
  const auto min = std::numeric_limits<std::int64_t>::min();
  q.bind(1, after ? after->key : min).bind(2, after ? after->id : min).bind(3, limit + 1);
  CasePage page;
  while (q.step()) {
    CaseRecord k;
    k.id = q.int64(0);
    k.target_type = domain::parse_target_type(q.text(1)).value_or(domain::TargetType::post);
    k.target_id = q.int64(2);
    k.post_id = q.int64_or_null(3).value_or(0);
    k.report_count = q.int64(4);
    k.opened_at = q.int64(5);
    page.items.push_back(std::move(k));
  }
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    page.next = domain::Cursor{page.items.back().opened_at, page.items.back().id};
  }
  static const std::string sql = [] {
    std::string s(kReportSelect);
    s += "WHERE r.case_id = ?1 ORDER BY r.id";
    return s;
  }();
  for (auto& k : page.items) {
    auto r = c.prepare(sql);
    r.bind(1, k.id);
    while (r.step()) k.reports.push_back(read_report(r));
  }
  return page;
}

std::vector<std::int64_t> ModerationRepository::close_case(Connection& c, std::int64_t case_id,
                                                           std::string_view state,
                                                           domain::Millis now) {
  c.prepare("UPDATE moderation_cases SET state = ?2, closed_at = ?3 WHERE id = ?1")
      .bind(1, case_id)
      .bind(2, state)
      .bind(3, now)
      .run();
  auto q = c.prepare("SELECT reporter_id FROM reports WHERE case_id = ?1 ORDER BY id");
  q.bind(1, case_id);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

void ModerationRepository::set_post_state(Connection& c, std::int64_t post_id,
                                          domain::PostState state, const std::string& reason,
                                          domain::Millis now) {
  // A restored post keeps its published_at, so it returns to its place in the feed.
  c.prepare("UPDATE posts SET state = ?2, moderation_reason = ?3, updated_at = ?4 WHERE id = ?1")
      .bind(1, post_id)
      .bind(2, domain::to_string(state))
      .bind(3, state == domain::PostState::published ? std::optional<std::string>()
                                                     : std::optional<std::string>(reason))
      .bind(4, now)
      .run();
}

void ModerationRepository::set_reply_state(Connection& c, const ModeratedRecord& reply,
                                           domain::ReplyState state, const std::string& reason) {
  const bool was_visible = reply.reply_state == domain::ReplyState::visible;
  const bool is_visible = state == domain::ReplyState::visible;
  c.prepare("UPDATE replies SET state = ?2, moderation_reason = ?3 WHERE id = ?1")
      .bind(1, reply.id)
      .bind(2, domain::to_string(state))
      .bind(3, is_visible ? std::optional<std::string>() : std::optional<std::string>(reason))
      .run();
  if (was_visible != is_visible)
    c.prepare("UPDATE posts SET reply_count = reply_count + ?2 WHERE id = ?1")
        .bind(1, reply.post_id)
        .bind(2, is_visible ? 1 : -1)
        .run();
}

void ModerationRepository::set_locked(Connection& c, std::int64_t post_id, bool locked,
                                      domain::Millis now) {
  c.prepare("UPDATE posts SET locked_at = ?2 WHERE id = ?1")
      .bind(1, post_id)
      .bind(2, locked ? std::optional<std::int64_t>(now) : std::nullopt)
      .run();
}

ActionRecord ModerationRepository::insert_action(Connection& c, const ActionRecord& a) {
  c.prepare(
       "INSERT INTO moderation_actions(moderator_id, target_type, target_id, action, reason, "
       "case_id, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind(1, a.moderator_id)
      .bind(2, domain::to_string(a.target_type))
      .bind(3, a.target_id)
      .bind(4, domain::to_string(a.action))
      .bind(5, a.reason)
      .bind(6, a.case_id)
      .bind(7, a.created_at)
      .run();
  ActionRecord out = a;
  out.id = c.last_insert_id();
  return out;
}

std::vector<std::int64_t> ModerationRepository::moderator_ids(Connection& c) {
  auto q = c.prepare("SELECT id FROM users WHERE role = 'moderator' AND disabled = 0 ORDER BY id");
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

}  // namespace greenroom::store
