#include "store/audit_repository.hpp"

namespace greenroom::store {

void AuditRepository::record(Connection& c, domain::Millis at, std::optional<std::int64_t> actor_id,
                             std::string_view action, std::string_view target_type,
                             std::optional<std::int64_t> target_id, std::string_view detail_json) {
  audit::Entry e;
  e.at = at;
  e.actor_id = actor_id;
  e.action = std::string(action);
  e.target_type = std::string(target_type);
  e.target_id = target_id;
  e.detail = std::string(detail_json);
  audit::record(c, e);
}

}  // namespace greenroom::store
