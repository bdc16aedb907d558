#pragma once
// Blogs: one per host, enabled by an admin.
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct BlogRecord {
  std::int64_t id = 0;
  AuthorRef host;
  std::string title;
  std::string description;
  std::int64_t promise_days = 7;
  bool premoderated = false;
  domain::Millis created_at = 0;
};

struct NewBlog {
  std::int64_t host_id = 0;
  std::string title;
  std::string description;
  std::int64_t promise_days = 7;
  bool premoderated = false;
};

class BlogRepository {
 public:
  // Throws Error(conflict) when the host has a blog already (the UNIQUE constraint).
  static std::int64_t insert(Connection& c, const NewBlog& b, domain::Millis now);
  static std::optional<BlogRecord> find(Connection& c, std::int64_t id);
  static std::optional<BlogRecord> find_by_host(Connection& c, std::int64_t host_id);
  static std::vector<BlogRecord> list(Connection& c, int limit);
  // The blog's articles (posts tied to it), newest first; the caller filters each through
  // domain::can_view_post.
  static std::vector<std::int64_t> article_ids(Connection& c, std::int64_t blog_id, int limit);
  static void attach_article(Connection& c, std::int64_t post_id, std::int64_t blog_id);
};

}  // namespace greenroom::store
