#include "store/follow_repository.hpp"

namespace greenroom::store {

namespace {

// The column and table per kind (a topic is a text; people and blogs are ids).
struct KindSql {
  std::string_view insert, remove, exists, count;
};

const KindSql& sql_of(FollowKind kind) {
  static const KindSql user{
      "INSERT OR IGNORE INTO user_follows(follower_id, followee_id, created_at) "
      "VALUES(?1, ?2, ?4)",
      "DELETE FROM user_follows WHERE follower_id = ?1 AND followee_id = ?2",
      "SELECT 1 FROM user_follows WHERE follower_id = ?1 AND followee_id = ?2",
      "SELECT count(*) FROM user_follows f JOIN users u ON u.id = f.follower_id "
      "WHERE f.followee_id = ?2 AND u.disabled = 0"};
  static const KindSql topic{
      "INSERT OR IGNORE INTO topic_follows(follower_id, tag, created_at) VALUES(?1, ?3, ?4)",
      "DELETE FROM topic_follows WHERE follower_id = ?1 AND tag = ?3",
      "SELECT 1 FROM topic_follows WHERE follower_id = ?1 AND tag = ?3",
      "SELECT count(*) FROM topic_follows f JOIN users u ON u.id = f.follower_id "
      "WHERE f.tag = ?3 AND u.disabled = 0"};
  static const KindSql blog{
      "INSERT OR IGNORE INTO blog_follows(follower_id, blog_id, created_at) VALUES(?1, ?2, ?4)",
      "DELETE FROM blog_follows WHERE follower_id = ?1 AND blog_id = ?2",
      "SELECT 1 FROM blog_follows WHERE follower_id = ?1 AND blog_id = ?2",
      "SELECT count(*) FROM blog_follows f JOIN users u ON u.id = f.follower_id "
      "WHERE f.blog_id = ?2 AND u.disabled = 0"};
  switch (kind) {
    case FollowKind::topic:
      return topic;
    case FollowKind::blog:
      return blog;
    case FollowKind::user:
      break;
  }
  return user;
}

// Binds only the parameters the statement uses (?1 follower, ?2 id, ?3 tag, ?4 time).
Statement bound(Connection& c, std::string_view sql, std::int64_t follower, FollowKind kind,
                std::int64_t target, std::string_view tag) {
  auto q = c.prepare(sql);
  if (sql.find("?1") != std::string_view::npos) q.bind(1, follower);
  if (kind == FollowKind::topic)
    q.bind(3, tag);
  else
    q.bind(2, target);
  return q;
}

}  // namespace

bool FollowRepository::follow(Connection& c, std::int64_t follower, FollowKind kind,
                              std::int64_t target, std::string_view tag, domain::Millis now) {
  auto q = bound(c, sql_of(kind).insert, follower, kind, target, tag);
  q.bind(4, now);
  q.run();
  return c.changes() > 0;
}

bool FollowRepository::unfollow(Connection& c, std::int64_t follower, FollowKind kind,
                                std::int64_t target, std::string_view tag) {
  bound(c, sql_of(kind).remove, follower, kind, target, tag).run();
  return c.changes() > 0;
}

bool FollowRepository::follows(Connection& c, std::int64_t follower, FollowKind kind,
                               std::int64_t target, std::string_view tag) {
  return bound(c, sql_of(kind).exists, follower, kind, target, tag).step();
}

std::int64_t FollowRepository::follower_count(Connection& c, FollowKind kind, std::int64_t target,
                                              std::string_view tag) {
  auto q = bound(c, sql_of(kind).count, 0, kind, target, tag);
  return q.step() ? q.int64(0) : 0;
}

std::int64_t FollowRepository::following_count(Connection& c, std::int64_t user_id) {
  auto q = c.prepare(
      "SELECT count(*) FROM user_follows f JOIN users u ON u.id = f.followee_id "
      "WHERE f.follower_id = ?1 AND u.disabled = 0");
  q.bind(1, user_id);
  return q.step() ? q.int64(0) : 0;
}

std::vector<std::int64_t> FollowRepository::followers(Connection& c, FollowKind kind,
                                                      std::int64_t target) {
  auto q = c.prepare(kind == FollowKind::blog
                         ? "SELECT f.follower_id FROM blog_follows f JOIN users u ON u.id = "
                           "f.follower_id WHERE f.blog_id = ?1 AND u.disabled = 0"
                         : "SELECT f.follower_id FROM user_follows f JOIN users u ON u.id = "
                           "f.follower_id WHERE f.followee_id = ?1 AND u.disabled = 0");
  q.bind(1, target);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

Following FollowRepository::following(Connection& c, std::int64_t user_id) {
  Following out;
  auto people = c.prepare(
      "SELECT u.id, u.username, u.display_name FROM user_follows f "
      "JOIN users u ON u.id = f.followee_id WHERE f.follower_id = ?1 AND u.disabled = 0 "
      "ORDER BY u.display_name COLLATE NOCASE, u.id");
  people.bind(1, user_id);
  while (people.step()) out.people.push_back({people.int64(0), people.text(1), people.text(2)});
  auto topics = c.prepare("SELECT tag FROM topic_follows WHERE follower_id = ?1 ORDER BY tag");
  topics.bind(1, user_id);
  while (topics.step()) out.topics.push_back(topics.text(0));
  auto blogs = c.prepare(
      "SELECT b.id, b.title, u.id, u.username, u.display_name FROM blog_follows f "
      "JOIN blogs b ON b.id = f.blog_id JOIN users u ON u.id = b.host_id "
      "WHERE f.follower_id = ?1 ORDER BY b.title COLLATE NOCASE, b.id");
  blogs.bind(1, user_id);
  while (blogs.step())
    out.blogs.push_back(
        {blogs.int64(0), blogs.text(1), {blogs.int64(2), blogs.text(3), blogs.text(4)}});
  return out;
}

}  // namespace greenroom::store
