#include "store/post_repository.hpp"

#include <limits>
#include <string>

#include "store/user_repository.hpp"

namespace greenroom::store {
namespace {

// ?1 is always the viewer (for liked_by_me).
constexpr std::string_view kPostSelect =
    "SELECT p.id, p.author_id, u.username, u.display_name, p.space, p.state, p.body, "
    "p.version, p.created_at, p.updated_at, p.published_at, p.reply_count, p.like_count, "
    "EXISTS(SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ?1), "
    "p.share_with_mentor "
    "FROM posts p JOIN users u ON u.id = p.author_id ";

PostRecord read_post(const Statement& q) {
  PostRecord p;
  p.id = q.int64(0);
  p.author.id = q.int64(1);
  p.author.username = q.text(2);
  p.author.display_name = q.text(3);
  p.space = domain::parse_space(q.text(4)).value_or(domain::Space::company);
  p.state = domain::parse_state(q.text(5)).value_or(domain::PostState::removed);
  p.body = q.text(6);
  p.version = q.int64(7);
  p.created_at = q.int64(8);
  p.updated_at = q.int64(9);
  p.published_at = q.int64_or_null(10);
  p.reply_count = q.int64(11);
  p.like_count = q.int64(12);
  p.liked_by_me = q.int64(13) != 0;
  p.share_with_mentor = q.int64(14) != 0;
  return p;
}

const std::string& feed_sql(FeedScope scope) {
  static const std::string base = std::string(kPostSelect) +
                                  "WHERE p.space = ?2 AND p.state = 'published' "
                                  "AND (p.published_at, p.id) < (?3, ?4) ";
  static const std::string order = "ORDER BY p.published_at DESC, p.id DESC LIMIT ?5";
  static const std::string everyone = base + order;
  static const std::string cohort =
      base +
      "AND (p.author_id = ?1 "
      " OR p.author_id IN (SELECT a2.executive_id FROM coach_assignments a1 "
      "   JOIN coach_assignments a2 ON a2.coach_id = a1.coach_id WHERE a1.executive_id = ?1)"
      " OR p.author_id IN (SELECT coach_id FROM coach_assignments WHERE executive_id = ?1)) " +
      order;
  static const std::string coached_by =
      base +
      "AND (p.author_id = ?1 "
      " OR p.author_id IN (SELECT executive_id FROM coach_assignments WHERE coach_id = ?1)) " +
      order;
  // A reverse mentor: the practice posts of the executives they mentor (an active pairing
  // with an executive who still is one), as UserRepository::relation decides mentors_author.
  static const std::string mentored_by =
      base +
      "AND p.author_id IN (SELECT m.executive_id FROM mentorships m "
      "  JOIN users e ON e.id = m.executive_id AND e.role = 'executive' "
      "  JOIN users r ON r.id = m.mentor_id AND r.role = 'member' AND r.disabled = 0 "
      "  WHERE m.mentor_id = ?1 AND m.state = 'active') " +
      order;
  switch (scope) {
    case FeedScope::mentored_by:
      return mentored_by;
    case FeedScope::cohort:
      return cohort;
    case FeedScope::coached_by:
      return coached_by;
    case FeedScope::everyone:
      break;
  }
  return everyone;
}

}  // namespace

std::int64_t PostRepository::insert(Connection& c, const NewPost& p, domain::Millis now) {
  auto q = c.prepare(
      "INSERT INTO posts(author_id, space, state, body, created_at, updated_at, published_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?5, ?6)");
  q.bind(1, p.author_id)
      .bind(2, domain::to_string(p.space))
      .bind(3, domain::to_string(p.state))
      .bind(4, p.body)
      .bind(5, now);
  if (p.state == domain::PostState::published)
    q.bind(6, now);
  else
    q.bind_null(6);
  q.run();
  const auto id = c.last_insert_id();
  c.prepare("INSERT INTO post_versions(post_id, version, body, created_at) VALUES(?1, 1, ?2, ?3)")
      .bind(1, id)
      .bind(2, p.body)
      .bind(3, now)
      .run();
  if (p.state == domain::PostState::in_review)
    c.prepare("UPDATE posts SET submitted_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
  return id;
}

std::int64_t PostRepository::update_body(Connection& c, std::int64_t id, std::string_view body,
                                         domain::Millis now) {
  c.prepare("UPDATE posts SET body = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1")
      .bind(1, id)
      .bind(2, body)
      .bind(3, now)
      .run();
  auto q = c.prepare("SELECT version FROM posts WHERE id = ?1");
  q.bind(1, id);
  q.step();
  const auto version = q.int64(0);
  c.prepare("INSERT INTO post_versions(post_id, version, body, created_at) VALUES(?1, ?2, ?3, ?4)")
      .bind(1, id)
      .bind(2, version)
      .bind(3, body)
      .bind(4, now)
      .run();
  return version;
}

void PostRepository::update_space(Connection& c, std::int64_t id, domain::Space space,
                                  domain::Millis now) {
  c.prepare("UPDATE posts SET space = ?2, updated_at = ?3 WHERE id = ?1")
      .bind(1, id)
      .bind(2, domain::to_string(space))
      .bind(3, now)
      .run();
}

void PostRepository::set_share_with_mentor(Connection& c, std::int64_t id, bool shared,
                                           domain::Millis now) {
  c.prepare("UPDATE posts SET share_with_mentor = ?2, updated_at = ?3 WHERE id = ?1")
      .bind(1, id)
      .bind(2, shared ? 1 : 0)
      .bind(3, now)
      .run();
}

void PostRepository::set_state(Connection& c, std::int64_t id, domain::PostState state,
                               domain::Millis now) {
  c.prepare(
       "UPDATE posts SET state = ?2, updated_at = ?3, "
       " submitted_at = CASE WHEN ?2 = 'in_review' THEN ?3 ELSE submitted_at END, "
       " published_at = CASE WHEN ?2 = 'published' AND published_at IS NULL THEN ?3 "
       "                     ELSE published_at END "
       "WHERE id = ?1")
      .bind(1, id)
      .bind(2, domain::to_string(state))
      .bind(3, now)
      .run();
}

std::vector<VersionRecord> PostRepository::versions(Connection& c, std::int64_t id) {
  auto q = c.prepare(
      "SELECT version, body, created_at FROM post_versions WHERE post_id = ?1 ORDER BY version");
  q.bind(1, id);
  std::vector<VersionRecord> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.int64(2)});
  return out;
}

