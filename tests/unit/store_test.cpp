// The store on a temporary database: migrations, the group-commit writer, the read pool
// and the repositories.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "store/post_repository.hpp"
#include "store/read_pool.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"
#include "store/writer.hpp"
#include "temp_db.hpp"

namespace greenroom::store {
namespace {

using test::TempDb;

// The rows of `table` as a second connection (as the read pool) sees them.
std::int64_t committed_rows(const TempDb& db, const std::string& table) {
  Connection r(db.path(), Connection::Mode::read_only);
  auto q = r.prepare("SELECT COUNT(*) FROM " + table);
  q.step();
  return q.int64(0);
}

std::int64_t add_user(Connection& c, const std::string& name, domain::Role role,
                      std::optional<domain::Level> level = std::nullopt) {
  return UserRepository::insert(c, {name, name, role, level, "hash"}, 1000);
}

TEST(Migrations, ApplyFromEmptyThenNothingOnRerun) {
  TempDb db;  // already migrated once
  Connection c(db.path(), Connection::Mode::read_write);
  const int version = schema_version(c);
  EXPECT_EQ(version, bundled_migrations().back().version);
  EXPECT_EQ(migrate(c), 0);
  EXPECT_EQ(schema_version(c), version);
  auto q = c.prepare("SELECT COUNT(*) FROM schema_migrations");
  q.step();
  EXPECT_EQ(q.int64(0), static_cast<std::int64_t>(bundled_migrations().size()));
  auto mode = c.prepare("PRAGMA journal_mode");
  mode.step();
  EXPECT_EQ(mode.text(0), "wal");
}

TEST(Migrations, RefuseADatabaseFromTheFuture) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  c.exec("INSERT INTO schema_migrations VALUES(9999, 'future', 0)");
  EXPECT_THROW(migrate(c), StoreError);
}

TEST(Migrations, AMigrationNumberedBelowTheNewestIsStillApplied) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  auto later = bundled_migrations();
  later.push_back({9002, "9002_later", "CREATE TABLE later_table(x);"});
  EXPECT_EQ(migrate(c, later), 1);
  // A branch that merged afterwards brings 9001: it is applied, 9002 is not run again.
  auto merged = bundled_migrations();
  merged.push_back({9001, "9001_merged_late", "CREATE TABLE merged_table(x);"});
  merged.push_back(later.back());
  EXPECT_EQ(migrate(c, merged), 1);
  auto q =
      c.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('later_table', 'merged_table')");
  q.step();
  EXPECT_EQ(q.int64(0), 2);
  EXPECT_EQ(migrate(c, merged), 0);
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind) {
  TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  auto all = bundled_migrations();
  all.push_back({9000, "9000_broken", "CREATE TABLE half_done(x); THIS IS NOT SQL;"});
  EXPECT_THROW(migrate(c, all), StoreError);
  auto q = c.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'");
  q.step();
  EXPECT_EQ(q.int64(0), 0);
  EXPECT_EQ(schema_version(c), bundled_migrations().back().version);
}

TEST(Writer, GroupCommitsConcurrentWritesAndAcknowledgesEach) {
  TempDb db;
  Writer writer(db.path());
  std::int64_t author = 0;
  writer.run_sync([&](Connection& c) { author = add_user(c, "w", domain::Role::member); });
  constexpr int kJobs = 400;
  std::vector<std::promise<void>> done(kJobs);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = t; i < kJobs; i += 4)
        writer.submit(
            [author, i](Connection& c) {
              PostRepository::insert(c,
                                     {author, domain::Space::company, domain::PostState::published,
                                      "post " + std::to_string(i)},
                                     1000 + i);
            },
            [&done, i](std::exception_ptr e) {
              if (e)
                done[i].set_exception(e);
              else
                done[i].set_value();
            });
    });
  for (auto& t : threads) t.join();
  for (auto& d : done) d.get_future().get();
  const auto& stats = writer.stats();
  EXPECT_EQ(stats.jobs.load(), kJobs + 1u);
  EXPECT_LT(stats.batches.load(), stats.jobs.load()) << "no write was batched with another";
  EXPECT_EQ(committed_rows(db, "posts"), kJobs);
}

