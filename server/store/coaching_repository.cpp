#include "store/coaching_repository.hpp"

#include "store/live_assignments.hpp"

namespace greenroom::store {

// ---- reviews -------------------------------------------------------------------------

namespace {
constexpr std::string_view kReviewSelect =
    "SELECT r.id, r.post_id, r.version, r.coach_id, u.username, u.display_name, r.verdict, "
    "r.comment, r.clarity, r.tone, r.audience_fit, r.policy, r.created_at, r.reply_id "
    "FROM reviews r JOIN users u ON u.id = r.coach_id ";

ReviewRecord read_review(const Statement& q) {
  ReviewRecord r;
  r.id = q.int64(0);
  r.post_id = q.int64(1);
  r.version = q.int64(2);
  r.coach = {q.int64(3), q.text(4), q.text(5)};
  r.verdict = q.text(6);
  r.comment = q.text(7);
  r.rubric = {static_cast<int>(q.int64(8)), static_cast<int>(q.int64(9)),
              static_cast<int>(q.int64(10)), static_cast<int>(q.int64(11))};
  r.created_at = q.int64(12);
  r.reply_id = q.int64_or_null(13);
  return r;
}
}  // namespace

std::int64_t ReviewRepository::insert(Connection& c, std::int64_t post_id, std::int64_t version,
                                      std::int64_t coach_id, const std::string& verdict,
                                      const std::string& comment, const Rubric& rubric,
                                      domain::Millis now, std::optional<std::int64_t> reply_id) {
  c.prepare(
       "INSERT INTO reviews(post_id, version, coach_id, verdict, comment, clarity, tone, "
       "audience_fit, policy, created_at, reply_id) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bind(1, post_id)
      .bind(2, version)
      .bind(3, coach_id)
      .bind(4, verdict)
      .bind(5, comment)
      .bind(6, rubric.clarity)
      .bind(7, rubric.tone)
      .bind(8, rubric.audience_fit)
      .bind(9, rubric.policy)
      .bind(10, now)
      .bind(11, reply_id)
      .run();
  return c.last_insert_id();
}

std::vector<ReviewRecord> ReviewRepository::for_post(Connection& c, std::int64_t post_id) {
  static const std::string sql =
      std::string(kReviewSelect) + "WHERE r.post_id = ?1 AND r.reply_id IS NULL ORDER BY r.id";
  auto q = c.prepare(sql);
  q.bind(1, post_id);
  std::vector<ReviewRecord> out;
  while (q.step()) out.push_back(read_review(q));
  return out;
}

std::vector<ReviewRecord> ReviewRepository::for_reply(Connection& c, std::int64_t reply_id) {
  static const std::string sql = std::string(kReviewSelect) + "WHERE r.reply_id = ?1 ORDER BY r.id";
  auto q = c.prepare(sql);
  q.bind(1, reply_id);
  std::vector<ReviewRecord> out;
  while (q.step()) out.push_back(read_review(q));
  return out;
}

bool ReviewRepository::approves_version(Connection& c, std::int64_t post_id, std::int64_t version) {
  // Approved exactly, or by the newest approval when every version since came from applying
  // the approving coach's own suggestions (one new version each; see api/annotations.cpp).
  auto q = c.prepare(
      "SELECT EXISTS(SELECT 1 FROM reviews WHERE post_id = ?1 AND reply_id IS NULL "
      " AND version = ?2 AND verdict = 'approve') "
      "OR EXISTS(SELECT 1 FROM (SELECT version, coach_id, created_at FROM reviews "
      "  WHERE post_id = ?1 AND reply_id IS NULL AND verdict = 'approve' "
      "  ORDER BY id DESC LIMIT 1) r "
      " WHERE r.version < ?2 AND ?2 - r.version = (SELECT COUNT(*) FROM annotations a "
      "  WHERE a.post_id = ?1 AND a.reply_id IS NULL AND a.coach_id = r.coach_id "
      "  AND a.applied = 1 AND a.resolved_at >= r.created_at))");
  q.bind(1, post_id).bind(2, version);
  return q.step() && q.int64(0) != 0;
}

std::optional<ReviewRecord> ReviewRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kReviewSelect) + "WHERE r.id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_review(q);
}

