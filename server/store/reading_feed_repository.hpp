#pragma once
// The reading list's feeds (schema/0018): the hosts an admin allows, the external feeds
// (one row per address, shared by its subscribers) and who subscribes to which.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct FeedHostRecord {
  std::string host;
  std::optional<std::int64_t> added_by;
  domain::Millis created_at = 0;
};

struct ExternalFeedRecord {
  std::int64_t id = 0;
  std::string url;
  std::string host;
  std::string title;
  std::optional<std::string> site_link;
  domain::Millis created_at = 0;
  std::optional<domain::Millis> last_attempt_at;
  std::optional<domain::Millis> last_success_at;
  std::optional<std::string> last_error_code;
  std::optional<std::string> last_error_message;
  std::int64_t failures = 0;
  domain::Millis next_fetch_at = 0;
  domain::Millis subscribed_at = 0;  // for a subscriber's listing
};

class FeedHostRepository {
 public:
  static std::vector<FeedHostRecord> all(Connection& c);
  static bool allowed(Connection& c, const std::string& host);
  // True when added (false: it was there already).
  static bool add(Connection& c, const std::string& host, std::int64_t by, domain::Millis now);
  // True when removed.
  static bool remove(Connection& c, const std::string& host);
};

class ExternalFeedRepository {
 public:
  static std::optional<ExternalFeedRecord> find(Connection& c, std::int64_t id);
  // The feed with this address, made (due at once) when new.
  static ExternalFeedRecord find_or_create(Connection& c, const std::string& url,
                                           const std::string& host, domain::Millis now);
  // Feeds someone subscribes to whose next fetch is due, soonest first.
  static std::vector<ExternalFeedRecord> due(Connection& c, domain::Millis now, int limit);
  // The earliest next fetch of any subscribed feed.
  static std::optional<domain::Millis> next_due(Connection& c);
  static void record_success(Connection& c, std::int64_t id, const std::string& title,
                             const std::optional<std::string>& site_link, domain::Millis now,
                             domain::Millis next_fetch_at);
  static void record_failure(Connection& c, std::int64_t id, const std::string& code,
                             const std::string& message, domain::Millis now,
                             domain::Millis next_fetch_at);
  static void set_next_fetch(Connection& c, std::int64_t id, domain::Millis at);

  // Subscriptions.
  static std::vector<ExternalFeedRecord> subscribed(Connection& c, std::int64_t user_id);
  static std::optional<ExternalFeedRecord> subscription(Connection& c, std::int64_t user_id,
                                                        std::int64_t feed_id);
  static int subscription_count(Connection& c, std::int64_t user_id);
  static void subscribe(Connection& c, std::int64_t user_id, std::int64_t feed_id,
                        domain::Millis now);
  static void unsubscribe(Connection& c, std::int64_t user_id, std::int64_t feed_id);
};

}  // namespace greenroom::store
