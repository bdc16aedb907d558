#include "store/reading_entry_repository.hpp"

namespace greenroom::store {

namespace {

constexpr const char* kEntryColumns =
    "e.id, e.feed_id, f.title, f.url, e.title, e.link, e.summary, e.published_at, "
    "e.updated_at, e.sort_at, r.read_at";

FeedEntryRecord entry_row(const Statement& q) {
  FeedEntryRecord e;
  e.id = q.int64(0);
  e.feed_id = q.int64(1);
  e.feed_title = q.text(2);
  e.feed_url = q.text(3);
  e.title = q.text(4);
  e.link = q.text_or_null(5);
  e.summary = q.text(6);
  e.published_at = q.int64_or_null(7);
  e.updated_at = q.int64_or_null(8);
  e.sort_at = q.int64(9);
  e.read_at = q.int64_or_null(10);
  return e;
}

}  // namespace

int FeedEntryRepository::store(Connection& c, std::int64_t feed_id,
                               const std::vector<NewFeedEntry>& entries, domain::Millis now,
                               int keep) {
  int added = 0;
  for (const auto& e : entries) {
    const auto sort_at = e.published_at ? *e.published_at : e.updated_at ? *e.updated_at : now;
    c.prepare(
         "INSERT INTO feed_entries(feed_id, guid, title, link, summary, published_at, "
         "updated_at, sort_at, first_seen_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
         "ON CONFLICT(feed_id, guid) DO NOTHING")
        .bind(1, feed_id)
        .bind(2, e.guid)
        .bind(3, e.title)
        .bind(4, e.link)
        .bind(5, e.summary)
        .bind(6, e.published_at)
        .bind(7, e.updated_at)
        .bind(8, sort_at)
        .bind(9, now)
        .run();
    if (c.changes() > 0) {
      ++added;
      continue;
    }
    // Known: take the latest text (the date a reader sorts by stays as first stored, unless
    // the feed now gives one).
    c.prepare(
         "UPDATE feed_entries SET title = ?3, link = ?4, summary = ?5, "
         "published_at = COALESCE(?6, published_at), updated_at = COALESCE(?7, updated_at), "
         "sort_at = COALESCE(?6, ?7, sort_at) WHERE feed_id = ?1 AND guid = ?2")
        .bind(1, feed_id)
        .bind(2, e.guid)
        .bind(3, e.title)
        .bind(4, e.link)
        .bind(5, e.summary)
        .bind(6, e.published_at)
        .bind(7, e.updated_at)
        .run();
  }
  c.prepare(
       "DELETE FROM feed_entries WHERE feed_id = ?1 AND id NOT IN (SELECT id FROM feed_entries "
       "WHERE feed_id = ?1 ORDER BY sort_at DESC, id DESC LIMIT ?2)")
      .bind(1, feed_id)
      .bind(2, keep)
      .run();
  return added;
}

FeedEntryPage FeedEntryRepository::for_reader(Connection& c, std::int64_t user_id,
                                              std::optional<domain::Cursor> before,
                                              bool unread_only, int limit) {
  auto q = c.prepare(std::string("SELECT ") + kEntryColumns +
                     " FROM feed_subscriptions s JOIN feed_entries e ON e.feed_id = s.feed_id "
                     "JOIN external_feeds f ON f.id = e.feed_id "
                     "LEFT JOIN feed_entry_reads r ON r.user_id = s.user_id AND r.entry_id = e.id "
                     "WHERE s.user_id = ?1 AND (?2 IS NULL OR e.sort_at < ?2 OR "
                     "(e.sort_at = ?2 AND e.id < ?3)) AND (?4 = 0 OR r.read_at IS NULL) "
                     "ORDER BY e.sort_at DESC, e.id DESC LIMIT ?5");
  q.bind(1, user_id);
  if (before)
    q.bind(2, before->key).bind(3, before->id);
  else
    q.bind_null(2).bind_null(3);
  q.bind(4, unread_only ? 1 : 0).bind(5, limit + 1);
  FeedEntryPage page;
  while (q.step()) page.items.push_back(entry_row(q));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next = domain::Cursor{page.items.back().sort_at, page.items.back().id};
  }
  return page;
}

int FeedEntryRepository::unread_since(Connection& c, std::int64_t user_id, domain::Millis since) {
  auto q = c.prepare(
      "SELECT COUNT(*) FROM feed_subscriptions s JOIN feed_entries e ON e.feed_id = s.feed_id "
      "WHERE s.user_id = ?1 AND e.sort_at >= ?2 AND NOT EXISTS (SELECT 1 FROM feed_entry_reads "
      "r WHERE r.user_id = s.user_id AND r.entry_id = e.id)");
  q.bind(1, user_id).bind(2, since);
  q.step();
  return static_cast<int>(q.int64(0));
}

std::optional<FeedEntryRecord> FeedEntryRepository::for_reader_by_id(Connection& c,
                                                                     std::int64_t user_id,
                                                                     std::int64_t entry_id) {
  auto q = c.prepare(std::string("SELECT ") + kEntryColumns +
                     " FROM feed_subscriptions s JOIN feed_entries e ON e.feed_id = s.feed_id "
                     "JOIN external_feeds f ON f.id = e.feed_id "
                     "LEFT JOIN feed_entry_reads r ON r.user_id = s.user_id AND r.entry_id = e.id "
                     "WHERE s.user_id = ?1 AND e.id = ?2");
  q.bind(1, user_id).bind(2, entry_id);
  if (!q.step()) return std::nullopt;
  return entry_row(q);
}

void FeedEntryRepository::mark_read(Connection& c, std::int64_t user_id, std::int64_t entry_id,
                                    domain::Millis now) {
  c.prepare(
       "INSERT INTO feed_entry_reads(user_id, entry_id, read_at) VALUES(?1, ?2, ?3) "
       "ON CONFLICT(user_id, entry_id) DO NOTHING")
      .bind(1, user_id)
      .bind(2, entry_id)
      .bind(3, now)
      .run();
}

void FeedEntryRepository::mark_unread(Connection& c, std::int64_t user_id, std::int64_t entry_id) {
  c.prepare("DELETE FROM feed_entry_reads WHERE user_id = ?1 AND entry_id = ?2")
      .bind(1, user_id)
      .bind(2, entry_id)
      .run();
}

bool FeedEntryRepository::has_reading_day(Connection& c, std::int64_t user_id,
                                          const std::string& day) {
  auto q = c.prepare("SELECT 1 FROM reading_days WHERE user_id = ?1 AND day = ?2");
  q.bind(1, user_id).bind(2, day);
  return q.step();
}

void FeedEntryRepository::record_reading_day(Connection& c, std::int64_t user_id,
                                             const std::string& day) {
  c.prepare("INSERT INTO reading_days(user_id, day) VALUES(?1, ?2) ON CONFLICT DO NOTHING")
      .bind(1, user_id)
      .bind(2, day)
      .run();
}

int FeedEntryRepository::reading_days_since(Connection& c, std::int64_t user_id,
                                            const std::string& day) {
  auto q = c.prepare("SELECT COUNT(*) FROM reading_days WHERE user_id = ?1 AND day >= ?2");
  q.bind(1, user_id).bind(2, day);
  q.step();
  return static_cast<int>(q.int64(0));
}

}  // namespace greenroom::store
