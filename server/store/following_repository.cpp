#include "store/following_repository.hpp"

#include <array>
#include <initializer_list>
#include <limits>

#include "store/post_rows.hpp"

namespace greenroom::store {

namespace {

using domain::PracticeReach;
constexpr std::array kReaches = {PracticeReach::none, PracticeReach::everyone,
                                 PracticeReach::cohort, PracticeReach::coached,
                                 PracticeReach::mentored};

std::size_t index_of(PracticeReach r) {
  for (std::size_t i = 0; i < kReaches.size(); ++i)
    if (kReaches[i] == r) return i;
  return 0;
}

// The parts joined into one string by appending (no temporaries).
std::string join(std::initializer_list<std::string_view> parts) {
  std::size_t n = 0;
  for (auto p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (auto p : parts) out.append(p);
  return out;
}

// One statement per reach, built once. `middle` goes between the post columns and the
// visibility condition; ?1 viewer, ?2 the listing's key (user, tag or author), ?3/?4 cursor,
// ?5 limit.
std::array<std::string, kReaches.size()> per_reach(std::string_view middle,
                                                   std::string_view order) {
  std::array<std::string, kReaches.size()> out;
  for (std::size_t i = 0; i < kReaches.size(); ++i) {
    const auto reach = practice_reach_sql(kReaches[i]);
    out[i] = join({reach.with.empty() ? "" : "WITH ", reach.with, post_select_sql(), middle,
                   "AND p.state = 'published' AND (p.space = 'company' OR ", reach.condition, ") ",
                   order});
  }
  return out;
}

Page run_page(Statement q, std::int64_t viewer, std::optional<domain::Cursor> before, int limit) {
  const auto max = std::numeric_limits<std::int64_t>::max();
  q.bind(1, viewer)
      .bind(3, before ? before->key : max)
      .bind(4, before ? before->id : max)
      .bind(5, limit + 1);
  Page page;
  page.items.reserve(static_cast<std::size_t>(limit) + 1);
  while (q.step()) page.items.push_back(read_post_row(q));
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    const auto& last = page.items.back();
    page.next = domain::Cursor{last.published_at.value_or(0), last.id};
  }
  return page;
}

}  // namespace

const std::string& FollowingRepository::following_feed_sql(PracticeReach reach) {
  // The viewer's timeline rows drive the query (one range of its primary key, newest first);
  // each is joined to its live post for the state and space.
  static const auto sql = per_reach(
      "JOIN following_timeline t ON t.post_id = p.id "
      "WHERE t.user_id = ?1 AND (t.published_at, t.post_id) < (?3, ?4) ",
      "ORDER BY t.published_at DESC, t.post_id DESC LIMIT ?5");
  return sql[index_of(reach)];
}

const std::string& FollowingRepository::unread_following_sql(PracticeReach reach) {
  // The Following feed's range walk, without what the viewer marked read in the reading view.
  static const auto sql = per_reach(
      "JOIN following_timeline t ON t.post_id = p.id "
      "WHERE t.user_id = ?1 AND (t.published_at, t.post_id) < (?3, ?4) "
      "AND NOT EXISTS (SELECT 1 FROM reading_post_reads rr "
      "  WHERE rr.user_id = ?1 AND rr.post_id = p.id) ",
      "ORDER BY t.published_at DESC, t.post_id DESC LIMIT ?5");
  return sql[index_of(reach)];
}

namespace {

// SELECT COUNT(*) over the viewer's unread Following posts since ?3, at most ?5 of them.
const std::string& unread_count_sql(PracticeReach reach) {
  static const auto sql = [] {
    auto rows = per_reach(
        "JOIN following_timeline t ON t.post_id = p.id "
        "WHERE t.user_id = ?1 AND t.published_at >= ?3 "
        "AND NOT EXISTS (SELECT 1 FROM reading_post_reads rr "
        "  WHERE rr.user_id = ?1 AND rr.post_id = p.id) ",
        "LIMIT ?5");
    for (auto& r : rows) r = "SELECT COUNT(*) FROM (" + r + ")";
    return rows;
  }();
  return sql[index_of(reach)];
}

}  // namespace

const std::string& FollowingRepository::topic_posts_sql(PracticeReach reach) {
  // One range of topic_timeline's primary key, newest first (no sort: migration 0024), each
  // row joined to its live post for the state and space.
  static const auto sql = per_reach(
      "JOIN topic_timeline t ON t.post_id = p.id "
      "WHERE t.tag = ?2 AND (t.published_at, t.post_id) < (?3, ?4) ",
      "ORDER BY t.published_at DESC, t.post_id DESC LIMIT ?5");
  return sql[index_of(reach)];
}

const std::string& FollowingRepository::author_posts_sql() {
  // ?6: whether the viewer may read this author's published practice posts.
  static const std::string sql = join({post_select_sql(),
                                       "WHERE p.author_id = ?2 AND p.state = 'published' "
                                       "AND (p.published_at, p.id) < (?3, ?4) "
                                       "AND (p.space = 'company' OR ?6) "
                                       "ORDER BY p.published_at DESC, p.id DESC LIMIT ?5"});
  return sql;
}

Page FollowingRepository::following_feed(Connection& c, const ListingQuery& q) {
  return run_page(c.prepare(following_feed_sql(q.reach)), q.viewer_id, q.before, q.limit);
}

Page FollowingRepository::reading_posts(Connection& c, const ListingQuery& q, bool unread_only) {
  if (!unread_only) return following_feed(c, q);
  return run_page(c.prepare(unread_following_sql(q.reach)), q.viewer_id, q.before, q.limit);
}

int FollowingRepository::unread_following_since(Connection& c, const ListingQuery& q,
                                                domain::Millis since, int cap) {
  auto st = c.prepare(unread_count_sql(q.reach));
  st.bind(1, q.viewer_id).bind(3, since).bind(5, cap);
  st.step();
  return static_cast<int>(st.int64(0));
}

Page FollowingRepository::topic_posts(Connection& c, std::string_view tag, const ListingQuery& q) {
  auto st = c.prepare(topic_posts_sql(q.reach));
  st.bind(2, tag);
  return run_page(std::move(st), q.viewer_id, q.before, q.limit);
}

Page FollowingRepository::author_posts(Connection& c, std::int64_t author_id, bool include_practice,
                                       const ListingQuery& q) {
  auto st = c.prepare(author_posts_sql());
  st.bind(2, author_id).bind(6, include_practice ? 1 : 0);
  return run_page(std::move(st), q.viewer_id, q.before, q.limit);
}

}  // namespace greenroom::store
