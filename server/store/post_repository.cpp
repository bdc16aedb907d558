#include "store/post_repository.hpp"

#include <limits>
#include <string>

#include "domain/moderation.hpp"
#include "domain/permissions.hpp"
#include "store/live_assignments.hpp"
#include "store/post_rows.hpp"
#include "store/reply_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::store {
namespace {

// ?1 is always the viewer (for liked_by_me).
constexpr std::string_view kPostSelect =
    "SELECT p.id, p.author_id, u.username, u.display_name, p.space, p.state, p.body, "
    "p.version, p.created_at, p.updated_at, p.published_at, p.reply_count, p.like_count, "
    "EXISTS(SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ?1), "
    "p.locked_at IS NOT NULL, COALESCE(p.moderation_reason, ''), "
    "p.scheduled_at, p.edited_at, CASE WHEN p.author_id = ?1 THEN p.correction_state END, "
    "p.share_with_mentor, p.blog_id "
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
  p.locked = q.int64(14) != 0;
  p.moderation_reason = q.text(15);
  p.scheduled_at = q.int64_or_null(16);
  p.edited_at = q.int64_or_null(17);
  if (!q.is_null(18)) p.correction_state = q.text(18);
  p.share_with_mentor = q.int64(19) != 0;
  p.blog_id = q.int64_or_null(20);
  return p;
}

