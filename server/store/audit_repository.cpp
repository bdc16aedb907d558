#include "store/audit_repository.hpp"

namespace greenroom::store {

void AuditRepository::record(Connection& c, domain::Millis at, std::optional<std::int64_t> actor_id,
                             std::string_view action, std::string_view target_type,
                             std::optional<std::int64_t> target_id, std::string_view detail_json) {
  c.prepare(
       "INSERT INTO audit_log(at, actor_id, action, target_type, target_id, detail) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(1, at)
      .bind(2, actor_id)
      .bind(3, action)
      .bind(4, target_type)
      .bind(5, target_id)
      .bind(6, detail_json)
      .run();
}

}  // namespace greenroom::store
