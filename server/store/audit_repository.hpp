#pragma once
// Compatibility shim: the older call shape for audit entries. New code calls
// store::audit::record (store/audit.hpp) with an audit::Entry; this forwards to it, so every
// entry is still built in one place and chained.
#include <optional>
#include <string_view>

#include "domain/time.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"

namespace greenroom::store {

class AuditRepository {
 public:
  static void record(Connection& c, domain::Millis at, std::optional<std::int64_t> actor_id,
                     std::string_view action, std::string_view target_type,
                     std::optional<std::int64_t> target_id, std::string_view detail_json = "{}");
};

}  // namespace greenroom::store
