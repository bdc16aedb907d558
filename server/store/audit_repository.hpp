#pragma once
// The append-only audit trail (sign-ins, account changes, later moderation actions).
#include <optional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

class AuditRepository {
 public:
  static void record(Connection& c, domain::Millis at, std::optional<std::int64_t> actor_id,
                     std::string_view action, std::string_view target_type,
                     std::optional<std::int64_t> target_id, std::string_view detail_json = "{}");
};

}  // namespace greenroom::store
