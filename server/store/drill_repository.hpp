#pragma once
// Drills: a coach's scenario for an executive, the personas the coach plays, the practice
// post written for it, and when it was completed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct PersonaRecord {
  std::int64_t id = 0;
  std::int64_t drill_id = 0;
  std::string name;
  std::string description;
};

struct DrillRecord {
  std::int64_t id = 0;
  std::int64_t executive_id = 0;
  AuthorRef executive;
  AuthorRef coach;
  std::string scenario;
  domain::Millis due_at = 0;
  std::optional<std::int64_t> post_id;
  domain::Millis created_at = 0;
  std::optional<domain::Millis> started_at;
  std::optional<domain::Millis> completed_at;
  std::vector<PersonaRecord> personas;
};

struct NewDrill {
  std::int64_t executive_id = 0;
  std::int64_t coach_id = 0;
  std::string scenario;
  domain::Millis due_at = 0;
  std::vector<std::pair<std::string, std::string>> personas;  // name, description
};

class DrillRepository {
 public:
  static std::int64_t insert(Connection& c, const NewDrill& d, domain::Millis now);
  static std::optional<DrillRecord> find(Connection& c, std::int64_t id);
  static std::optional<DrillRecord> find_by_post(Connection& c, std::int64_t post_id);
  // The executive's drills, newest first, keyset paged by id (`before` exclusive).
  static std::vector<DrillRecord> for_executive(Connection& c, std::int64_t executive_id,
                                                std::int64_t before, int limit);
  static std::optional<PersonaRecord> find_persona(Connection& c, std::int64_t persona_id);
  // Links the drill's post (once: false when the drill already has one).
  static bool attach_post(Connection& c, std::int64_t drill_id, std::int64_t post_id,
                          domain::Millis now);
  static void complete(Connection& c, std::int64_t drill_id, std::int64_t coach_id,
                       domain::Millis now);
  // How many of the executive's drills were completed in [from, to).
  static std::int64_t completed_between(Connection& c, std::int64_t executive_id,
                                        domain::Millis from, domain::Millis to);
};

}  // namespace greenroom::store
