#pragma once
// Engagement counts for analytics, by the time each thing happened. Only public activity is
// counted: published posts, replies out for everyone (visible, not held for review) on
// published posts, likes on published posts. Hidden, removed and held items never count.
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct ActivityCounts {
  long long posts = 0, replies = 0, likes = 0;
};

// Per week (index 0 = the week starting at `from`), for one person.
struct WeekCounts {
  long long posts = 0;
  long long replies_given = 0;
  long long replies_received = 0;
  long long likes_received = 0;
  long long repliers = 0;                   // distinct other people who replied to their posts
  long long active_days = 0;                // days with a published post or a public reply by them
  std::vector<double> first_reply_seconds;  // per post published that week that got a reply
};

class AnalyticsRepository {
 public:
  // `weeks` weeks from `from` (a week start); `space` limits to one space (nullopt: both).
  static std::vector<WeekCounts> weekly(Connection& c, std::int64_t user_id, domain::Millis from,
                                        int weeks, std::optional<domain::Space> space);
  // The published time of the person's first company post that is published now.
  static std::optional<domain::Millis> first_company_post(Connection& c, std::int64_t user_id);
  // The company space's posts, replies and likes in [from, to): the whole hours inside from
  // the hourly rollup (schema/0025), the partial hours at the ends counted row by row.
  static ActivityCounts company_activity(Connection& c, domain::Millis from, domain::Millis to);
  // The same counted row by row over the whole range (what the rollup must always agree with).
  static ActivityCounts company_activity_by_rows(Connection& c, domain::Millis from,
                                                 domain::Millis to);
};

}  // namespace greenroom::store
