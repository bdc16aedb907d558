#include "store/annotation_repository.hpp"

#include "store/user_repository.hpp"

namespace greenroom::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT a.id, a.post_id, a.version, a.coach_id, u.username, u.display_name, a.category, "
    "a.comment, a.suggestion, a.exact, a.prefix, a.suffix, a.start_cp, a.end_cp, a.orig_start, "
    "a.orig_end, a.orphaned, a.resolved_at, a.applied, a.created_at, a.reply_id, a.author_role "
    "FROM annotations a JOIN users u ON u.id = a.coach_id ";

AnnotationRecord read(const Statement& q) {
  AnnotationRecord a;
  a.id = q.int64(0);
  a.post_id = q.int64(1);
  a.version = q.int64(2);
  a.coach = {q.int64(3), q.text(4), q.text(5)};
  a.category = q.text(6);
  a.comment = q.text(7);
  a.suggestion = q.text_or_null(8);
  a.anchor.exact = q.text(9);
  a.anchor.prefix = q.text(10);
  a.anchor.suffix = q.text(11);
  a.anchor.start = static_cast<std::size_t>(q.int64(12));
  a.anchor.end = static_cast<std::size_t>(q.int64(13));
  a.orig_start = q.int64(14);
  a.orig_end = q.int64(15);
  a.orphaned = q.int64(16) != 0;
  a.resolved_at = q.int64_or_null(17);
  a.applied = q.int64(18) != 0;
  a.created_at = q.int64(19);
  a.reply_id = q.int64_or_null(20);
  a.author_role = q.text(21);
  return a;
}

std::vector<AnnotationReplyRecord> replies_of(Connection& c, std::int64_t annotation_id) {
  auto q = c.prepare(
      "SELECT r.id, r.author_id, u.username, u.display_name, r.body, r.created_at "
      "FROM annotation_replies r JOIN users u ON u.id = r.author_id "
      "WHERE r.annotation_id = ?1 ORDER BY r.id");
  q.bind(1, annotation_id);
  std::vector<AnnotationReplyRecord> out;
  while (q.step())
    out.push_back({q.int64(0), {q.int64(1), q.text(2), q.text(3)}, q.text(4), q.int64(5)});
  return out;
}

void write_anchor(Connection& c, std::int64_t id, const domain::TextAnchor& a, bool orphaned) {
  c.prepare(
       "UPDATE annotations SET exact = ?2, prefix = ?3, suffix = ?4, start_cp = ?5, end_cp = ?6, "
       "orphaned = ?7 WHERE id = ?1")
      .bind(1, id)
      .bind(2, a.exact)
      .bind(3, a.prefix)
      .bind(4, a.suffix)
      .bind(5, static_cast<std::int64_t>(a.start))
      .bind(6, static_cast<std::int64_t>(a.end))
      .bind(7, orphaned ? 1 : 0)
      .run();
}

}  // namespace

std::int64_t AnnotationRepository::insert(Connection& c, const NewAnnotation& a, domain::Millis now,
                                          std::optional<std::int64_t> reply_id) {
  c.prepare(
       "INSERT INTO annotations(post_id, version, coach_id, category, comment, suggestion, exact, "
       "prefix, suffix, start_cp, end_cp, orig_start, orig_end, created_at, reply_id, "
       "author_role) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11, ?12, ?13, ?14)")
      .bind(1, a.post_id)
      .bind(2, a.version)
      .bind(3, a.coach_id)
      .bind(4, a.category)
      .bind(5, a.comment)
      .bind(6, a.suggestion)
      .bind(7, a.anchor.exact)
      .bind(8, a.anchor.prefix)
      .bind(9, a.anchor.suffix)
      .bind(10, static_cast<std::int64_t>(a.anchor.start))
      .bind(11, static_cast<std::int64_t>(a.anchor.end))
      .bind(12, now)
      .bind(13, reply_id)
      .bind(14, a.author_role)
      .run();
  return c.last_insert_id();
}

std::optional<AnnotationRecord> AnnotationRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kSelect) + "WHERE a.id = ?1";
  std::optional<AnnotationRecord> out;
  {
    auto q = c.prepare(sql);
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    out = read(q);
  }
  out->replies = replies_of(c, id);
  return out;
}

