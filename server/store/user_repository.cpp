#include "store/user_repository.hpp"

#include "store/live_assignments.hpp"

namespace greenroom::store {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, username, display_name, role, training_level, password_hash, disabled, "
    "created_at FROM users ";

UserRecord read_user(const Statement& q) {
  UserRecord u;
  u.id = q.int64(0);
  u.username = q.text(1);
  u.display_name = q.text(2);
  u.role = domain::parse_role(q.text(3)).value_or(domain::Role::member);
  if (auto lvl = q.text_or_null(4)) u.level = domain::parse_level(*lvl);
  u.password_hash = q.text(5);
  u.disabled = q.int64(6) != 0;
  u.created_at = q.int64(7);
  return u;
}

}  // namespace

std::optional<UserRecord> UserRepository::find_by_username(Connection& c,
                                                           std::string_view username) {
  static const std::string sql = std::string(kUserColumns) + "WHERE username = ?1";
  auto q = c.prepare(sql);
  q.bind(1, username);
  if (!q.step()) return std::nullopt;
  return read_user(q);
}

std::optional<UserRecord> UserRepository::find_by_id(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kUserColumns) + "WHERE id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_user(q);
}

bool UserRepository::is_executive(Connection& c, std::int64_t id) {
  auto q = c.prepare("SELECT 1 FROM users WHERE id = ?1 AND role = 'executive'");
  q.bind(1, id);
  return q.step();
}

AuthorRef UserRepository::author_ref(Connection& c, std::int64_t id) {
  auto q = c.prepare("SELECT username, display_name FROM users WHERE id = ?1");
  q.bind(1, id);
  if (!q.step()) return {id, "", ""};
  return {id, q.text(0), q.text(1)};
}

std::int64_t UserRepository::insert(Connection& c, const NewUser& u, domain::Millis now) {
  auto q = c.prepare(
      "INSERT INTO users(username, display_name, role, training_level, password_hash, "
      "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  q.bind(1, u.username).bind(2, u.display_name).bind(3, domain::to_string(u.role));
  if (u.level)
    q.bind(4, domain::to_string(*u.level));
  else
    q.bind_null(4);
  q.bind(5, u.password_hash).bind(6, now).run();
  return c.last_insert_id();
}

void UserRepository::assign_coach(Connection& c, std::int64_t coach_id, std::int64_t executive_id,
                                  domain::Millis now) {
  c.prepare(
       "INSERT OR IGNORE INTO coach_assignments(coach_id, executive_id, created_at) "
       "VALUES(?1, ?2, ?3)")
      .bind(1, coach_id)
      .bind(2, executive_id)
      .bind(3, now)
      .run();
}

void UserRepository::unassign_coach(Connection& c, std::int64_t coach_id,
                                    std::int64_t executive_id) {
  c.prepare("DELETE FROM coach_assignments WHERE coach_id = ?1 AND executive_id = ?2")
      .bind(1, coach_id)
      .bind(2, executive_id)
      .run();
}

std::vector<std::int64_t> UserRepository::coaches_of(Connection& c, std::int64_t executive_id) {
  auto q =
      c.prepare("SELECT coach_id FROM coach_assignments WHERE executive_id = ?1 ORDER BY coach_id");
  q.bind(1, executive_id);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

std::vector<std::int64_t> UserRepository::live_coaches_of(Connection& c,
                                                          std::int64_t executive_id) {
  static const std::string sql =
      with_live_assignments("SELECT coach_id FROM live WHERE executive_id = ?1 ORDER BY coach_id");
  auto q = c.prepare(sql);
  q.bind(1, executive_id);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

std::vector<UserRecord> UserRepository::executives_of(Connection& c, std::int64_t coach_id) {
  static const std::string sql =
      with_live_assignments(std::string(kUserColumns) +
                            "WHERE id IN (SELECT executive_id FROM live WHERE coach_id = ?1) "
                            "ORDER BY display_name");
  auto q = c.prepare(sql);
  q.bind(1, coach_id);
  std::vector<UserRecord> out;
  while (q.step()) out.push_back(read_user(q));
  return out;
}

std::vector<std::int64_t> UserRepository::active_ids_with_role(Connection& c, domain::Role role) {
  auto q = c.prepare("SELECT id FROM users WHERE role = ?1 AND disabled = 0 ORDER BY id");
  q.bind(1, domain::to_string(role));
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

std::vector<UserRecord> UserRepository::all(Connection& c) {
  static const std::string sql = std::string(kUserColumns) + "ORDER BY username";
  auto q = c.prepare(sql);
  std::vector<UserRecord> out;
  while (q.step()) out.push_back(read_user(q));
  return out;
}

void UserRepository::set_level(Connection& c, std::int64_t id, domain::Level level) {
  c.prepare("UPDATE users SET training_level = ?2 WHERE id = ?1 AND role = 'executive'")
      .bind(1, id)
      .bind(2, domain::to_string(level))
      .run();
}

void UserRepository::update(Connection& c, std::int64_t id, const std::string& display_name,
                            domain::Role role, std::optional<domain::Level> level, bool disabled) {
  auto q = c.prepare(
      "UPDATE users SET display_name = ?2, role = ?3, training_level = ?4, disabled = ?5 "
      "WHERE id = ?1");
  q.bind(1, id).bind(2, display_name).bind(3, domain::to_string(role));
  if (level)
    q.bind(4, domain::to_string(*level));
  else
    q.bind_null(4);
  q.bind(5, disabled ? 1 : 0).run();
}

void UserRepository::remove_assignments(Connection& c, std::int64_t id) {
  c.prepare("DELETE FROM coach_assignments WHERE coach_id = ?1 OR executive_id = ?1")
      .bind(1, id)
      .run();
}

void UserRepository::set_password_hash(Connection& c, std::int64_t id, const std::string& hash) {
  c.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1").bind(1, id).bind(2, hash).run();
}

void UserRepository::end_sessions(Connection& c, std::int64_t id) {
  c.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(1, id).run();
}

std::vector<domain::AssignmentFacts> UserRepository::assignments_around(Connection& c,
                                                                        std::int64_t a,
                                                                        std::int64_t b) {
  auto q = c.prepare(
      "SELECT x.coach_id, x.executive_id, lc.role, lc.disabled, le.role, le.disabled "
      "FROM coach_assignments x JOIN users lc ON lc.id = x.coach_id "
      "JOIN users le ON le.id = x.executive_id "
      "WHERE x.coach_id IN (?1, ?2) OR x.executive_id IN (?1, ?2) "
      " OR x.coach_id IN (SELECT coach_id FROM coach_assignments WHERE executive_id IN (?1, ?2))");
  q.bind(1, a).bind(2, b);
  std::vector<domain::AssignmentFacts> out;
  while (q.step()) {
    domain::AssignmentFacts f;
    f.coach_id = q.int64(0);
    f.executive_id = q.int64(1);
    f.coach_role = domain::parse_role(q.text(2)).value_or(domain::Role::member);
    f.coach_disabled = q.int64(3) != 0;
    f.executive_role = domain::parse_role(q.text(4)).value_or(domain::Role::member);
    f.executive_disabled = q.int64(5) != 0;
    out.push_back(f);
  }
  return out;
}

}  // namespace greenroom::store
