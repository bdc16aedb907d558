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

  // The Following feed as the reading view reads it; `unread_only` leaves out the posts the
  // viewer marked read there (reading_post_reads).
  static Page reading_posts(Connection& c, const ListingQuery& q, bool unread_only);
  // The viewer's Following posts published at or after `since` and not marked read, counted
  // up to `cap` (the "new since yesterday" figure; the cap bounds its cost).
  static int unread_following_since(Connection& c, const ListingQuery& q, domain::Millis since,
                                    int cap);

  // The statements, for query-plan tests.
  static const std::string& following_feed_sql(domain::PracticeReach reach);
  static const std::string& topic_posts_sql(domain::PracticeReach reach);
  static const std::string& author_posts_sql();
  static const std::string& unread_following_sql(domain::PracticeReach reach);
};

}  // namespace greenroom::store