std::vector<std::pair<std::int64_t, domain::Millis>> ReviewRepository::queue(Connection& c,
                                                                             std::int64_t coach_id,
                                                                             int limit) {
  static const std::string sql = with_live_assignments(
      "SELECT p.id, CASE WHEN p.state = 'in_review' THEN COALESCE(p.submitted_at, p.updated_at) "
      " ELSE p.correction_submitted_at END AS waiting_since FROM posts p "
      "WHERE (p.state = 'in_review' OR p.correction_state = 'in_review') AND p.author_id IN "
      " (SELECT executive_id FROM live WHERE coach_id = ?1) "
      "ORDER BY waiting_since, p.id LIMIT ?2");
  auto q = c.prepare(sql);
  q.bind(1, coach_id).bind(2, limit);
  std::vector<std::pair<std::int64_t, domain::Millis>> out;
  while (q.step()) out.emplace_back(q.int64(0), q.int64(1));
  return out;
}

std::int64_t ReviewRepository::waiting_for(Connection& c, std::int64_t executive_id) {
  auto q = c.prepare(
      "SELECT COUNT(*) FROM posts WHERE author_id = ?1 AND "
      "(state = 'in_review' OR correction_state = 'in_review')");
  q.bind(1, executive_id);
  q.step();
  return q.int64(0);
}

std::int64_t ReviewRepository::approved_by(Connection& c, std::int64_t post_id) {
  auto q = c.prepare(
      "SELECT coach_id FROM reviews WHERE post_id = ?1 AND reply_id IS NULL "
      "AND verdict = 'approve' ORDER BY id DESC LIMIT 1");
  q.bind(1, post_id);
  return q.step() ? q.int64(0) : 0;
}

// ---- policy --------------------------------------------------------------------------

std::optional<PolicyRecord> PolicyRepository::latest(Connection& c) {
  auto q =
      c.prepare("SELECT version, document, created_at FROM policies ORDER BY version DESC LIMIT 1");
  if (!q.step()) return std::nullopt;
  return PolicyRecord{q.int64(0), q.text(1), q.int64(2), std::nullopt};
}

namespace {
constexpr std::string_view kPolicyWithAuthor =
    "SELECT p.version, p.document, p.created_at, u.id, u.username, u.display_name "
    "FROM policies p LEFT JOIN users u ON u.id = p.created_by ";

PolicyRecord read_policy(const Statement& q) {
  PolicyRecord r{q.int64(0), q.text(1), q.int64(2), std::nullopt};
  if (!q.is_null(3)) r.created_by = AuthorRef{q.int64(3), q.text(4), q.text(5)};
  return r;
}
}  // namespace

std::vector<PolicyRecord> PolicyRepository::list(Connection& c) {
  static const std::string sql = std::string(kPolicyWithAuthor) + "ORDER BY p.version DESC";
  auto q = c.prepare(sql);
  std::vector<PolicyRecord> out;
  while (q.step()) out.push_back(read_policy(q));
  return out;
}

std::optional<PolicyRecord> PolicyRepository::find(Connection& c, std::int64_t version) {
  static const std::string sql = std::string(kPolicyWithAuthor) + "WHERE p.version = ?1";
  auto q = c.prepare(sql);
  q.bind(1, version);
  if (!q.step()) return std::nullopt;
  return read_policy(q);
}

void PolicyRepository::insert(Connection& c, std::int64_t version, const std::string& document,
                              std::optional<std::int64_t> by, domain::Millis now) {
  c.prepare(
       "INSERT INTO policies(version, document, created_at, created_by) VALUES(?1, ?2, ?3, ?4)")
      .bind(1, version)
      .bind(2, document)
      .bind(3, now)
      .bind(4, by)
      .run();
}

