#pragma once
// TOTP secrets (one per user) and the hashes of one-time recovery codes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct TotpRecord {
  std::string secret_base32;
  bool enabled = false;
  std::int64_t last_step = 0;
};

class TotpRepository {
 public:
  static std::optional<TotpRecord> find(Connection& c, std::int64_t user_id);
  // Starts (or restarts) an enrolment that is not yet enabled.
  static void start(Connection& c, std::int64_t user_id, std::string_view secret_base32,
                    domain::Millis now);
  static void enable(Connection& c, std::int64_t user_id, std::int64_t step, domain::Millis now);
  static void set_last_step(Connection& c, std::int64_t user_id, std::int64_t step);
  // Removes the secret and every recovery code.
  static void remove(Connection& c, std::int64_t user_id);
  static void replace_recovery_codes(Connection& c, std::int64_t user_id,
                                     const std::vector<std::string>& code_hashes);
  // Spends an unused code; false when there is no such unused code.
  static bool use_recovery_code(Connection& c, std::int64_t user_id, std::string_view code_hash,
                                domain::Millis now);
  static std::int64_t unused_recovery_codes(Connection& c, std::int64_t user_id);
};

}  // namespace greenroom::store
