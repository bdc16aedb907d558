#include "store/analytics_repository.hpp"

#include <set>

#include "domain/analytics.hpp"

namespace greenroom::store {

namespace d = greenroom::domain;

namespace {

// A reply out for everyone (the partial index replies_public_created has this condition).
constexpr std::string_view kPublicReply =
    "r.state = 'visible' AND r.review_state IN ('none', 'approved') AND r.private_to IS NULL";

// ?4 is the space ('' for both).
constexpr std::string_view kSpace = "(?4 = '' OR p.space = ?4)";

std::string sql(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

int week_of(d::Millis t, d::Millis from) {
  return static_cast<int>((t - from) / d::kWeekMillis);
}

}  // namespace

std::vector<WeekCounts> AnalyticsRepository::weekly(Connection& c, std::int64_t user_id,
                                                    d::Millis from, int weeks,
                                                    std::optional<d::Space> space) {
  std::vector<WeekCounts> out(static_cast<std::size_t>(weeks));
  const d::Millis to = from + weeks * d::kWeekMillis;
  const std::string space_text(space ? d::to_string(*space) : std::string_view{});
  std::vector<std::set<d::Millis>> days(out.size());
  std::vector<std::set<std::int64_t>> repliers(out.size());
  auto bind = [&](Statement& q) {
    q.bind(1, user_id).bind(2, from).bind(3, to).bind(4, space_text);
  };

  {  // their published posts, and for each the first reply by someone else
    static const std::string s = sql(
        {"SELECT p.published_at, (SELECT MIN(r.created_at) FROM replies r WHERE r.post_id = p.id "
         "AND r.author_id != p.author_id AND ",
         kPublicReply,
         ") FROM posts p WHERE p.author_id = ?1 AND p.state = 'published' "
         "AND p.published_at >= ?2 AND p.published_at < ?3 AND ",
         kSpace});
    auto q = c.prepare(s);
    bind(q);
    while (q.step()) {
      const auto at = q.int64(0);
      auto& w = out[static_cast<std::size_t>(week_of(at, from))];
      ++w.posts;
      days[static_cast<std::size_t>(week_of(at, from))].insert(at / d::kDayMillis);
      if (auto first = q.int64_or_null(1))
        w.first_reply_seconds.push_back(static_cast<double>(*first - at) / 1000.0);
    }
  }
  {  // replies they gave, on published posts
    static const std::string s =
        sql({"SELECT r.created_at FROM replies r JOIN posts p ON p.id = r.post_id "
             "WHERE r.author_id = ?1 AND r.created_at >= ?2 AND r.created_at < ?3 AND ",
             kPublicReply, " AND p.state = 'published' AND ", kSpace});
    auto q = c.prepare(s);
    bind(q);
    while (q.step()) {
      const auto at = q.int64(0);
      ++out[static_cast<std::size_t>(week_of(at, from))].replies_given;
      days[static_cast<std::size_t>(week_of(at, from))].insert(at / d::kDayMillis);
    }
  }
  {  // replies others gave on their published posts
    static const std::string s =
        sql({"SELECT r.created_at, r.author_id FROM posts p JOIN replies r ON r.post_id = p.id "
             "WHERE p.author_id = ?1 AND p.state = 'published' AND r.author_id != ?1 "
             "AND r.created_at >= ?2 AND r.created_at < ?3 AND ",
             kPublicReply, " AND ", kSpace});
    auto q = c.prepare(s);
    bind(q);
    while (q.step()) {
      const auto wk = static_cast<std::size_t>(week_of(q.int64(0), from));
      ++out[wk].replies_received;
      repliers[wk].insert(q.int64(1));
    }
  }
  {  // likes on their published posts (by others: one cannot like one's own)
    static const std::string s =
        sql({"SELECT l.created_at FROM posts p JOIN likes l ON l.post_id = p.id "
             "WHERE p.author_id = ?1 AND p.state = 'published' "
             "AND l.created_at >= ?2 AND l.created_at < ?3 AND ",
             kSpace});
    auto q = c.prepare(s);
    bind(q);
    while (q.step()) ++out[static_cast<std::size_t>(week_of(q.int64(0), from))].likes_received;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].repliers = static_cast<long long>(repliers[i].size());
    out[i].active_days = static_cast<long long>(days[i].size());
  }
  return out;
}

std::optional<d::Millis> AnalyticsRepository::first_company_post(Connection& c,
                                                                 std::int64_t user_id) {
  auto q = c.prepare(
      "SELECT MIN(published_at) FROM posts WHERE author_id = ?1 AND space = 'company' "
      "AND state = 'published'");
  q.bind(1, user_id);
  q.step();
  return q.int64_or_null(0);
}

ActivityCounts AnalyticsRepository::company_activity(Connection& c, d::Millis from, d::Millis to) {
  constexpr d::Millis kHour = 3'600'000;
  if (to <= from) return {};
  // Whole hours [first, last) inside the range; what lies outside them is walked row by row.
  const auto first = from >= 0 ? (from + kHour - 1) / kHour : from / kHour;
  const auto last = to >= 0 ? to / kHour : (to - kHour + 1) / kHour;
  if (last - first < 2) return company_activity_by_rows(c, from, to);
  auto q = c.prepare(
      "SELECT COALESCE(SUM(posts), 0), COALESCE(SUM(replies), 0), COALESCE(SUM(likes), 0) "
      "FROM company_activity_hours WHERE hour >= ?1 AND hour < ?2");
  q.bind(1, first).bind(2, last);
  q.step();
  ActivityCounts n{q.int64(0), q.int64(1), q.int64(2)};
  for (const auto& edge : {company_activity_by_rows(c, from, first * kHour),
                           company_activity_by_rows(c, last * kHour, to)}) {
    n.posts += edge.posts;
    n.replies += edge.replies;
    n.likes += edge.likes;
  }
  return n;
}

ActivityCounts AnalyticsRepository::company_activity_by_rows(Connection& c, d::Millis from,
                                                             d::Millis to) {
  ActivityCounts n;
  if (to <= from) return n;
  {
    auto q = c.prepare(
        "SELECT COUNT(*) FROM posts WHERE space = 'company' AND state = 'published' "
        "AND published_at >= ?1 AND published_at < ?2");
    q.bind(1, from).bind(2, to);
    q.step();
    n.posts = q.int64(0);
  }
  {
    static const std::string s =
        sql({"SELECT COUNT(*) FROM replies r CROSS JOIN posts p ON p.id = r.post_id "
             "WHERE r.created_at >= ?1 AND r.created_at < ?2 AND ",
             kPublicReply, " AND p.space = 'company' AND p.state = 'published'"});
    auto q = c.prepare(s);
    q.bind(1, from).bind(2, to);
    q.step();
    n.replies = q.int64(0);
  }
  {
    auto q = c.prepare(
        "SELECT COUNT(*) FROM likes l CROSS JOIN posts p ON p.id = l.post_id "
        "WHERE l.created_at >= ?1 AND l.created_at < ?2 "
        "AND p.space = 'company' AND p.state = 'published'");
    q.bind(1, from).bind(2, to);
    q.step();
    n.likes = q.int64(0);
  }
  return n;
}

}  // namespace greenroom::store