TEST(Writer, AFailingJobRollsBackAloneAndReportsItsError) {
  TempDb db;
  Writer writer(db.path());
  std::promise<void> good, bad;
  writer.submit([](Connection& c) { add_user(c, "first", domain::Role::member); },
                [&](std::exception_ptr e) { e ? good.set_exception(e) : good.set_value(); });
  writer.submit(
      [](Connection& c) {
        add_user(c, "second", domain::Role::member);
        add_user(c, "first", domain::Role::member);  // duplicate: fails the job
      },
      [&](std::exception_ptr e) { e ? bad.set_exception(e) : bad.set_value(); });
  EXPECT_NO_THROW(good.get_future().get());
  EXPECT_THROW(bad.get_future().get(), StoreError);
  Connection r(db.path(), Connection::Mode::read_only);
  EXPECT_TRUE(UserRepository::find_by_username(r, "first"));
  EXPECT_FALSE(UserRepository::find_by_username(r, "second")) << "the failed job was half-applied";
}

TEST(Writer, StopFinishesQueuedWritesAndAcknowledgesEach) {
  TempDb db;
  std::atomic<int> acknowledged{0};
  {
    Writer writer(db.path());
    for (int i = 0; i < 50; ++i)
      writer.submit(
          [i](Connection& c) { add_user(c, "u" + std::to_string(i), domain::Role::member); },
          [&acknowledged](std::exception_ptr e) {
            if (!e) acknowledged.fetch_add(1);
          });
    writer.stop();
    EXPECT_EQ(acknowledged.load(), 50) << "stop() returned before every write was acknowledged";
  }
  EXPECT_EQ(committed_rows(db, "users"), 50);
}

// Durability is pipelined (store/writer.hpp): a write is acknowledged only after an
// fdatasync of the log that began after its batch committed.
TEST(Writer, AcknowledgesEachWriteOnlyAfterALogSyncThatFollowedItsCommit) {
  TempDb db;
  Writer writer(db.path());
  constexpr int kJobs = 200;
  std::vector<std::uint64_t> syncs_in_job(kJobs), syncs_at_ack(kJobs);
  std::vector<std::promise<void>> done(kJobs);
  for (int i = 0; i < kJobs; ++i)
    writer.submit(
        [&, i](Connection& c) {
          add_user(c, "s" + std::to_string(i), domain::Role::member);
          syncs_in_job[i] = writer.stats().log_syncs.load(std::memory_order_acquire);
        },
        [&, i](std::exception_ptr e) {
          syncs_at_ack[i] = writer.stats().log_syncs.load(std::memory_order_acquire);
          e ? done[i].set_exception(e) : done[i].set_value();
        });
  for (auto& d : done) d.get_future().get();
  for (int i = 0; i < kJobs; ++i)
    EXPECT_GT(syncs_at_ack[i], syncs_in_job[i]) << "write " << i << " was acknowledged unsynced";
  EXPECT_LE(writer.stats().log_syncs.load(), writer.stats().batches.load())
      << "more log syncs than committed batches";
  // Readers see the committed rows (a second connection, as the read pool).
  EXPECT_EQ(committed_rows(db, "users"), kJobs);
}

// Polls `done` for up to five seconds (the writer thread works on its own time).
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

TEST(Writer, RunsTheIdleJobWhenQuietUntilItIsDoneAndAgainAfterWrites) {
  TempDb db;
  Writer writer(db.path());
  std::atomic<int> runs{0};
  std::atomic<int> left{3};  // the job has this many more steps to do
  std::atomic<bool> during_batch{false};
  writer.set_idle_job(
      [&](Connection& c) {
        ++runs;
        c.exec("CREATE TABLE IF NOT EXISTS upkeep(x)");
        c.exec("INSERT INTO upkeep VALUES (1)");  // its own transaction, committed
        return --left > 0;
      },
      std::chrono::milliseconds(5));
  // At start (there may be upkeep from before a restart): three steps, then it says done.
  ASSERT_TRUE(eventually([&] { return writer.stats().idle_runs.load() == 3; })) << runs.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(runs.load(), 3) << "done, and no write since: it does not run again";
  // A write makes it due again; the write itself is never held back by it.
  left = 1;
  writer.run_sync([&](Connection& c) {
    during_batch = runs.load() != 3;
    add_user(c, "after", domain::Role::member);
  });
  EXPECT_FALSE(during_batch.load());
  // Counted after its commit, so the table below holds what this run wrote.
  ASSERT_TRUE(eventually([&] { return writer.stats().idle_runs.load() == 4; })) << runs.load();
  EXPECT_EQ(runs.load(), 4);
  EXPECT_EQ(committed_rows(db, "upkeep"), 4);
}

