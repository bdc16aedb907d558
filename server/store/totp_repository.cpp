#include "store/totp_repository.hpp"

namespace greenroom::store {

std::optional<TotpRecord> TotpRepository::find(Connection& c, std::int64_t user_id) {
  auto q = c.prepare("SELECT secret, enabled, last_step FROM user_totp WHERE user_id = ?1");
  q.bind(1, user_id);
  if (!q.step()) return std::nullopt;
  return TotpRecord{q.text(0), q.int64(1) != 0, q.int64(2)};
}

void TotpRepository::start(Connection& c, std::int64_t user_id, std::string_view secret_base32,
                           domain::Millis now) {
  c.prepare(
       "INSERT INTO user_totp(user_id, secret, enabled, last_step, created_at) "
       "VALUES(?1, ?2, 0, 0, ?3) ON CONFLICT(user_id) DO UPDATE SET secret = excluded.secret, "
       "last_step = 0, created_at = excluded.created_at WHERE enabled = 0")
      .bind(1, user_id)
      .bind(2, secret_base32)
      .bind(3, now)
      .run();
}

void TotpRepository::enable(Connection& c, std::int64_t user_id, std::int64_t step,
                            domain::Millis now) {
  c.prepare("UPDATE user_totp SET enabled = 1, last_step = ?2, enabled_at = ?3 WHERE user_id = ?1")
      .bind(1, user_id)
      .bind(2, step)
      .bind(3, now)
      .run();
}

void TotpRepository::set_last_step(Connection& c, std::int64_t user_id, std::int64_t step) {
  c.prepare("UPDATE user_totp SET last_step = ?2 WHERE user_id = ?1 AND last_step < ?2")
      .bind(1, user_id)
      .bind(2, step)
      .run();
}

void TotpRepository::remove(Connection& c, std::int64_t user_id) {
  c.prepare("DELETE FROM user_totp WHERE user_id = ?1").bind(1, user_id).run();
  c.prepare("DELETE FROM totp_recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
}

void TotpRepository::replace_recovery_codes(Connection& c, std::int64_t user_id,
                                            const std::vector<std::string>& code_hashes) {
  c.prepare("DELETE FROM totp_recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
  for (const auto& hash : code_hashes)
    c.prepare("INSERT INTO totp_recovery_codes(user_id, code_hash) VALUES(?1, ?2)")
        .bind(1, user_id)
        .bind(2, hash)
        .run();
}

bool TotpRepository::use_recovery_code(Connection& c, std::int64_t user_id,
                                       std::string_view code_hash, domain::Millis now) {
  c.prepare(
       "UPDATE totp_recovery_codes SET used_at = ?3 "
       "WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL")
      .bind(1, user_id)
      .bind(2, code_hash)
      .bind(3, now)
      .run();
  return c.changes() > 0;
}

std::int64_t TotpRepository::unused_recovery_codes(Connection& c, std::int64_t user_id) {
  auto q =
      c.prepare("SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ?1 AND used_at IS NULL");
  q.bind(1, user_id);
  q.step();
  return q.int64(0);
}

}  // namespace greenroom::store
