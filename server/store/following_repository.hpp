#pragma once
// Listings of published posts beyond the two space feeds: the Following feed (posts of the
// people, topics and blogs a person follows), a topic's posts and a person's published posts.
// Each is newest first with the feed's keyset (published_at, id), and lets through only what
// the one visibility rule lets the viewer read: company posts, and practice posts as far as
// domain::practice_reach reaches (the shared SQL in store/post_rows.hpp; hidden and removed
// posts never).
#include <optional>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "domain/permissions.hpp"
#include "store/database.hpp"
#include "store/post_repository.hpp"

namespace greenroom::store {

struct ListingQuery {
  std::int64_t viewer_id = 0;
  domain::PracticeReach reach = domain::PracticeReach::none;
  std::optional<domain::Cursor> before;
  int limit = 20;
};

class FollowingRepository {
 public:
  static Page following_feed(Connection& c, const ListingQuery& q);
  static Page topic_posts(Connection& c, std::string_view tag, const ListingQuery& q);
  // The author's published posts; the practice ones only with `include_practice` (the caller
  // asks domain::can_view_post for this author once).
  static Page author_posts(Connection& c, std::int64_t author_id, bool include_practice,
                           const ListingQuery& q);

  // The statements, for query-plan tests.
  static const std::string& following_feed_sql(domain::PracticeReach reach);
  static const std::string& topic_posts_sql(domain::PracticeReach reach);
  static const std::string& author_posts_sql();
};

}  // namespace greenroom::store
