#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct SessionRecord {
  UserRecord user;
  domain::Millis expires_at = 0;
};

class SessionRepository {
 public:
  // Only the token's hash is stored; the CSRF token is derived from the token (api/).
  static void insert(Connection& c, std::string_view token_hash, std::int64_t user_id,
                     domain::Millis now, domain::Millis expires_at);
  // The live session for this token hash, with its (enabled) user.
  static std::optional<SessionRecord> find(Connection& c, std::string_view token_hash,
                                           domain::Millis now);
  static void remove(Connection& c, std::string_view token_hash);
  static int purge_expired(Connection& c, domain::Millis now);
};

}  // namespace greenroom::store
