#include "store/drill_repository.hpp"

#include <string>

namespace greenroom::store {
namespace {

constexpr std::string_view kDrillSelect =
    "SELECT d.id, d.executive_id, e.username, e.display_name, d.coach_id, c.username, "
    "c.display_name, d.scenario, d.due_at, d.post_id, d.created_at, d.started_at, "
    "d.completed_at FROM drills d JOIN users e ON e.id = d.executive_id "
    "JOIN users c ON c.id = d.coach_id ";

DrillRecord read_drill(const Statement& q) {
  DrillRecord d;
  d.id = q.int64(0);
  d.executive_id = q.int64(1);
  d.executive = {q.int64(1), q.text(2), q.text(3)};
  d.coach = {q.int64(4), q.text(5), q.text(6)};
  d.scenario = q.text(7);
  d.due_at = q.int64(8);
  d.post_id = q.int64_or_null(9);
  d.created_at = q.int64(10);
  d.started_at = q.int64_or_null(11);
  d.completed_at = q.int64_or_null(12);
  return d;
}

void load_personas(Connection& c, DrillRecord& d) {
  auto q = c.prepare(
      "SELECT id, drill_id, name, description FROM drill_personas WHERE drill_id = ?1 "
      "ORDER BY id");
  q.bind(1, d.id);
  while (q.step()) d.personas.push_back({q.int64(0), q.int64(1), q.text(2), q.text(3)});
}

std::optional<DrillRecord> one(Connection& c, const std::string& sql, std::int64_t key) {
  auto q = c.prepare(sql);
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  auto d = read_drill(q);
  load_personas(c, d);
  return d;
}

}  // namespace

std::int64_t DrillRepository::insert(Connection& c, const NewDrill& d, domain::Millis now) {
  c.prepare(
       "INSERT INTO drills(executive_id, coach_id, scenario, due_at, created_at) "
       "VALUES(?1, ?2, ?3, ?4, ?5)")
      .bind(1, d.executive_id)
      .bind(2, d.coach_id)
      .bind(3, d.scenario)
      .bind(4, d.due_at)
      .bind(5, now)
      .run();
  const auto id = c.last_insert_id();
  for (const auto& [name, description] : d.personas)
    c.prepare("INSERT INTO drill_personas(drill_id, name, description) VALUES(?1, ?2, ?3)")
        .bind(1, id)
        .bind(2, name)
        .bind(3, description)
        .run();
  return id;
}

std::optional<DrillRecord> DrillRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kDrillSelect) + "WHERE d.id = ?1";
  return one(c, sql, id);
}

std::optional<DrillRecord> DrillRepository::find_by_post(Connection& c, std::int64_t post_id) {
  static const std::string sql = std::string(kDrillSelect) + "WHERE d.post_id = ?1";
  return one(c, sql, post_id);
}

std::vector<DrillRecord> DrillRepository::for_executive(Connection& c, std::int64_t executive_id,
                                                        std::int64_t before, int limit) {
  static const std::string sql =
      std::string(kDrillSelect) +
      "WHERE d.executive_id = ?1 AND d.id < ?2 ORDER BY d.id DESC LIMIT ?3";
  auto q = c.prepare(sql);
  q.bind(1, executive_id).bind(2, before).bind(3, limit);
  std::vector<DrillRecord> out;
  while (q.step()) out.push_back(read_drill(q));
  for (auto& d : out) load_personas(c, d);
  return out;
}

std::optional<PersonaRecord> DrillRepository::find_persona(Connection& c, std::int64_t persona_id) {
  auto q = c.prepare("SELECT id, drill_id, name, description FROM drill_personas WHERE id = ?1");
  q.bind(1, persona_id);
  if (!q.step()) return std::nullopt;
  return PersonaRecord{q.int64(0), q.int64(1), q.text(2), q.text(3)};
}

bool DrillRepository::attach_post(Connection& c, std::int64_t drill_id, std::int64_t post_id,
                                  domain::Millis now) {
  c.prepare("UPDATE drills SET post_id = ?2, started_at = ?3 WHERE id = ?1 AND post_id IS NULL")
      .bind(1, drill_id)
      .bind(2, post_id)
      .bind(3, now)
      .run();
  return c.changes() > 0;
}

void DrillRepository::complete(Connection& c, std::int64_t drill_id, std::int64_t coach_id,
                               domain::Millis now) {
  c.prepare("UPDATE drills SET completed_at = ?2, completed_by = ?3 WHERE id = ?1")
      .bind(1, drill_id)
      .bind(2, now)
      .bind(3, coach_id)
      .run();
}

std::int64_t DrillRepository::completed_between(Connection& c, std::int64_t executive_id,
                                                domain::Millis from, domain::Millis to) {
  auto q = c.prepare(
      "SELECT COUNT(*) FROM drills WHERE executive_id = ?1 AND completed_at >= ?2 "
      "AND completed_at < ?3");
  q.bind(1, executive_id).bind(2, from).bind(3, to);
  q.step();
  return q.int64(0);
}

}  // namespace greenroom::store