std::vector<AnnotationRecord> AnnotationRepository::for_post(Connection& c, std::int64_t post_id) {
  static const std::string sql =
      std::string(kSelect) +
      "WHERE a.post_id = ?1 AND a.reply_id IS NULL ORDER BY a.orphaned, a.start_cp, a.id";
  std::vector<AnnotationRecord> out;
  {
    auto q = c.prepare(sql);
    q.bind(1, post_id);
    while (q.step()) out.push_back(read(q));
  }
  for (auto& a : out) a.replies = replies_of(c, a.id);
  return out;
}

std::vector<AnnotationRecord> AnnotationRepository::for_reply(Connection& c,
                                                              std::int64_t reply_id) {
  static const std::string sql =
      std::string(kSelect) + "WHERE a.reply_id = ?1 ORDER BY a.orphaned, a.start_cp, a.id";
  std::vector<AnnotationRecord> out;
  {
    auto q = c.prepare(sql);
    q.bind(1, reply_id);
    while (q.step()) out.push_back(read(q));
  }
  for (auto& a : out) a.replies = replies_of(c, a.id);
  return out;
}

AnnotationReplyRecord AnnotationRepository::add_reply(Connection& c, std::int64_t annotation_id,
                                                      std::int64_t author_id,
                                                      const std::string& body, domain::Millis now) {
  c.prepare(
       "INSERT INTO annotation_replies(annotation_id, author_id, body, created_at) "
       "VALUES(?1, ?2, ?3, ?4)")
      .bind(1, annotation_id)
      .bind(2, author_id)
      .bind(3, body)
      .bind(4, now)
      .run();
  AnnotationReplyRecord r;
  r.id = c.last_insert_id();
  r.author = UserRepository::author_ref(c, author_id);
  r.body = body;
  r.created_at = now;
  return r;
}

void AnnotationRepository::resolve(Connection& c, std::int64_t id, std::int64_t by,
                                   domain::Millis now) {
  c.prepare(
       "UPDATE annotations SET resolved_at = COALESCE(resolved_at, ?3), "
       "resolved_by = COALESCE(resolved_by, ?2) WHERE id = ?1")
      .bind(1, id)
      .bind(2, by)
      .bind(3, now)
      .run();
}

void AnnotationRepository::mark_applied(Connection& c, std::int64_t id,
                                        const domain::TextAnchor& anchor, std::int64_t by,
                                        domain::Millis now) {
  write_anchor(c, id, anchor, false);
  c.prepare("UPDATE annotations SET applied = 1 WHERE id = ?1").bind(1, id).run();
  resolve(c, id, by, now);
}

namespace {

void reanchor(Connection& c, const std::string& sql, std::int64_t key, const std::string& new_body,
              std::optional<std::int64_t> except) {
  std::vector<AnnotationRecord> live;
  {
    auto q = c.prepare(sql);
    q.bind(1, key);
    while (q.step()) live.push_back(read(q));
  }
  for (const auto& a : live) {
    if (except && a.id == *except) continue;
    auto r = domain::reanchor(a.anchor, new_body);
    if (r.orphaned) {
      write_anchor(c, a.id, a.anchor, true);
      continue;
    }
    auto fresh = domain::make_anchor(new_body, r.start, r.end);
    write_anchor(c, a.id, fresh ? *fresh : a.anchor, !fresh);
  }
}

}  // namespace

void AnnotationRepository::reanchor_all(Connection& c, std::int64_t post_id,
                                        const std::string& new_body,
                                        std::optional<std::int64_t> except) {
  static const std::string sql =
      std::string(kSelect) + "WHERE a.post_id = ?1 AND a.reply_id IS NULL AND a.orphaned = 0";
  reanchor(c, sql, post_id, new_body, except);
}

void AnnotationRepository::reanchor_reply(Connection& c, std::int64_t reply_id,
                                          const std::string& new_body) {
  static const std::string sql = std::string(kSelect) + "WHERE a.reply_id = ?1 AND a.orphaned = 0";
  reanchor(c, sql, reply_id, new_body, std::nullopt);
}

}  // namespace greenroom::store
