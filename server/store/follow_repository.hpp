#pragma once
// Who follows whom and what (schema/0017_follows.sql): people, topics and blogs. Following is
// idempotent: follow/unfollow return whether a row was added or removed. The Following feed's
// rows (following_timeline) are kept by the schema's triggers, not here.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

enum class FollowKind { user, topic, blog };

struct FollowedBlog {
  std::int64_t id = 0;
  std::string title;
  AuthorRef host;
};

struct Following {
  std::vector<AuthorRef> people;
  std::vector<std::string> topics;
  std::vector<FollowedBlog> blogs;
};

class FollowRepository {
 public:
  // `target` is a user id or a blog id; `tag` a topic as stored (lower-case, no '#').
  static bool follow(Connection& c, std::int64_t follower, FollowKind kind, std::int64_t target,
                     std::string_view tag, domain::Millis now);
  static bool unfollow(Connection& c, std::int64_t follower, FollowKind kind, std::int64_t target,
                       std::string_view tag);
  static bool follows(Connection& c, std::int64_t follower, FollowKind kind, std::int64_t target,
                      std::string_view tag);
  // How many follow the person, topic or blog (enabled accounts only).
  static std::int64_t follower_count(Connection& c, FollowKind kind, std::int64_t target,
                                     std::string_view tag);
  // How many people the person follows.
  static std::int64_t following_count(Connection& c, std::int64_t user_id);
  // Enabled followers of a person or a blog, by id.
  static std::vector<std::int64_t> followers(Connection& c, FollowKind kind, std::int64_t target);
  // What the person follows, people and blogs by name, topics alphabetically.
  static Following following(Connection& c, std::int64_t user_id);
};

}  // namespace greenroom::store