// ---- goals ---------------------------------------------------------------------------

namespace {
// Progress: activity by the executive between the goal's creation and its due date.
constexpr std::string_view kGoalSelect =
    "SELECT g.id, g.executive_id, g.coach_id, u.username, u.display_name, g.title, g.metric, "
    "g.target, g.term, g.created_at, g.due_at, "
    " CASE g.metric "
    "  WHEN 'company_posts' THEN (SELECT COUNT(*) FROM posts p WHERE p.author_id = g.executive_id "
    "     AND p.state = 'published' AND p.space = 'company' "
    "     AND p.published_at BETWEEN g.created_at AND g.due_at) "
    "  WHEN 'practice_posts' THEN (SELECT COUNT(*) FROM posts p WHERE p.author_id = g.executive_id "
    "     AND p.state = 'published' AND p.space = 'practice' "
    "     AND p.published_at BETWEEN g.created_at AND g.due_at) "
    "  WHEN 'replies' THEN (SELECT COUNT(*) FROM replies r WHERE r.author_id = g.executive_id "
    "     AND r.state = 'visible' AND r.created_at BETWEEN g.created_at AND g.due_at) "
    "  WHEN 'likes_received' THEN (SELECT COUNT(*) FROM likes l JOIN posts p ON p.id = l.post_id "
    "     WHERE p.author_id = g.executive_id AND l.created_at BETWEEN g.created_at AND g.due_at) "
    "  WHEN 'replies_within_24h' THEN (SELECT COUNT(*) FROM replies r JOIN posts p ON p.id = "
    "r.post_id "
    "     WHERE r.author_id = g.executive_id AND r.state = 'visible' "
    "     AND r.review_state IN ('none', 'approved') AND r.private_to IS NULL "
    "     AND p.state = 'published' "
    "     AND r.created_at BETWEEN g.created_at AND g.due_at AND ("
    "       (p.author_id != g.executive_id AND r.created_at - p.published_at <= 86400000) OR "
    "       (p.author_id = g.executive_id AND EXISTS (SELECT 1 FROM replies o "
    "          WHERE o.post_id = p.id AND o.author_id != g.executive_id AND o.state = 'visible' "
    "          AND o.private_to IS NULL "
    "          AND o.created_at <= r.created_at AND r.created_at - o.created_at <= 86400000)))) "
    "  WHEN 'questions_answered' THEN (SELECT COUNT(*) FROM questions q JOIN blogs b "
    "     ON b.id = q.blog_id WHERE b.host_id = g.executive_id AND q.state = 'answered' "
    "     AND q.closed_at BETWEEN g.created_at AND g.due_at) "
    // Counted at the time of reading: the people (enabled accounts) and feeds followed now.
    "  WHEN 'people_followed' THEN (SELECT COUNT(*) FROM user_follows f JOIN users fu "
    "     ON fu.id = f.followee_id WHERE f.follower_id = g.executive_id AND fu.disabled = 0) "
    "  WHEN 'feeds_followed' THEN (SELECT COUNT(*) FROM feed_subscriptions fs "
    "     WHERE fs.user_id = g.executive_id) "
    // UTC days from the goal's day to its due day on which the reading view was opened.
    "  WHEN 'reading_days' THEN (SELECT COUNT(*) FROM reading_days rd "
    "     WHERE rd.user_id = g.executive_id "
    "     AND rd.day BETWEEN strftime('%Y-%m-%d', g.created_at / 1000, 'unixepoch') "
    "     AND strftime('%Y-%m-%d', g.due_at / 1000, 'unixepoch')) "
    // Drill replies (private_to set) are rehearsal, never counted as replies to colleagues.
    // Items (a published post, or a visible public reply on one) by someone else that mention
    // the executive, each counted once when the executive answered it: a visible public reply
    // of theirs on the same post, written after it and within the goal's window.
    "  WHEN 'mentions_answered' THEN (SELECT COUNT(DISTINCT CASE WHEN m.reply_id IS NULL "
    "     THEN m.post_id ELSE -m.reply_id END) FROM text_references m "
    "     JOIN posts mp ON mp.id = m.post_id LEFT JOIN replies mr ON mr.id = m.reply_id "
    "     WHERE m.kind = 'mention' AND m.user_id = g.executive_id AND mp.state = 'published' "
    "     AND ((m.reply_id IS NULL AND mp.author_id != g.executive_id) OR "
    "          (mr.author_id != g.executive_id AND mr.state = 'visible' "
    "           AND mr.review_state IN ('none', 'approved') AND mr.private_to IS NULL)) "
    "     AND EXISTS (SELECT 1 FROM replies a WHERE a.post_id = m.post_id "
    "       AND a.author_id = g.executive_id AND a.state = 'visible' "
    "       AND a.review_state IN ('none', 'approved') AND a.private_to IS NULL "
    "       AND a.created_at BETWEEN g.created_at AND g.due_at "
    "       AND (m.reply_id IS NULL OR a.id > m.reply_id))) "
    "  WHEN 'drills_completed' THEN (SELECT COUNT(*) FROM drills dr "
    "     WHERE dr.executive_id = g.executive_id "
    "     AND dr.completed_at BETWEEN g.created_at AND g.due_at) "
    " END "
    "FROM goals g JOIN users u ON u.id = g.coach_id ";

GoalRecord read_goal(const Statement& q) {
  GoalRecord g;
  g.id = q.int64(0);
  g.executive_id = q.int64(1);
  g.coach = {q.int64(2), q.text(3), q.text(4)};
  g.title = q.text(5);
  g.metric = domain::parse_goal_metric(q.text(6)).value_or(domain::GoalMetric::company_posts);
  g.target = q.int64(7);
  g.term = domain::parse_goal_term(q.text(8)).value_or(domain::GoalTerm::short_term);
  g.created_at = q.int64(9);
  g.due_at = q.int64(10);
  g.progress = q.int64(11);
  return g;
}
}  // namespace

