// The search index is written once per transaction from search_queue (schema/0021,
// store/search_queue.cpp): after every commit the index holds exactly the current texts, a
// rolled-back job leaves nothing behind, and the writer's batches no longer cost one FTS5
// segment per item.
#include <gtest/gtest.h>

#include <future>
#include <string>

#include "store/post_repository.hpp"
#include "store/search_queue.hpp"
#include "store/user_repository.hpp"
#include "store/writer.hpp"
#include "temp_db.hpp"

namespace greenroom::store {
namespace {

using test::TempDb;

std::int64_t count(Connection& c, const std::string& sql) {
  auto q = c.prepare(sql);
  q.step();
  return q.int64(0);
}

std::int64_t matches(Connection& c, const std::string& word) {
  auto q = c.prepare("SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?1");
  q.bind(1, word);
  q.step();
  return q.int64(0);
}

std::int64_t new_post(Connection& c, std::int64_t author, const std::string& body) {
  return PostRepository::insert(
      c, {author, domain::Space::company, domain::PostState::published, body}, 1000);
}

class SearchQueue : public ::testing::Test {
 protected:
  TempDb db;
  Writer writer{db.path()};
  std::int64_t author = 0;
  void SetUp() override {
    writer.run_sync([&](Connection& c) {
      author = UserRepository::insert(c, {"ana", "Ana", domain::Role::member, {}, "hash"}, 1);
    });
  }
  Connection reader() { return Connection(db.path(), Connection::Mode::read_only); }
};

TEST_F(SearchQueue, EveryCommitLeavesTheIndexCurrentAndTheQueueEmpty) {
  std::int64_t id = 0;
  writer.run_sync([&](Connection& c) { id = new_post(c, author, "quarterly zeppelin update"); });
  {
    auto r = reader();
    EXPECT_EQ(matches(r, "zeppelin"), 1);
    EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_queue"), 0);
    EXPECT_EQ(count(r, "SELECT item_id FROM search_index WHERE search_index MATCH 'zeppelin'"), id);
  }
  // An edit replaces the indexed text; the old words are gone.
  writer.run_sync([&](Connection& c) {
    c.prepare("UPDATE posts SET body = 'quarterly walrus update' WHERE id = ?1").bind(1, id).run();
  });
  {
    auto r = reader();
    EXPECT_EQ(matches(r, "zeppelin"), 0);
    EXPECT_EQ(matches(r, "walrus"), 1);
    EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_index"), 1);
  }
  // A delete removes the row.
  writer.run_sync(
      [&](Connection& c) { c.prepare("DELETE FROM posts WHERE id = ?1").bind(1, id).run(); });
  auto r = reader();
  EXPECT_EQ(matches(r, "walrus"), 0);
  EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_index"), 0);
  EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_queue"), 0);
}

TEST_F(SearchQueue, ChangesWithinOneTransactionCollapse) {
  // Insert, edit and delete in one job: nothing reaches the index; insert then edit: only the
  // last text does.
  std::int64_t kept = 0;
  writer.run_sync([&](Connection& c) {
    auto gone = new_post(c, author, "ephemeral narwhal");
    c.prepare("UPDATE posts SET body = 'ephemeral okapi' WHERE id = ?1").bind(1, gone).run();
    c.prepare("DELETE FROM posts WHERE id = ?1").bind(1, gone).run();
    kept = new_post(c, author, "draft pelican");
    c.prepare("UPDATE posts SET body = 'final pelican' WHERE id = ?1").bind(1, kept).run();
  });
  auto r = reader();
  EXPECT_EQ(matches(r, "narwhal OR okapi OR draft"), 0);
  EXPECT_EQ(matches(r, "final"), 1);
  EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_index"), 1);
}

TEST_F(SearchQueue, AFailedJobInABatchLeavesNoTraceInTheIndex) {
  std::promise<void> good, bad;
  writer.submit([&](Connection& c) { new_post(c, author, "committed heron"); },
                [&](std::exception_ptr e) { e ? good.set_exception(e) : good.set_value(); });
  writer.submit(
      [&](Connection& c) {
        new_post(c, author, "rolledback ibis");
        throw std::runtime_error("the job fails after its insert");
      },
      [&](std::exception_ptr e) { e ? bad.set_exception(e) : bad.set_value(); });
  EXPECT_NO_THROW(good.get_future().get());
  EXPECT_THROW(bad.get_future().get(), std::runtime_error);
  auto r = reader();
  EXPECT_EQ(matches(r, "heron"), 1);
  EXPECT_EQ(matches(r, "ibis"), 0);
  EXPECT_EQ(count(r, "SELECT COUNT(*) FROM search_queue"), 0);
}

TEST_F(SearchQueue, ABatchWritesOneIndexSegmentNotOnePerItem) {
  // FTS5 keeps one structure record listing its segments; before the queue, every job's
  // savepoint flushed a new segment. Stop automatic merging to count what a batch writes, and
  // the crisis merge too: FTS5 merges a level of 16 segments even with automerge off, which a
  // slow machine reaches when each of the 50 jobs lands in a batch of its own.
  writer.run_sync([](Connection& c) {
    c.exec("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0)");
    c.exec("INSERT INTO search_index(search_index, rank) VALUES ('crisismerge', 1000)");
  });
  const auto segments = [&] {
    auto r = reader();
    // %_data rows with ids above the structure/averages records are segment pages; the
    // distinct segment ids are in the top bits of the rowid (FTS5_SEGMENT_ROWID).
    return count(r, "SELECT COUNT(DISTINCT (id >> 37)) FROM search_index_data WHERE id >= 1 << 37");
  };
  const auto before = segments();
  const auto batches_before = writer.stats().batches.load();
  // Hold the writer in a first job (a batch of its own that writes no segment) until all 50
  // are queued, so they make one batch on any machine, however slow.
  std::promise<void> release, holding, held;
  std::shared_future<void> released = release.get_future().share();
  writer.submit(
      [released, &holding](Connection&) {
        holding.set_value();
        released.wait();
      },
      [&held](std::exception_ptr) { held.set_value(); });
  holding.get_future().get();
  std::vector<std::promise<void>> done(50);
  for (int i = 0; i < 50; ++i)
    writer.submit(
        [&, i](Connection& c) { new_post(c, author, "batched item " + std::to_string(i)); },
        [&done, i](std::exception_ptr e) { e ? done[i].set_exception(e) : done[i].set_value(); });
  release.set_value();
  held.get_future().get();
  for (auto& d : done) d.get_future().get();
  const auto written = segments() - before;
  EXPECT_EQ(writer.stats().batches.load() - batches_before, 2u)
      << "the holding job's batch, then one batch of the 50";
  EXPECT_EQ(written, 1) << "a batch of 50 jobs writes exactly one segment, not one per job";
}

TEST_F(SearchQueue, TheIdleMergeLeavesFewerSegmentsAndTheSameMatches) {
  const auto segments = [&] {
    auto r = reader();
    return count(r, "SELECT COUNT(DISTINCT (id >> 37)) FROM search_index_data WHERE id >= 1 << 37");
  };
  {
    auto r = reader();  // schema/0026: writes merge only at 16 segments a level
    EXPECT_EQ(count(r, "SELECT v FROM search_index_config WHERE k = 'automerge'"), 16);
    EXPECT_EQ(count(r, "SELECT v FROM search_index_config WHERE k = 'crisismerge'"), 64);
  }
  for (int i = 0; i < 40; ++i)  // one transaction, so one segment, each
    writer.run_sync(
        [&, i](Connection& c) { new_post(c, author, "merged okapi " + std::to_string(i)); });
  const auto before = segments();
  EXPECT_GE(before, 8);
  int steps = 0;
  bool more = true;
  while (more && steps < 1000) {
    writer.run_sync([&](Connection& c) { more = merge_search_index(c, 16); });
    ++steps;
  }
  EXPECT_FALSE(more) << "the merge finishes";
  EXPECT_GE(steps, 2);
  const auto after = segments();
  EXPECT_LT(after, before);
  EXPECT_LE(after, 4) << "at most usermerge - 1 (3) a level, and these fit in two levels";
  auto r = reader();
  EXPECT_EQ(matches(r, "okapi"), 40);
  EXPECT_EQ(matches(r, "merged AND 39"), 1);
  EXPECT_NO_THROW(writer.run_sync([](Connection& c) {
    c.exec("INSERT INTO search_index(search_index) VALUES ('integrity-check')");
  }));
}

}  // namespace
}  // namespace greenroom::store
