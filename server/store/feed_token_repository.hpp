#pragma once
// Private feed tokens (schema/0014): one per user, stored as SHA-256 only, with the generation
// it was derived from (api/feeds.cpp derives the token from the server's feed key).
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct FeedTokenRecord {
  std::int64_t user_id = 0;
  std::int64_t generation = 0;
  domain::Millis created_at = 0;
};

class FeedTokenRepository {
 public:
  static std::optional<FeedTokenRecord> for_user(Connection& c, std::int64_t user_id);
  // Sets the user's token (a new one or the next generation), replacing the old.
  static void put(Connection& c, std::int64_t user_id, std::string_view token_hash,
                  std::int64_t generation, domain::Millis now);
  // The owner of the token with this hash, when that owner is not disabled.
  static std::optional<std::int64_t> active_owner(Connection& c, std::string_view token_hash);
};

}  // namespace greenroom::store
