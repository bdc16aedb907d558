// Micro-benchmark of the writer's CPU per created post (fsync left out: synchronous=OFF):
// batches of 32 jobs, each in its own savepoint as store::Writer runs them, each inserting a
// post and its audit entry. "queued" is the schema as shipped (search changes queued, moved
// into FTS5 once per commit, schema/0021); "per_job" writes search_index inside each job's
// savepoint, as the triggers of schema/0014 did, which made FTS5 flush a segment per post.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace {

namespace store = greenroom::store;
namespace domain = greenroom::domain;

void CreateBatchOf32(benchmark::State& state) {
  const bool per_job = state.range(0) == 1;
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("greenroom-bench-" + std::to_string(::getpid()) + "-" + std::to_string(state.range(0)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    store::Connection c((dir / "b.db").string(), store::Connection::Mode::read_write);
    store::migrate(c);
    c.exec("PRAGMA synchronous=OFF");
    if (per_job) c.exec("DROP TRIGGER posts_search_insert");
    std::int64_t author = 0;
    {
      store::Transaction tx(c);
      author =
          store::UserRepository::insert(c, {"bench", "Bench", domain::Role::member, {}, "hash"}, 1);
      tx.commit();
    }
    std::int64_t n = 0;
    for (auto _ : state) {
      store::Transaction tx(c);
      for (int i = 0; i < 32; ++i) {
        store::Savepoint sp(c);
        const std::string body = "Benchmark post number " + std::to_string(++n) +
                                 " on customer satisfaction, hiring and our goals";
        const auto id = store::PostRepository::insert(
            c, {author, domain::Space::company, domain::PostState::published, body}, 1000 + n);
        if (per_job)
          c.prepare(
               "INSERT INTO search_index(rowid, body, kind, item_id) VALUES(?1, ?2, 'post', ?3)")
              .bind(1, id * 16)
              .bind(2, body)
              .bind(3, id)
              .run();
        store::audit::Entry e;
        e.actor_id = author;
        e.action = "post_created";
        e.target_type = "post";
        e.target_id = id;
        e.client = "127.0.0.1";
        store::audit::record(c, e);
        sp.release();
      }
      tx.commit();
    }
    state.SetItemsProcessed(state.iterations() * 32);
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(CreateBatchOf32)->Arg(0)->Arg(1)->ArgName("per_job")->Unit(benchmark::kMicrosecond);

}  // namespace
