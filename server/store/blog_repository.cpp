#include "store/blog_repository.hpp"

#include "domain/errors.hpp"

namespace greenroom::store {
namespace {

constexpr std::string_view kBlogSelect =
    "SELECT b.id, u.id, u.username, u.display_name, b.title, b.description, b.promise_days, "
    "b.premoderated, b.created_at FROM blogs b JOIN users u ON u.id = b.host_id ";

std::string with_select(std::string_view tail) {
  std::string sql(kBlogSelect);
  sql.append(tail);
  return sql;
}

BlogRecord read_blog(const Statement& q) {
  BlogRecord b;
  b.id = q.int64(0);
  b.host = {q.int64(1), q.text(2), q.text(3)};
  b.title = q.text(4);
  b.description = q.text(5);
  b.promise_days = q.int64(6);
  b.premoderated = q.int64(7) != 0;
  b.created_at = q.int64(8);
  return b;
}

}  // namespace

std::int64_t BlogRepository::insert(Connection& c, const NewBlog& b, domain::Millis now) {
  auto q = c.prepare(
      "INSERT INTO blogs(host_id, title, description, promise_days, premoderated, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(host_id) DO NOTHING");
  q.bind(1, b.host_id)
      .bind(2, b.title)
      .bind(3, b.description)
      .bind(4, b.promise_days)
      .bind(5, b.premoderated ? 1 : 0)
      .bind(6, now);
  q.run();
  if (c.changes() == 0)
    throw domain::conflict("This person hosts a blog already; a host has one blog.", "blog_exists");
  return c.last_insert_id();
}

std::optional<BlogRecord> BlogRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = with_select("WHERE b.id = ?1");
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_blog(q);
}

std::optional<BlogRecord> BlogRepository::find_by_host(Connection& c, std::int64_t host_id) {
  static const std::string sql = with_select("WHERE b.host_id = ?1");
  auto q = c.prepare(sql);
  q.bind(1, host_id);
  if (!q.step()) return std::nullopt;
  return read_blog(q);
}

std::vector<BlogRecord> BlogRepository::list(Connection& c, int limit) {
  static const std::string sql = with_select("ORDER BY b.id LIMIT ?1");
  auto q = c.prepare(sql);
  q.bind(1, limit);
  std::vector<BlogRecord> out;
  while (q.step()) out.push_back(read_blog(q));
  return out;
}

std::vector<std::int64_t> BlogRepository::article_ids(Connection& c, std::int64_t blog_id,
                                                      int limit) {
  auto q = c.prepare(
      "SELECT id FROM posts WHERE blog_id = ?1 AND state <> 'removed' ORDER BY id DESC "
      "LIMIT ?2");
  q.bind(1, blog_id).bind(2, limit);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

void BlogRepository::attach_article(Connection& c, std::int64_t post_id, std::int64_t blog_id) {
  auto q = c.prepare("UPDATE posts SET blog_id = ?2 WHERE id = ?1");
  q.bind(1, post_id).bind(2, blog_id);
  q.run();
}

}  // namespace greenroom::store
