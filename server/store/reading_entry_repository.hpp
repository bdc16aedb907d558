#pragma once
// The reading list's entries (schema/0018): what the fetcher stored from each feed, each
// person's read markers, and the days a person opened the reading view.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct NewFeedEntry {
  std::string guid;
  std::string title;
  std::optional<std::string> link;
  std::string summary;
  std::optional<domain::Millis> published_at;
  std::optional<domain::Millis> updated_at;
};

struct FeedEntryRecord {
  std::int64_t id = 0;
  std::int64_t feed_id = 0;
  std::string feed_title;
  std::string feed_url;
  std::string title;
  std::optional<std::string> link;
  std::string summary;
  std::optional<domain::Millis> published_at;
  std::optional<domain::Millis> updated_at;
  domain::Millis sort_at = 0;
  std::optional<domain::Millis> read_at;  // the reader's marker
};

struct FeedEntryPage {
  std::vector<FeedEntryRecord> items;
  std::optional<domain::Cursor> next;
};

class FeedEntryRepository {
 public:
  // Inserts new entries and refreshes known ones (by guid); keeps the newest `keep` of the
  // feed. Returns how many were new.
  static int store(Connection& c, std::int64_t feed_id, const std::vector<NewFeedEntry>& entries,
                   domain::Millis now, int keep);
  // The reader's entries from the feeds they subscribe to, newest first (sort key, id).
  static FeedEntryPage for_reader(Connection& c, std::int64_t user_id,
                                  std::optional<domain::Cursor> before, bool unread_only,
                                  int limit);
  // The reader's unread entries dated at or after `since`.
  static int unread_since(Connection& c, std::int64_t user_id, domain::Millis since);
  // The entry when `user_id` subscribes to its feed.
  static std::optional<FeedEntryRecord> for_reader_by_id(Connection& c, std::int64_t user_id,
                                                         std::int64_t entry_id);
  static void mark_read(Connection& c, std::int64_t user_id, std::int64_t entry_id,
                        domain::Millis now);
  static void mark_unread(Connection& c, std::int64_t user_id, std::int64_t entry_id);

  // Reading days: "YYYY-MM-DD" (UTC).
  static bool has_reading_day(Connection& c, std::int64_t user_id, const std::string& day);
  static void record_reading_day(Connection& c, std::int64_t user_id, const std::string& day);
  static int reading_days_since(Connection& c, std::int64_t user_id, const std::string& day);
};

}  // namespace greenroom::store