std::optional<PostRecord> PostRepository::find(Connection& c, std::int64_t id,
                                               std::int64_t viewer_id) {
  static const std::string sql = std::string(kPostSelect) + "WHERE p.id = ?2";
  auto q = c.prepare(sql);
  q.bind(1, viewer_id).bind(2, id);
  if (!q.step()) return std::nullopt;
  return read_post(q);
}

Page PostRepository::feed(Connection& c, const FeedQuery& fq) {
  auto q = c.prepare(feed_sql(fq.scope));
  const auto max = std::numeric_limits<std::int64_t>::max();
  q.bind(1, fq.viewer_id)
      .bind(2, domain::to_string(fq.space))
      .bind(3, fq.before ? fq.before->key : max)
      .bind(4, fq.before ? fq.before->id : max)
      .bind(5, fq.limit + 1);
  Page page;
  page.items.reserve(static_cast<std::size_t>(fq.limit) + 1);
  while (q.step()) page.items.push_back(read_post(q));
  if (page.items.size() > static_cast<std::size_t>(fq.limit)) {
    page.items.pop_back();
    const auto& last = page.items.back();
    page.next = domain::Cursor{last.published_at.value_or(0), last.id};
  }
  return page;
}

Page PostRepository::by_author(Connection& c, std::int64_t author_id,
                               std::optional<domain::Cursor> before, int limit) {
  static const std::string sql = std::string(kPostSelect) +
                                 "WHERE p.author_id = ?1 AND p.id < ?2 AND p.state <> 'removed' "
                                 "ORDER BY p.id DESC LIMIT ?3";
  auto q = c.prepare(sql);
  q.bind(1, author_id)
      .bind(2, before ? before->id : std::numeric_limits<std::int64_t>::max())
      .bind(3, limit + 1);
  Page page;
  while (q.step()) page.items.push_back(read_post(q));
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    page.next = domain::Cursor{page.items.back().id, page.items.back().id};
  }
  return page;
}

std::vector<ReplyRecord> PostRepository::replies(Connection& c, std::int64_t post_id, int limit) {
  auto q = c.prepare(
      "SELECT r.id, r.post_id, r.author_id, u.username, u.display_name, r.body, r.created_at "
      "FROM replies r JOIN users u ON u.id = r.author_id "
      "WHERE r.post_id = ?1 AND r.state = 'visible' ORDER BY r.id LIMIT ?2");
  q.bind(1, post_id).bind(2, limit);
  std::vector<ReplyRecord> out;
  while (q.step()) {
    ReplyRecord r;
    r.id = q.int64(0);
    r.post_id = q.int64(1);
    r.author = {q.int64(2), q.text(3), q.text(4)};
    r.body = q.text(5);
    r.created_at = q.int64(6);
    out.push_back(std::move(r));
  }
  return out;
}

ReplyRecord PostRepository::add_reply(Connection& c, std::int64_t post_id, std::int64_t author_id,
                                      std::string_view body, domain::Millis now) {
  c.prepare("INSERT INTO replies(post_id, author_id, body, created_at) VALUES(?1, ?2, ?3, ?4)")
      .bind(1, post_id)
      .bind(2, author_id)
      .bind(3, body)
      .bind(4, now)
      .run();
  ReplyRecord r;
  r.id = c.last_insert_id();
  c.prepare("UPDATE posts SET reply_count = reply_count + 1 WHERE id = ?1").bind(1, post_id).run();
  r.author = UserRepository::author_ref(c, author_id);
  r.post_id = post_id;
  r.body = std::string(body);
  r.created_at = now;
  return r;
}

std::int64_t PostRepository::like(Connection& c, std::int64_t post_id, std::int64_t user_id,
                                  domain::Millis now) {
  c.prepare("INSERT OR IGNORE INTO likes(post_id, user_id, created_at) VALUES(?1, ?2, ?3)")
      .bind(1, post_id)
      .bind(2, user_id)
      .bind(3, now)
      .run();
  if (c.changes() > 0)
    c.prepare("UPDATE posts SET like_count = like_count + 1 WHERE id = ?1").bind(1, post_id).run();
  auto q = c.prepare("SELECT like_count FROM posts WHERE id = ?1");
  q.bind(1, post_id);
  return q.step() ? q.int64(0) : 0;
}

std::int64_t PostRepository::unlike(Connection& c, std::int64_t post_id, std::int64_t user_id) {
  c.prepare("DELETE FROM likes WHERE post_id = ?1 AND user_id = ?2")
      .bind(1, post_id)
      .bind(2, user_id)
      .run();
  if (c.changes() > 0)
    c.prepare("UPDATE posts SET like_count = like_count - 1 WHERE id = ?1").bind(1, post_id).run();
  auto q = c.prepare("SELECT like_count FROM posts WHERE id = ?1");
  q.bind(1, post_id);
  return q.step() ? q.int64(0) : 0;
}

}  // namespace greenroom::store
