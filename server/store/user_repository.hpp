#pragma once
#include <optional>
#include <string_view>
#include <vector>

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
  // Throws StoreError (constraint) when the username is taken.
  static std::int64_t insert(Connection& c, const NewUser& u, domain::Millis now);
  static void assign_coach(Connection& c, std::int64_t coach_id, std::int64_t executive_id,
                           domain::Millis now);
  // How `actor_id` relates to `author_id` (coach of, same cohort).
  static domain::Relation relation(Connection& c, std::int64_t actor_id, std::int64_t author_id);
};

}  // namespace greenroom::store
