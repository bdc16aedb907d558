#include "store/migrations.hpp"

#include <algorithm>
#include <chrono>

#include "store/audit.hpp"

namespace greenroom::store {

namespace {
// Steps a migration needs beyond SQL (run right after its SQL, in the same transaction).
void after_sql(Connection& conn, int version) {
  if (version == 7) audit::adopt_legacy_audit_log(conn);
}
}  // namespace

int schema_version(Connection& conn) {
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  auto q = conn.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.step();
  return static_cast<int>(q.int64(0));
}

int migrate(Connection& conn, const std::vector<Migration>& migrations) {
  int current = schema_version(conn);
  int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest)
    throw StoreError(SQLITE_ERROR, "database schema version " + std::to_string(current) +
                                       " is newer than this build knows (" +
                                       std::to_string(newest) + ")");
  // Every migration not yet recorded is applied, in number order, also one numbered below the
  // newest recorded (two branches each adding a migration can land in either order).
  std::vector<int> done;
  {
    auto q = conn.prepare("SELECT version FROM schema_migrations");
    while (q.step()) done.push_back(static_cast<int>(q.int64(0)));
  }
  int applied = 0;
  for (const auto& m : migrations) {
    if (std::find(done.begin(), done.end(), m.version) != done.end()) continue;
    Transaction tx(conn);
    conn.exec(m.sql);
    after_sql(conn, m.version);
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    conn.prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES(?1, ?2, ?3)")
        .bind(1, m.version)
        .bind(2, m.name)
        .bind(3, static_cast<std::int64_t>(now))
        .run();
    tx.commit();
    ++applied;
  }
  // A write committed outside store::Transaction (an autocommit statement) leaves its search
  // changes queued; every start indexes them (Transaction::commit flushes the queue).
  Transaction flush(conn);
  flush.commit();
  return applied;
}

}  // namespace greenroom::store