TEST(Writer, AFailingIdleJobIsLeftUntilTheNextWrite) {
  TempDb db;
  Writer writer(db.path());
  std::atomic<int> runs{0};
  writer.set_idle_job(
      [&](Connection&) -> bool {
        ++runs;
        throw StoreError(SQLITE_BUSY, "busy");
      },
      std::chrono::milliseconds(5));
  ASSERT_TRUE(eventually([&] { return runs.load() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(runs.load(), 1) << "no tight loop on a failing job";
  writer.run_sync([&](Connection& c) { add_user(c, "next", domain::Role::member); });
  ASSERT_TRUE(eventually([&] { return runs.load() == 2; }));
  EXPECT_EQ(writer.stats().idle_runs.load(), 0u) << "a failed run is not counted";
}

TEST(ReadPool, ConnectionsAreReadOnlyAndReused) {
  TempDb db;
  ReadPool pool(db.path(), 2);
  {
    auto a = pool.acquire();
    EXPECT_THROW(a->exec("CREATE TABLE nope(x)"), StoreError);
  }
  sqlite3* first = nullptr;
  {
    auto a = pool.acquire();
    first = a->handle();
  }
  auto b = pool.acquire();
  EXPECT_EQ(b->handle(), first);
}

class Repositories : public ::testing::Test {
 protected:
  TempDb db;
  Connection c{db.path(), Connection::Mode::read_write};
};

TEST_F(Repositories, LikeAndReplyCountersAreStoredAndExact) {
  auto a = add_user(c, "a", domain::Role::member);
  auto b = add_user(c, "b", domain::Role::member);
  auto p =
      PostRepository::insert(c, {a, domain::Space::company, domain::PostState::published, "x"}, 1);
  EXPECT_EQ(PostRepository::like(c, p, b, 2), 1);
  EXPECT_EQ(PostRepository::like(c, p, b, 3), 1);
  EXPECT_EQ(PostRepository::like(c, p, a, 3), 2);
  EXPECT_EQ(PostRepository::unlike(c, p, b), 1);
  EXPECT_EQ(PostRepository::unlike(c, p, b), 1);
  PostRepository::add_reply(c, p, b, "hi", 4);
  PostRepository::add_reply(c, p, a, "hello", 5);
  auto post = PostRepository::find(c, p, a);
  ASSERT_TRUE(post);
  EXPECT_EQ(post->like_count, 1);
  EXPECT_EQ(post->reply_count, 2);
  EXPECT_TRUE(post->liked_by_me);
  auto replies = PostRepository::replies(c, p, 10);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].body, "hi");
  EXPECT_EQ(replies[0].author.username, "b");
}

TEST_F(Repositories, FeedIsKeysetPagedByPublicationTime) {
  auto a = add_user(c, "a", domain::Role::member);
  // Published out of id order: the feed follows published_at, ties broken by id.
  auto p1 = PostRepository::insert(
      c, {a, domain::Space::company, domain::PostState::published, "1"}, 300);
  auto p2 = PostRepository::insert(
      c, {a, domain::Space::company, domain::PostState::published, "2"}, 100);
  auto p3 = PostRepository::insert(
      c, {a, domain::Space::company, domain::PostState::published, "3"}, 300);
  PostRepository::insert(c, {a, domain::Space::company, domain::PostState::draft, "draft"}, 400);
  PostRepository::insert(c, {a, domain::Space::practice, domain::PostState::published, "practice"},
                         500);
  FeedQuery q;
  q.limit = 2;
  auto page1 = PostRepository::feed(c, q);
  ASSERT_EQ(page1.items.size(), 2u);
  EXPECT_EQ(page1.items[0].id, p3);
  EXPECT_EQ(page1.items[1].id, p1);
  ASSERT_TRUE(page1.next);
  q.before = page1.next;
  auto page2 = PostRepository::feed(c, q);
  ASSERT_EQ(page2.items.size(), 1u);
  EXPECT_EQ(page2.items[0].id, p2);
  EXPECT_FALSE(page2.next);
}

TEST_F(Repositories, FeedQueryUsesThePartialIndex) {
  auto plan = c.prepare(
      "EXPLAIN QUERY PLAN SELECT p.id FROM posts p WHERE p.space = 'company' AND "
      "p.state = 'published' AND (p.published_at, p.id) < (9, 9) "
      "ORDER BY p.published_at DESC, p.id DESC LIMIT 5");
  std::string all;
  while (plan.step()) all += plan.text(3) + "\n";
  EXPECT_NE(all.find("posts_feed"), std::string::npos) << all;
  EXPECT_EQ(all.find("TEMP B-TREE"), std::string::npos)
      << "the feed sorts rows instead of walking the index:\n"
      << all;
}

TEST_F(Repositories, QuestionsByVotesWalkTheIndexFromTheCursor) {
  // The blog page sorted by votes (and every page after it, keyset on (vote_count, id)).
  for (auto cursor : {"", "AND (q.vote_count, q.id) < (9, 9) "}) {
    auto plan = c.prepare(std::string("EXPLAIN QUERY PLAN SELECT q.id FROM questions q "
                                      "WHERE q.blog_id = 1 AND q.state <> 'removed' ") +
                          cursor + "ORDER BY q.vote_count DESC, q.id DESC LIMIT 20");
    std::string all;
    while (plan.step()) all += plan.text(3) + "\n";
    EXPECT_NE(all.find("questions_blog_votes"), std::string::npos) << all;
    EXPECT_EQ(all.find("TEMP B-TREE"), std::string::npos)
        << "the questions are sorted instead of read in index order:\n"
        << all;
  }
}

TEST_F(Repositories, RelationsFollowCoachAssignments) {
  auto coach = add_user(c, "coach", domain::Role::coach);
  auto e1 = add_user(c, "e1", domain::Role::executive, domain::Level::crawl);
  auto e2 = add_user(c, "e2", domain::Role::executive, domain::Level::walk);
  auto e3 = add_user(c, "e3", domain::Role::executive, domain::Level::run);
  UserRepository::assign_coach(c, coach, e1, 1);
  UserRepository::assign_coach(c, coach, e2, 1);
  auto relation = [&](std::int64_t a, std::int64_t b) {
    return domain::relation_between(a, b, UserRepository::assignments_around(c, a, b));
  };
  EXPECT_TRUE(relation(coach, e1).coaches_author);
  EXPECT_FALSE(relation(coach, e3).coaches_author);
  EXPECT_TRUE(relation(e2, e1).shares_coach);
  EXPECT_FALSE(relation(e3, e1).shares_coach);
  EXPECT_TRUE(relation(e1, coach).shares_coach);  // the coach's own posts
  // A disabled coach links nobody: the same in the rule and in the SQL fast paths.
  UserRepository::update(c, coach, "coach", domain::Role::coach, std::nullopt, true);
  EXPECT_FALSE(relation(coach, e1).coaches_author);
  EXPECT_FALSE(relation(e2, e1).shares_coach);
  EXPECT_TRUE(UserRepository::live_coaches_of(c, e1).empty());
  EXPECT_TRUE(UserRepository::executives_of(c, coach).empty());
  EXPECT_EQ(UserRepository::coaches_of(c, e1).size(), 1u);  // the stored row stays for admins
}

TEST_F(Repositories, SessionsExpireAndEndWithTheirUser) {
  auto a = add_user(c, "a", domain::Role::member);
  SessionRepository::insert(c, "hash-1", a, 100, 200);
  EXPECT_TRUE(SessionRepository::find(c, "hash-1", 150));
  EXPECT_FALSE(SessionRepository::find(c, "hash-1", 200));
  EXPECT_FALSE(SessionRepository::find(c, "other", 150));
  c.exec("UPDATE users SET disabled = 1");
  EXPECT_FALSE(SessionRepository::find(c, "hash-1", 150));
  EXPECT_EQ(SessionRepository::purge_expired(c, 300), 1);
}

TEST_F(Repositories, UsernamesAreUniqueIgnoringCase) {
  add_user(c, "Ava", domain::Role::member);
  EXPECT_THROW(add_user(c, "ava", domain::Role::member), StoreError);
  EXPECT_TRUE(UserRepository::find_by_username(c, "AVA"));
  // Roles and levels are checked by the schema too.
  EXPECT_THROW(c.exec("INSERT INTO users(username, display_name, role, password_hash, created_at) "
                      "VALUES('x','x','emperor','h',1)"),
               StoreError);
  EXPECT_THROW(c.exec("INSERT INTO users(username, display_name, role, password_hash, created_at) "
                      "VALUES('y','y','executive','h',1)"),
               StoreError);
}

}  // namespace
}  // namespace greenroom::store
