#include "store/reading_feed_repository.hpp"

namespace greenroom::store {

namespace {

constexpr const char* kFeedColumns =
    "f.id, f.url, f.host, f.title, f.site_link, f.created_at, f.last_attempt_at, "
    "f.last_success_at, f.last_error_code, f.last_error_message, f.failures, f.next_fetch_at";

ExternalFeedRecord feed_row(const Statement& q) {
  ExternalFeedRecord f;
  f.id = q.int64(0);
  f.url = q.text(1);
  f.host = q.text(2);
  f.title = q.text(3);
  f.site_link = q.text_or_null(4);
  f.created_at = q.int64(5);
  f.last_attempt_at = q.int64_or_null(6);
  f.last_success_at = q.int64_or_null(7);
  f.last_error_code = q.text_or_null(8);
  f.last_error_message = q.text_or_null(9);
  f.failures = q.int64(10);
  f.next_fetch_at = q.int64(11);
  return f;
}

}  // namespace

std::vector<FeedHostRecord> FeedHostRepository::all(Connection& c) {
  auto q = c.prepare("SELECT host, added_by, created_at FROM feed_hosts ORDER BY host");
  std::vector<FeedHostRecord> out;
  while (q.step()) out.push_back({q.text(0), q.int64_or_null(1), q.int64(2)});
  return out;
}

bool FeedHostRepository::allowed(Connection& c, const std::string& host) {
  auto q = c.prepare("SELECT 1 FROM feed_hosts WHERE host = ?1");
  q.bind(1, host);
  return q.step();
}

bool FeedHostRepository::add(Connection& c, const std::string& host, std::int64_t by,
                             domain::Millis now) {
  c.prepare(
       "INSERT INTO feed_hosts(host, added_by, created_at) VALUES(?1, ?2, ?3) "
       "ON CONFLICT(host) DO NOTHING")
      .bind(1, host)
      .bind(2, by)
      .bind(3, now)
      .run();
  return c.changes() > 0;
}

bool FeedHostRepository::remove(Connection& c, const std::string& host) {
  c.prepare("DELETE FROM feed_hosts WHERE host = ?1").bind(1, host).run();
  return c.changes() > 0;
}

std::optional<ExternalFeedRecord> ExternalFeedRepository::find(Connection& c, std::int64_t id) {
  auto q =
      c.prepare(std::string("SELECT ") + kFeedColumns + " FROM external_feeds f WHERE f.id = ?1");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return feed_row(q);
}

ExternalFeedRecord ExternalFeedRepository::find_or_create(Connection& c, const std::string& url,
                                                          const std::string& host,
                                                          domain::Millis now) {
  c.prepare(
       "INSERT INTO external_feeds(url, host, created_at, next_fetch_at) VALUES(?1, ?2, ?3, ?3) "
       "ON CONFLICT(url) DO NOTHING")
      .bind(1, url)
      .bind(2, host)
      .bind(3, now)
      .run();
  auto q =
      c.prepare(std::string("SELECT ") + kFeedColumns + " FROM external_feeds f WHERE f.url = ?1");
  q.bind(1, url);
  q.step();
  return feed_row(q);
}

std::vector<ExternalFeedRecord> ExternalFeedRepository::due(Connection& c, domain::Millis now,
                                                            int limit) {
  auto q = c.prepare(std::string("SELECT ") + kFeedColumns +
                     " FROM external_feeds f WHERE f.next_fetch_at <= ?1 AND EXISTS "
                     "(SELECT 1 FROM feed_subscriptions s WHERE s.feed_id = f.id) "
                     "ORDER BY f.next_fetch_at, f.id LIMIT ?2");
  q.bind(1, now).bind(2, limit);
  std::vector<ExternalFeedRecord> out;
  while (q.step()) out.push_back(feed_row(q));
  return out;
}

std::optional<domain::Millis> ExternalFeedRepository::next_due(Connection& c) {
  auto q = c.prepare(
      "SELECT MIN(f.next_fetch_at) FROM external_feeds f WHERE EXISTS "
      "(SELECT 1 FROM feed_subscriptions s WHERE s.feed_id = f.id)");
  if (!q.step()) return std::nullopt;
  return q.int64_or_null(0);
}

void ExternalFeedRepository::record_success(Connection& c, std::int64_t id,
                                            const std::string& title,
                                            const std::optional<std::string>& site_link,
                                            domain::Millis now, domain::Millis next_fetch_at) {
  c.prepare(
       "UPDATE external_feeds SET title = ?2, site_link = ?3, last_attempt_at = ?4, "
       "last_success_at = ?4, last_error_code = NULL, last_error_message = NULL, failures = 0, "
       "next_fetch_at = ?5 WHERE id = ?1")
      .bind(1, id)
      .bind(2, title)
      .bind(3, site_link)
      .bind(4, now)
      .bind(5, next_fetch_at)
      .run();
}

void ExternalFeedRepository::record_failure(Connection& c, std::int64_t id, const std::string& code,
                                            const std::string& message, domain::Millis now,
                                            domain::Millis next_fetch_at) {
  c.prepare(
       "UPDATE external_feeds SET last_attempt_at = ?4, last_error_code = ?2, "
       "last_error_message = ?3, failures = failures + 1, next_fetch_at = ?5 WHERE id = ?1")
      .bind(1, id)
      .bind(2, code)
      .bind(3, message)
      .bind(4, now)
      .bind(5, next_fetch_at)
      .run();
}

void ExternalFeedRepository::set_next_fetch(Connection& c, std::int64_t id, domain::Millis at) {
  c.prepare("UPDATE external_feeds SET next_fetch_at = ?2 WHERE id = ?1")
      .bind(1, id)
      .bind(2, at)
      .run();
}

std::vector<ExternalFeedRecord> ExternalFeedRepository::subscribed(Connection& c,
                                                                   std::int64_t user_id) {
  auto q = c.prepare(std::string("SELECT ") + kFeedColumns +
                     ", s.created_at FROM feed_subscriptions s JOIN external_feeds f ON "
                     "f.id = s.feed_id WHERE s.user_id = ?1 ORDER BY s.created_at DESC, f.id DESC");
  q.bind(1, user_id);
  std::vector<ExternalFeedRecord> out;
  while (q.step()) {
    out.push_back(feed_row(q));
    out.back().subscribed_at = q.int64(12);
  }
  return out;
}

std::optional<ExternalFeedRecord> ExternalFeedRepository::subscription(Connection& c,
                                                                       std::int64_t user_id,
                                                                       std::int64_t feed_id) {
  auto q = c.prepare(std::string("SELECT ") + kFeedColumns +
                     ", s.created_at FROM feed_subscriptions s JOIN external_feeds f ON "
                     "f.id = s.feed_id WHERE s.user_id = ?1 AND s.feed_id = ?2");
  q.bind(1, user_id).bind(2, feed_id);
  if (!q.step()) return std::nullopt;
  auto f = feed_row(q);
  f.subscribed_at = q.int64(12);
  return f;
}

int ExternalFeedRepository::subscription_count(Connection& c, std::int64_t user_id) {
  auto q = c.prepare("SELECT COUNT(*) FROM feed_subscriptions WHERE user_id = ?1");
  q.bind(1, user_id);
  q.step();
  return static_cast<int>(q.int64(0));
}

void ExternalFeedRepository::subscribe(Connection& c, std::int64_t user_id, std::int64_t feed_id,
                                       domain::Millis now) {
  c.prepare("INSERT INTO feed_subscriptions(user_id, feed_id, created_at) VALUES(?1, ?2, ?3)")
      .bind(1, user_id)
      .bind(2, feed_id)
      .bind(3, now)
      .run();
}

void ExternalFeedRepository::unsubscribe(Connection& c, std::int64_t user_id,
                                         std::int64_t feed_id) {
  c.prepare("DELETE FROM feed_subscriptions WHERE user_id = ?1 AND feed_id = ?2")
      .bind(1, user_id)
      .bind(2, feed_id)
      .run();
}

}  // namespace greenroom::store
