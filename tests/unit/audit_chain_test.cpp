// The audit chain on a temporary database: entries chain, a rolled-back entry never becomes
// the head, another connection's entries are picked up, legacy rows are adopted by the
// migration, and verify() names the first broken entry.
#include <gtest/gtest.h>

#include "store/audit.hpp"
#include "store/migrations.hpp"
#include "store/writer.hpp"
#include "temp_db.hpp"

namespace greenroom::test {
namespace {

using store::Connection;
namespace audit = store::audit;

audit::Entry entry(std::string action, std::int64_t target = 1) {
  audit::Entry e;
  e.action = std::move(action);
  e.target_type = "post";
  e.target_id = target;
  e.client = "127.0.0.1";
  return e;
}

TEST(AuditChain, EntriesChainAndVerify) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  const auto a = audit::record(c, entry("first"));
  const auto b = audit::record(c, entry("second"));
  EXPECT_EQ(b, a + 1);
  audit::Filter f;
  auto rows = audit::list(c, f);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].prev_hash, rows[1].hash);
  EXPECT_EQ(rows[1].prev_hash, std::string(64, '0'));
  EXPECT_TRUE(audit::verify(c).ok);
  EXPECT_EQ(audit::verify(c).checked, 2);
}

TEST(AuditChain, ARolledBackEntryNeverBecomesTheHead) {
  TempDb db;
  store::Writer w(db.path());
  w.run_sync([](Connection& c) { audit::record(c, entry("kept")); });
  EXPECT_THROW(w.run_sync([](Connection& c) {
    audit::record(c, entry("rolled back"));
    throw std::runtime_error("the job fails after writing its entry");
  }),
               std::runtime_error);
  w.run_sync([](Connection& c) { audit::record(c, entry("after")); });
  w.stop();
  Connection c(db.path(), Connection::Mode::read_only);
  auto r = audit::verify(c);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.checked, 2);
}

TEST(AuditChain, EntriesFromAnotherConnectionAreFollowed) {
  TempDb db;
  Connection server(db.path(), Connection::Mode::read_write);
  Connection cli(db.path(), Connection::Mode::read_write);
  audit::record(server, entry("server 1"));
  audit::record(cli, entry("cli"));  // e.g. a command run next to the server
  audit::record(server, entry("server 2"));
  auto r = audit::verify(server);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.checked, 3);
}

TEST(AuditChain, TriggersRefuseChangesAndVerifyNamesTheBrokenEntry) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  for (int i = 1; i <= 5; ++i) audit::record(c, entry("step", i));
  EXPECT_THROW(c.exec("UPDATE audit_log SET action = 'x' WHERE id = 3"), store::StoreError);
  EXPECT_THROW(c.exec("DELETE FROM audit_log WHERE id = 3"), store::StoreError);
  c.exec("DROP TRIGGER audit_log_no_update");
  c.exec("UPDATE audit_log SET reason = 'edited' WHERE id = 3");
  auto r = audit::verify(c);
  EXPECT_FALSE(r.ok);
  ASSERT_TRUE(r.broken_id);
  EXPECT_EQ(*r.broken_id, 3);
  EXPECT_NE(r.problem.find("content"), std::string::npos);
}

TEST(AuditChain, TheMigrationAdoptsEntriesWrittenBeforeTheChain) {
  // Rebuild the state before 0007: apply migrations up to 0002, add old-style rows, migrate.
  auto before_chain = store::bundled_migrations();
  std::erase_if(before_chain, [](const store::Migration& m) { return m.version >= 7; });
  TempDb fresh_dir;  // a second, empty directory for the old-shape database
  const auto path = fresh_dir.dir() + "/old.db";
  Connection old(path, Connection::Mode::read_write);
  store::migrate(old, before_chain);
  old.exec(
      "INSERT INTO users(id, username, display_name, role, password_hash, created_at) "
      "VALUES(1, 'ada', 'Ada', 'admin', 'x', 0)");
  old.exec(
      "INSERT INTO audit_log(at, actor_id, action, target_type, target_id, detail) VALUES "
      "(10, 1, 'login', 'user', 1, '{\"ip\":\"10.0.0.1\"}'), "
      "(20, NULL, 'login_failed', 'user', NULL, '{}'), (30, 1, 'policy_updated', NULL, 2, '{}')");
  store::migrate(old);
  auto r = audit::verify(old);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.checked, 3);
  auto rows = audit::list(old, audit::Filter{});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].action, "policy_updated");
  EXPECT_EQ(rows[0].target_type, "");
  EXPECT_EQ(rows[2].detail, "{\"ip\":\"10.0.0.1\"}");
  // New entries continue the adopted chain.
  audit::record(old, entry("after migration"));
  EXPECT_TRUE(audit::verify(old).ok);
  EXPECT_EQ(audit::verify(old).checked, 4);
}

// Filtered audit pages walk an index newest first instead of scanning the whole trail.
TEST(AuditChain, FilteredListingsUseAnIndex) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  auto plan_of = [&](const audit::Filter& f) {
    auto q = c.prepare("EXPLAIN QUERY PLAN " + audit::list_sql(f));
    std::string plan;
    while (q.step()) plan += q.text(3) + "\n";
    return plan;
  };
  audit::Filter by_actor;
  by_actor.actor_id = 7;
  EXPECT_NE(plan_of(by_actor).find("INDEX audit_log_actor"), std::string::npos)
      << plan_of(by_actor);
  audit::Filter by_action;
  by_action.action = "post_created";
  EXPECT_NE(plan_of(by_action).find("INDEX audit_log_action"), std::string::npos)
      << plan_of(by_action);
  audit::Filter by_target;
  by_target.target_type = "post";
  by_target.target_id = 3;
  EXPECT_NE(plan_of(by_target).find("INDEX audit_log_target"), std::string::npos)
      << plan_of(by_target);
  for (const auto* f : {&by_actor, &by_action, &by_target})
    EXPECT_EQ(plan_of(*f).find("USE TEMP B-TREE"), std::string::npos) << plan_of(*f);
}

}  // namespace
}  // namespace greenroom::test
