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
      "s.expires_at, s.public_id, s.last_seen_at, s.auth_at, "
      "COALESCE(t.enabled, 0) FROM sessions s JOIN users u ON u.id = s.user_id "
      "LEFT JOIN user_totp t ON t.user_id = u.id "
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
  s.public_id = q.text_or_null(7).value_or("");
  s.last_seen_at = q.int64(8);
  s.auth_at = q.int64(9);
  s.totp_enabled = q.int64(10) != 0;
  return s;
}

void SessionRepository::remove(Connection& c, std::string_view token_hash) {
  c.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind_blob(1, token_hash).run();
}

void SessionRepository::describe(Connection& c, std::string_view token_hash,
                                 std::string_view public_id, std::string_view user_agent,
                                 std::string_view client_ip, domain::Millis now) {
  c.prepare(
       "UPDATE sessions SET public_id = ?2, user_agent = ?3, client_ip = ?4, last_seen_at = ?5, "
       "auth_at = ?5 WHERE token_hash = ?1")
      .bind_blob(1, token_hash)
      .bind(2, public_id)
      .bind(3, user_agent)
      .bind(4, client_ip)
      .bind(5, now)
      .run();
}

std::vector<SessionSummary> SessionRepository::list_for_user(Connection& c, std::int64_t user_id,
                                                             domain::Millis now) {
  auto q = c.prepare(
      "SELECT public_id, user_agent, client_ip, created_at, last_seen_at FROM sessions "
      "WHERE user_id = ?1 AND expires_at > ?2 AND public_id IS NOT NULL "
      "ORDER BY last_seen_at DESC, created_at DESC");
  q.bind(1, user_id).bind(2, now);
  std::vector<SessionSummary> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.int64(3), q.int64(4)});
  return out;
}

bool SessionRepository::remove_by_public_id(Connection& c, std::int64_t user_id,
                                            std::string_view public_id) {
  c.prepare("DELETE FROM sessions WHERE user_id = ?1 AND public_id = ?2")
      .bind(1, user_id)
      .bind(2, public_id)
      .run();
  return c.changes() > 0;
}

int SessionRepository::remove_others(Connection& c, std::int64_t user_id,
                                     std::string_view keep_token_hash) {
  c.prepare("DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2")
      .bind(1, user_id)
      .bind_blob(2, keep_token_hash)
      .run();
  return c.changes();
}

void SessionRepository::touch(Connection& c, std::string_view token_hash,
                              std::string_view client_ip, domain::Millis now,
                              domain::Millis min_gap) {
  c.prepare(
       "UPDATE sessions SET last_seen_at = ?2, client_ip = ?3 "
       "WHERE token_hash = ?1 AND last_seen_at <= ?2 - ?4")
      .bind_blob(1, token_hash)
      .bind(2, now)
      .bind(3, client_ip)
      .bind(4, min_gap)
      .run();
}

void SessionRepository::set_auth_at(Connection& c, std::string_view token_hash,
                                    domain::Millis now) {
  c.prepare("UPDATE sessions SET auth_at = ?2 WHERE token_hash = ?1")
      .bind_blob(1, token_hash)
      .bind(2, now)
      .run();
}

int SessionRepository::purge_expired(Connection& c, domain::Millis now) {
  c.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(1, now).run();
  return c.changes();
}

}  // namespace greenroom::store