std::int64_t GoalRepository::insert(Connection& c, const NewGoal& g, domain::Millis now) {
  c.prepare(
       "INSERT INTO goals(executive_id, coach_id, title, metric, target, term, created_at, due_at) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, g.executive_id)
      .bind(2, g.coach_id)
      .bind(3, g.title)
      .bind(4, domain::to_string(g.metric))
      .bind(5, g.target)
      .bind(6, domain::to_string(g.term))
      .bind(7, now)
      .bind(8, g.due_at)
      .run();
  return c.last_insert_id();
}

std::optional<GoalRecord> GoalRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kGoalSelect) + "WHERE g.id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_goal(q);
}

std::vector<GoalRecord> GoalRepository::for_executive(Connection& c, std::int64_t executive_id) {
  static const std::string sql =
      std::string(kGoalSelect) + "WHERE g.executive_id = ?1 ORDER BY g.due_at, g.id";
  auto q = c.prepare(sql);
  q.bind(1, executive_id);
  std::vector<GoalRecord> out;
  while (q.step()) out.push_back(read_goal(q));
  return out;
}

void GoalRepository::remove(Connection& c, std::int64_t id) {
  c.prepare("DELETE FROM goals WHERE id = ?1").bind(1, id).run();
}

std::vector<GoalRecord> GoalRepository::due_for_reminder(Connection& c, domain::Millis now,
                                                         domain::Millis window) {
  static const std::string sql = std::string(kGoalSelect) +
                                 "WHERE g.reminded_at IS NULL AND g.due_at > ?1 AND g.due_at <= ?2 "
                                 "ORDER BY g.due_at";
  auto q = c.prepare(sql);
  q.bind(1, now).bind(2, now + window);
  std::vector<GoalRecord> out;
  while (q.step()) {
    auto g = read_goal(q);
    if (g.progress < g.target) out.push_back(std::move(g));
  }
  return out;
}

