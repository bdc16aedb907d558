#include "store/session_repository.hpp"

namespace greenroom::store {

void SessionRepository::insert(Connection& c, std::string_view token_hash, std::int64_t user_id,
                               domain::Millis now, domain::Millis expires_at) {
  c.prepare(
       "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) "
       "VALUES(?1, ?2, ?3, ?4)")
      .bind_blob(1, token_hash)
      .bind(2, user_id)
      .bind(3, now)
      .bind(4, expires_at)
      .run();
}

std::optional<SessionRecord> SessionRepository::find(Connection& c, std::string_view token_hash,
                                                     domain::Millis now) {
  auto q = c.prepare(
      "SELECT u.id, u.username, u.display_name, u.role, u.training_level, u.created_at, "
      "s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0");
  q.bind_blob(1, token_hash).bind(2, now);
  if (!q.step()) return std::nullopt;
  SessionRecord s;
  s.user.id = q.int64(0);
  s.user.username = q.text(1);
  s.user.display_name = q.text(2);
  s.user.role = domain::parse_role(q.text(3)).value_or(domain::Role::member);
  if (auto lvl = q.text_or_null(4)) s.user.level = domain::parse_level(*lvl);
  s.user.created_at = q.int64(5);
  s.expires_at = q.int64(6);
  return s;
}

void SessionRepository::remove(Connection& c, std::string_view token_hash) {
  c.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind_blob(1, token_hash).run();
}

int SessionRepository::purge_expired(Connection& c, domain::Millis now) {
  c.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(1, now).run();
  return c.changes();
}

}  // namespace greenroom::store
