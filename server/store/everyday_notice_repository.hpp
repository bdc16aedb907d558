#pragma once
// Notices of everyday activity (schema/0017_follows.sql): the kinds a person turned off, and
// the one unread like notice per post that later likes update instead of adding rows.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct UnreadNotice {
  std::int64_t id = 0;
  domain::Millis created_at = 0;
};

class EverydayNoticeRepository {
 public:
  static bool opted_out(Connection& c, std::int64_t user_id, std::string_view kind);
  // The kinds the person turned off, alphabetically.
  static std::vector<std::string> opt_outs(Connection& c, std::int64_t user_id);
  // Turns `kind` on (removes the opt-out) or off; true when something changed.
  static bool set_enabled(Connection& c, std::int64_t user_id, std::string_view kind, bool enabled,
                          domain::Millis now);

  // The person's unread notice of `kind` about the post, if any (the newest).
  static std::optional<UnreadNotice> unread_about_post(Connection& c, std::int64_t user_id,
                                                       std::string_view kind, std::int64_t post_id);
  static void rewrite(Connection& c, std::int64_t notice_id, std::string_view message);
  // How many people other than `author_id` liked the post at or after `since`.
  static std::int64_t likes_since(Connection& c, std::int64_t post_id, std::int64_t author_id,
                                  domain::Millis since);
};

}  // namespace greenroom::store
