#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "domain/permissions.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct NewUser {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::member;
  std::optional<domain::Level> level;
  std::string password_hash;
};

class UserRepository {
 public:
  static std::optional<UserRecord> find_by_username(Connection& c, std::string_view username);
  static std::optional<UserRecord> find_by_id(Connection& c, std::int64_t id);
  // Whether user `id` has the executive role (the people coaching data is kept for).
  static bool is_executive(Connection& c, std::int64_t id);
  // Id, username and display name, as shown beside what the user wrote.
  static AuthorRef author_ref(Connection& c, std::int64_t id);
  // Throws StoreError (constraint) when the username is taken.
  static std::int64_t insert(Connection& c, const NewUser& u, domain::Millis now);
  static void assign_coach(Connection& c, std::int64_t coach_id, std::int64_t executive_id,
                           domain::Millis now);
  static void unassign_coach(Connection& c, std::int64_t coach_id, std::int64_t executive_id);
  // Every stored assignment (what an admin manages).
  static std::vector<std::int64_t> coaches_of(Connection& c, std::int64_t executive_id);
  // The coaches and executives linked by assignments that count (store/live_assignments.hpp).
  static std::vector<std::int64_t> live_coaches_of(Connection& c, std::int64_t executive_id);
  static std::vector<UserRecord> executives_of(Connection& c, std::int64_t coach_id);
  static std::vector<UserRecord> all(Connection& c);
  // Ids of the enabled users with this role, in id order.
  static std::vector<std::int64_t> active_ids_with_role(Connection& c, domain::Role role);
  static void set_level(Connection& c, std::int64_t id, domain::Level level);
  // Role changes keep the schema rule: executives have a level, others none.
  static void update(Connection& c, std::int64_t id, const std::string& display_name,
                     domain::Role role, std::optional<domain::Level> level, bool disabled);
  static void end_sessions(Connection& c, std::int64_t id);
  static void set_password_hash(Connection& c, std::int64_t id, const std::string& hash);
  static void remove_assignments(Connection& c, std::int64_t id);
  // Every assignment that could link `a` and `b` (theirs, and their coaches' other
  // executives), with the facts domain::relation_between needs.
  static std::vector<domain::AssignmentFacts> assignments_around(Connection& c, std::int64_t a,
                                                                 std::int64_t b);
};

}  // namespace greenroom::store
