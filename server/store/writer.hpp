#pragma once
// The single writer: one connection on its own thread. Queued jobs are batched into one
// transaction (group commit) and each job is acknowledged only after that transaction is
// durable. A job that throws is rolled back to its own savepoint and fails alone; the rest
// of the batch still commits.
//
// Durability is pipelined: the connection commits with synchronous=NORMAL (in WAL mode a
// commit then writes the log without waiting for the disk; checkpoints still sync), and a
// second thread (gr-sync) calls fdatasync on the write-ahead log and only then acknowledges
// the jobs of every batch committed before that call began. The writer meanwhile runs the
// next batch instead of waiting for the disk. An acknowledged write is on disk exactly as
// with synchronous=FULL; a committed batch may be read by others a few milliseconds before
// it is acknowledged (and before it is on disk).
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.hpp"

namespace greenroom::store {

struct WriterStats {
  // Batch-size histogram buckets (upper bounds), last bucket is +Inf.
  static constexpr std::array<int, 8> bounds{1, 2, 4, 8, 16, 32, 64, 128};
  std::array<std::atomic<std::uint64_t>, bounds.size() + 1> buckets{};
  std::atomic<std::uint64_t> batches{0};
  std::atomic<std::uint64_t> jobs{0};
  std::atomic<std::uint64_t> failed_jobs{0};
  // fdatasync calls on the write-ahead log that returned (each acknowledges every batch
  // committed before it began).
  std::atomic<std::uint64_t> log_syncs{0};
  // Runs of the idle job that committed (Writer::set_idle_job).
  std::atomic<std::uint64_t> idle_runs{0};
};

// The queue is full: the caller should answer 503 and let the client retry.
class WriterBusy : public std::runtime_error {
 public:
  WriterBusy() : std::runtime_error("too many writes are waiting; try again shortly") {}
};

class Writer {
 public:
  using Job = std::function<void(Connection&)>;
  // Called on the writer thread after the commit (nullptr) or with the job's failure.
  using Done = std::function<void(std::exception_ptr)>;

  explicit Writer(const std::string& path, std::size_t max_batch = 512,
                  std::size_t max_queue = 20000);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Work for quiet moments: after a batch, once no job has come for `after`, the writer runs
  // `job` in a transaction of its own, again and again while it returns true (more to do) and
  // no job waits; the next batch starts it over. Each run should be short (a few ms): a job
  // that arrives meanwhile waits for it. Its commit is not synced by itself (nothing is
  // acknowledged by it); the next acknowledged batch's log sync covers it. Set before the
  // first submit.
  void set_idle_job(std::function<bool(Connection&)> job, std::chrono::milliseconds after);

  // Queues a job; when max_queue jobs already wait, `done` gets WriterBusy at once.
  void submit(Job job, Done done);
  // Runs a job and waits for its commit (for CLI commands and tests; not for I/O threads).
  void run_sync(const Job& job);
  // Finishes every queued job, then stops the thread. Idempotent.
  void stop();

  std::size_t queue_depth() const;
  const WriterStats& stats() const { return stats_; }

 private:
  struct Item {
    Job job;
    Done done;
  };
  // A committed batch waiting for the log's fdatasync before its jobs are acknowledged.
  struct Committed {
    std::vector<Item> items;
    std::vector<std::exception_ptr> errors;
  };
  void loop();
  // One run of the idle job in its own transaction; whether it has more to do.
  bool run_idle_job(const std::function<bool(Connection&)>& job);
  void sync_loop();
  // fdatasync of the write-ahead log (opened on first use, reopened if the file was
  // replaced); throws StoreError when the disk reports an error.
  void sync_log();

  Connection conn_;
  std::size_t max_batch_;
  std::size_t max_queue_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::function<bool(Connection&)> idle_job_;  // these three under mu_
  std::chrono::milliseconds idle_after_{0};
  bool idle_due_ = false;  // set, or a batch ran, since the idle job last said it was done
  WriterStats stats_;
  // The log's path and a descriptor kept open on it (gr-sync only); empty when the database
  // is not in WAL mode, and then each commit syncs by itself (synchronous=FULL).
  std::string wal_path_;
  int wal_fd_ = -1;
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  std::deque<Committed> committed_;
  bool sync_stopping_ = false;
  std::thread sync_thread_;
  std::thread thread_;
};

}  // namespace greenroom::store
