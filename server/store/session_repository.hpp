#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct SessionRecord {
  UserRecord user;
  domain::Millis expires_at = 0;
  std::string public_id;
  domain::Millis last_seen_at = 0;
  domain::Millis auth_at = 0;  // last password or TOTP proof (sign-in or re-authentication)
  bool totp_enabled = false;
};

// What a person sees of one of their sessions (never the token or its hash).
struct SessionSummary {
  std::string public_id;
  std::string user_agent;
  std::string client_ip;
  domain::Millis created_at = 0;
  domain::Millis last_seen_at = 0;
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
  // Records what a new session was opened with; its auth time and last use are `now`.
  static void describe(Connection& c, std::string_view token_hash, std::string_view public_id,
                       std::string_view user_agent, std::string_view client_ip, domain::Millis now);
  // The user's live sessions, most recently used first.
  static std::vector<SessionSummary> list_for_user(Connection& c, std::int64_t user_id,
                                                   domain::Millis now);
  // Ends the user's session with this public id; false when the user has none such.
  static bool remove_by_public_id(Connection& c, std::int64_t user_id, std::string_view public_id);
  // Ends every session of the user but the one with `keep_token_hash`; returns how many.
  static int remove_others(Connection& c, std::int64_t user_id, std::string_view keep_token_hash);
  // Last use and address, written only when the stored time is at least `min_gap` old.
  static void touch(Connection& c, std::string_view token_hash, std::string_view client_ip,
                    domain::Millis now, domain::Millis min_gap);
  static void set_auth_at(Connection& c, std::string_view token_hash, domain::Millis now);
  static int purge_expired(Connection& c, domain::Millis now);
};

}  // namespace greenroom::store