const std::string& feed_sql(domain::PracticeReach reach) {
  using domain::PracticeReach;
  static const std::string base = std::string(kPostSelect) +
                                  "WHERE p.space = ?2 AND p.state = 'published' "
                                  "AND (p.published_at, p.id) < (?3, ?4) ";
  static const std::string order = "ORDER BY p.published_at DESC, p.id DESC LIMIT ?5";
  static const std::string everyone = base + order;
  static const std::string nothing = base + "AND 0 " + order;
  // The published practice posts domain::can_view_post shows an executive (own, sharing a
  // coach, their coaches') and a coach (own, their executives').
  static const std::string cohort = with_live_assignments(
      base +
      "AND (p.author_id = ?1 "
      " OR p.author_id IN (SELECT l2.executive_id FROM live l1 "
      "   JOIN live l2 ON l2.coach_id = l1.coach_id WHERE l1.executive_id = ?1)"
      " OR p.author_id IN (SELECT coach_id FROM live WHERE executive_id = ?1)) " +
      order);
  static const std::string coached = with_live_assignments(
      base +
      "AND (p.author_id = ?1 "
      " OR p.author_id IN (SELECT executive_id FROM live WHERE coach_id = ?1)) " +
      order);
  // A reverse mentor (a member): own posts and the published practice posts of the
  // executives they mentor.
  static const std::string mentored = with_live_mentorships(
      base +
      "AND (p.author_id = ?1 "
      " OR p.author_id IN (SELECT executive_id FROM mentors WHERE mentor_id = ?1)) " +
      order);
  switch (reach) {
    case PracticeReach::mentored:
      return mentored;
    case PracticeReach::cohort:
      return cohort;
    case PracticeReach::coached:
      return coached;
    case PracticeReach::none:
      return nothing;
    case PracticeReach::everyone:
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
  c.prepare(
       "INSERT INTO post_versions(post_id, version, body, space, created_at) "
       "VALUES(?1, 1, ?2, ?3, ?4)")
      .bind(1, id)
      .bind(2, p.body)
      .bind(3, domain::to_string(p.space))
      .bind(4, now)
      .run();
  if (p.state == domain::PostState::in_review)
    c.prepare("UPDATE posts SET submitted_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
  return id;
}

std::int64_t PostRepository::update_body(Connection& c, std::int64_t id, std::string_view body,
                                         domain::Millis now) {
  return revise(c, id, body, std::nullopt, now);
}

std::int64_t PostRepository::revise(Connection& c, std::int64_t id,
                                    std::optional<std::string_view> body,
                                    std::optional<domain::Space> space, domain::Millis now) {
  auto update = c.prepare(
      "UPDATE posts SET body = COALESCE(?2, body), space = COALESCE(?3, space), "
      "version = version + 1, updated_at = ?4 WHERE id = ?1");
  update.bind(1, id).bind(4, now);
  if (body)
    update.bind(2, *body);
  else
    update.bind_null(2);
  if (space)
    update.bind(3, domain::to_string(*space));
  else
    update.bind_null(3);
  update.run();
  c.prepare(
       "INSERT INTO post_versions(post_id, version, body, space, created_at) "
       "SELECT id, version, body, space, ?2 FROM posts WHERE id = ?1")
      .bind(1, id)
      .bind(2, now)
      .run();
  auto q = c.prepare("SELECT version FROM posts WHERE id = ?1");
  q.bind(1, id);
  q.step();
  return q.int64(0);
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
       "                     ELSE published_at END, "
       " scheduled_at = CASE WHEN ?2 IN ('approved','draft') THEN scheduled_at END "
       "WHERE id = ?1")
      .bind(1, id)
      .bind(2, domain::to_string(state))
      .bind(3, now)
      .run();
}

std::vector<VersionRecord> PostRepository::versions(Connection& c, std::int64_t id) {
  auto q = c.prepare(
      "SELECT v.version, v.body, v.created_at, COALESCE(v.space, p.space), v.pending "
      "FROM post_versions v JOIN posts p ON p.id = v.post_id WHERE v.post_id = ?1 "
      "ORDER BY v.version");
  q.bind(1, id);
  std::vector<VersionRecord> out;
  while (q.step())
    out.push_back({q.int64(0), q.text(1), q.int64(2),
                   domain::parse_space(q.text(3)).value_or(domain::Space::company),
                   q.int64(4) != 0});
  return out;
}

void PostRepository::schedule(Connection& c, std::int64_t id, std::optional<domain::Millis> at) {
  auto q = c.prepare("UPDATE posts SET scheduled_at = ?2 WHERE id = ?1");
  q.bind(1, id);
  if (at)
    q.bind(2, *at);
  else
    q.bind_null(2);
  q.run();
}

std::vector<std::int64_t> PostRepository::due_scheduled(Connection& c, domain::Millis now,
                                                        int limit) {
  auto q = c.prepare(
      "SELECT id FROM posts WHERE scheduled_at IS NOT NULL AND scheduled_at <= ?1 "
      "ORDER BY scheduled_at, id LIMIT ?2");
  q.bind(1, now).bind(2, limit);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

void PostRepository::correct(Connection& c, std::int64_t id, std::string_view body,
                             domain::Millis now) {
  update_body(c, id, body, now);
  c.prepare("UPDATE posts SET edited_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
}

std::int64_t PostRepository::save_correction(Connection& c, std::int64_t id, std::string_view body,
                                             domain::Millis now) {
  c.prepare(
       "INSERT INTO post_versions(post_id, version, body, space, created_at, pending) "
       "SELECT id, version + 1, ?2, space, ?3, 1 FROM posts WHERE id = ?1 "
       "ON CONFLICT(post_id, version) DO UPDATE SET body = excluded.body, "
       " created_at = excluded.created_at WHERE pending = 1")
      .bind(1, id)
      .bind(2, body)
      .bind(3, now)
      .run();
  set_correction_state(c, id, "in_review", now);
  return *pending_version(c, id);
}

std::optional<std::int64_t> PostRepository::pending_version(Connection& c, std::int64_t id) {
  auto q = c.prepare("SELECT version FROM post_versions WHERE post_id = ?1 AND pending = 1");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

std::optional<CorrectionRecord> PostRepository::correction_of(Connection& c, std::int64_t id) {
  auto q = c.prepare(
      "SELECT v.version, v.body, p.correction_state, v.created_at FROM posts p "
      "JOIN post_versions v ON v.post_id = p.id AND v.pending = 1 "
      "WHERE p.id = ?1 AND p.correction_state IS NOT NULL");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return CorrectionRecord{q.int64(0), q.text(1), q.text(2), q.int64(3)};
}

void PostRepository::set_correction_state(Connection& c, std::int64_t id,
                                          std::optional<std::string_view> state,
                                          domain::Millis now) {
  auto q = c.prepare(
      "UPDATE posts SET correction_state = ?2, "
      " correction_submitted_at = CASE WHEN ?2 = 'in_review' THEN ?3 "
      "                                ELSE correction_submitted_at END WHERE id = ?1");
  q.bind(1, id).bind(3, now);
  if (state)
    q.bind(2, *state);
  else
    q.bind_null(2);
  q.run();
}

std::string PostRepository::publish_correction(Connection& c, std::int64_t id, domain::Millis now) {
  c.prepare(
       "UPDATE posts SET body = (SELECT body FROM post_versions WHERE post_id = ?1 AND "
       " pending = 1), version = version + 1, updated_at = ?2, edited_at = ?2, "
       " correction_state = NULL WHERE id = ?1")
      .bind(1, id)
      .bind(2, now)
      .run();
  c.prepare(
       "UPDATE post_versions SET pending = 0, created_at = ?2 WHERE post_id = ?1 AND pending = 1")
      .bind(1, id)
      .bind(2, now)
      .run();
  auto q = c.prepare("SELECT body FROM posts WHERE id = ?1");
  q.bind(1, id);
  q.step();
  return q.text(0);
}

void PostRepository::drop_correction(Connection& c, std::int64_t id) {
  c.prepare("DELETE FROM post_versions WHERE post_id = ?1 AND pending = 1").bind(1, id).run();
  set_correction_state(c, id, std::nullopt, 0);
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
  auto q = c.prepare(
      feed_sql(fq.space == domain::Space::company ? domain::PracticeReach::everyone : fq.reach));
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
  static const std::string sql =
      std::string(kReplySelect) +
      "WHERE r.post_id = ?1 AND r.state <> 'removed' ORDER BY r.id LIMIT ?2";
  auto q = c.prepare(sql);
  q.bind(1, post_id).bind(2, limit);
  std::vector<ReplyRecord> out;
  while (q.step()) out.push_back(read_reply(q));
  return out;
}

ReplyRecord PostRepository::add_reply(Connection& c, std::int64_t post_id, std::int64_t author_id,
                                      std::string_view body, domain::Millis now,
                                      domain::ReplyReview review, std::int64_t private_to,
                                      std::optional<std::int64_t> persona_id) {
  const bool held = review == domain::ReplyReview::in_review;
  auto ins = c.prepare(
      "INSERT INTO replies(post_id, author_id, body, created_at, review_state, submitted_at, "
      "private_to, persona_id) VALUES(?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN ?4 END, "
      "NULLIF(?7, 0), ?8)");
  ins.bind(1, post_id)
      .bind(2, author_id)
      .bind(3, body)
      .bind(4, now)
      .bind(5, domain::to_string(review))
      .bind(6, held ? 1 : 0)
      .bind(7, private_to);
  if (persona_id)
    ins.bind(8, *persona_id);
  else
    ins.bind_null(8);
  ins.run();
  if (private_to != 0) return *ReplyRepository::find(c, c.last_insert_id());  // never public
  ReplyRecord r;
  r.id = c.last_insert_id();
  r.author = UserRepository::author_ref(c, author_id);
  r.post_id = post_id;
  r.body = std::string(body);
  r.created_at = now;
  r.review = review;
  if (domain::is_reply_public(r.facts()))
    c.prepare("UPDATE posts SET reply_count = reply_count + 1 WHERE id = ?1")
        .bind(1, post_id)
        .run();
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

// For the other post listings (store/post_rows.hpp): the same row, and the practice reach of
// feed_sql above as a condition. Kept next to feed_sql so that the two stay one rule; the
// visibility property test checks both against domain::can_view_post.
namespace greenroom::store {

std::string_view post_select_sql() {
  return kPostSelect;
}

PostRecord read_post_row(const Statement& q) {
  return read_post(q);
}

ReachSql practice_reach_sql(domain::PracticeReach reach) {
  using domain::PracticeReach;
  switch (reach) {
    case PracticeReach::cohort:
      return {kLiveAssignments,
              "(p.author_id = ?1 "
              " OR p.author_id IN (SELECT l2.executive_id FROM live l1 "
              "   JOIN live l2 ON l2.coach_id = l1.coach_id WHERE l1.executive_id = ?1)"
              " OR p.author_id IN (SELECT coach_id FROM live WHERE executive_id = ?1))"};
    case PracticeReach::coached:
      return {kLiveAssignments,
              "(p.author_id = ?1 "
              " OR p.author_id IN (SELECT executive_id FROM live WHERE coach_id = ?1))"};
    case PracticeReach::mentored:
      return {kLiveMentorships,
              "(p.author_id = ?1 "
              " OR p.author_id IN (SELECT executive_id FROM mentors WHERE mentor_id = ?1))"};
    case PracticeReach::none:
      // Still one's own: a member may have written practice posts (as an executive before a
      // role change), and the rule always lets an author read their own published post.
      return {"", "(p.author_id = ?1)"};
    case PracticeReach::everyone:
      break;
  }
  return {"", "1"};
}

}  // namespace greenroom::store
