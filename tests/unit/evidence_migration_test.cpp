// Migration 0019 rebuilds the goals table (metrics are checked by the server, so later ones
// need no rebuild): every goal is kept with its id, and a notice about a goal keeps its link
// (dropping the old table would otherwise have deleted it through ON DELETE CASCADE).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/database.hpp"
#include "store/migrations.hpp"

namespace greenroom::test {
namespace {

TEST(EvidenceMigration, GoalsAreRebuiltAndGoalNoticesKeepTheirLink) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("greenroom-unit-0019-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    store::Connection c((dir / "m.db").string(), store::Connection::Mode::read_write);
    std::vector<store::Migration> before;
    for (const auto& m : store::bundled_migrations())
      if (m.version < 19) before.push_back(m);
    store::migrate(c, before);
    c.exec(
        "INSERT INTO users(id, username, display_name, role, training_level, password_hash, "
        "created_at) VALUES (1, 'c', 'C', 'coach', NULL, 'x', 0), "
        "(2, 'e', 'E', 'executive', 'crawl', 'x', 0);"
        "INSERT INTO goals(id, executive_id, coach_id, title, metric, target, term, created_at, "
        "due_at) VALUES (7, 2, 1, 'Reply more', 'replies', 3, 'short', 0, 1000);"
        "INSERT INTO notifications(id, user_id, kind, message, goal_id, created_at) VALUES "
        "(5, 2, 'goal_due_soon', 'due soon', 7, 0), (6, 2, 'verdict_given', 'other', NULL, 0);");
    store::migrate(c);  // 0019 and whatever comes after
    auto q = c.prepare("SELECT title, metric FROM goals WHERE id = 7");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.text(0), "Reply more");
    auto n = c.prepare("SELECT id, goal_id FROM notifications ORDER BY id");
    ASSERT_TRUE(n.step());
    EXPECT_EQ(n.int64(0), 5);
    EXPECT_EQ(n.int64_or_null(1), 7);
    ASSERT_TRUE(n.step());
    EXPECT_FALSE(n.int64_or_null(1).has_value());
    EXPECT_FALSE(n.step());
    // New metrics fit the table; anything but a short snake_case word does not.
    c.exec(
        "INSERT INTO goals(executive_id, coach_id, title, metric, target, term, created_at, "
        "due_at) VALUES (2, 1, 'Quick', 'replies_within_24h', 2, 'short', 0, 1000)");
    EXPECT_THROW(c.exec("INSERT INTO goals(executive_id, coach_id, title, metric, target, term, "
                        "created_at, due_at) VALUES (2, 1, 'Bad', 'Bad Metric', 2, 'short', 0, 1)"),
                 store::StoreError);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace greenroom::test