void GoalRepository::mark_reminded(Connection& c, std::int64_t id, domain::Millis now) {
  c.prepare("UPDATE goals SET reminded_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
}

// ---- notifications -------------------------------------------------------------------

void NotificationRepository::insert(Connection& c, const NewNotification& n, domain::Millis now) {
  c.prepare(
       "INSERT INTO notifications(user_id, kind, message, post_id, annotation_id, goal_id, "
       "created_at, target_type, target_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind(1, n.user_id)
      .bind(2, n.kind)
      .bind(3, n.message)
      .bind(4, n.post_id)
      .bind(5, n.annotation_id)
      .bind(6, n.goal_id)
      .bind(7, now)
      .bind(8, n.target_type)
      .bind(9, n.target_id)
      .run();
}

std::vector<NotificationRecord> NotificationRepository::list(Connection& c, std::int64_t user_id,
                                                             bool unread_only,
                                                             std::optional<std::int64_t> before_id,
                                                             int limit) {
  auto q = c.prepare(
      "SELECT n.id, n.kind, n.message, n.post_id, n.annotation_id, n.goal_id, n.created_at, "
      "n.read_at, n.target_type, n.target_id, tu.username FROM notifications n "
      // A notice about a person (a new follower) names them so the client can link the profile.
      "LEFT JOIN users tu ON n.target_type = 'user' AND tu.id = n.target_id AND tu.disabled = 0 "
      "WHERE n.user_id = ?1 AND n.id < ?2 AND (?3 = 0 OR n.read_at IS NULL) "
      "ORDER BY n.id DESC LIMIT ?4");
  q.bind(1, user_id)
      .bind(2, before_id.value_or(std::numeric_limits<std::int64_t>::max()))
      .bind(3, unread_only ? 1 : 0)
      .bind(4, limit);
  std::vector<NotificationRecord> out;
  while (q.step()) {
    NotificationRecord n{q.int64(0),         q.text(1),          q.text(2),
                         q.int64_or_null(3), q.int64_or_null(4), q.int64_or_null(5)};
    if (!q.is_null(8)) n.target_type = q.text(8);
    n.target_id = q.int64_or_null(9);
    n.created_at = q.int64(6);
    n.read = !q.is_null(7);
    if (!q.is_null(10)) n.target_username = q.text(10);
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<std::pair<std::optional<std::int64_t>, std::int64_t>>
NotificationRepository::unread_by_post(Connection& c, std::int64_t user_id) {
  auto q = c.prepare(
      "SELECT post_id, COUNT(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL "
      "GROUP BY post_id");
  q.bind(1, user_id);
  std::vector<std::pair<std::optional<std::int64_t>, std::int64_t>> out;
  while (q.step()) out.emplace_back(q.int64_or_null(0), q.int64(1));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> NotificationRepository::unread_by_question(
    Connection& c, std::int64_t user_id) {
  auto q = c.prepare(
      "SELECT target_id, COUNT(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL "
      "AND target_type = 'question' GROUP BY target_id");
  q.bind(1, user_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  while (q.step()) out.emplace_back(q.int64(0), q.int64(1));
  return out;
}

void NotificationRepository::mark_read(Connection& c, std::int64_t user_id,
                                       const std::vector<std::int64_t>& ids, domain::Millis now) {
  for (auto id : ids)
    c.prepare(
         "UPDATE notifications SET read_at = ?3 WHERE id = ?1 AND user_id = ?2 AND read_at IS NULL")
        .bind(1, id)
        .bind(2, user_id)
        .bind(3, now)
        .run();
}

void NotificationRepository::mark_all_read(Connection& c, std::int64_t user_id,
                                           domain::Millis now) {
  c.prepare("UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL")
      .bind(1, user_id)
      .bind(2, now)
      .run();
}

}  // namespace greenroom::store
