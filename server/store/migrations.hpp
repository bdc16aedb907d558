#pragma once
// Numbered schema migrations (schema/NNNN_*.sql, embedded at build time), applied in order
// inside one transaction each and recorded in schema_migrations.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace greenroom::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& bundled_migrations();

// Applies the migrations not yet recorded; returns how many were applied. Refuses a
// database whose recorded version is newer than the newest known migration.
int migrate(Connection& conn, const std::vector<Migration>& migrations = bundled_migrations());

// Highest applied version (0 for an empty database).
int schema_version(Connection& conn);

}  // namespace greenroom::store
