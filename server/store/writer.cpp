#include "store/writer.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <future>
#include <vector>

namespace greenroom::store {

namespace {

std::string journal_mode(Connection& c) {
  auto st = c.prepare("PRAGMA journal_mode");
  return st.step() ? st.text(0) : std::string();
}

[[noreturn]] void io_failure(int code, const std::string& what) {
  throw StoreError(code, what + ": " + std::strerror(errno));
}

// The directory entry of a new log file must reach the disk too: SQLite syncs the directory
// only at a log's first sync, which synchronous=NORMAL defers to the first checkpoint.
void sync_directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) io_failure(SQLITE_IOERR_DIR_FSYNC, "open " + dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) io_failure(SQLITE_IOERR_DIR_FSYNC, "fsync " + dir);
}

}  // namespace

Writer::Writer(const std::string& path, std::size_t max_batch, std::size_t max_queue)
    : conn_(path, Connection::Mode::read_write), max_batch_(max_batch), max_queue_(max_queue) {
  if (journal_mode(conn_) == "wal") {
    const char* db_file = sqlite3_db_filename(conn_.handle(), "main");
    if (db_file && *db_file) {
      wal_path_ = sqlite3_filename_wal(db_file);
      conn_.exec("PRAGMA synchronous=NORMAL");  // gr-sync syncs the log before any ack
    }
  }
  if (!wal_path_.empty())
    sync_thread_ = std::thread([this] {
      ::pthread_setname_np(::pthread_self(), "gr-sync");
      sync_loop();
    });
  thread_ = std::thread([this] {
    ::pthread_setname_np(::pthread_self(), "gr-writer");  // as top -H and perf show it
    loop();
  });
}

Writer::~Writer() {
  stop();
  if (wal_fd_ >= 0) ::close(wal_fd_);
}

void Writer::submit(Job job, Done done) {
  std::exception_ptr refused;
  {
    std::lock_guard lock(mu_);
    if (stopping_)
      refused = std::make_exception_ptr(StoreError(SQLITE_MISUSE, "writer is stopped"));
    else if (queue_.size() >= max_queue_)
      refused = std::make_exception_ptr(WriterBusy());
    else
      queue_.push_back(Item{std::move(job), std::move(done)});
  }
  if (refused) {
    done(refused);
    return;
  }
  cv_.notify_one();
}

void Writer::set_idle_job(std::function<bool(Connection&)> job, std::chrono::milliseconds after) {
  {
    std::lock_guard lock(mu_);
    idle_job_ = std::move(job);
    idle_after_ = after;
    idle_due_ = true;  // there may be upkeep left from before a restart
  }
  cv_.notify_all();  // the thread may already be waiting with no idle job to run
}

void Writer::run_sync(const Job& job) {
  std::promise<void> promise;
  auto fut = promise.get_future();
  submit(job, [&promise](std::exception_ptr e) {
    if (e)
      promise.set_exception(e);
    else
      promise.set_value();
  });
  fut.get();
}

void Writer::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  // The writer has handed over its last batch: acknowledge what is left, then stop.
  {
    std::lock_guard lock(sync_mu_);
    sync_stopping_ = true;
  }
  sync_cv_.notify_all();
  if (sync_thread_.joinable()) sync_thread_.join();
}

std::size_t Writer::queue_depth() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void Writer::loop() {
  std::vector<Item> batch;
  std::vector<std::exception_ptr> errors;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      const auto ready = [this] { return stopping_ || !queue_.empty(); };
      while (!ready()) {
        if (!idle_job_ || !idle_due_) {  // until a write, or an idle job that is due
          cv_.wait(lock, [&] { return ready() || (idle_job_ && idle_due_); });
          continue;
        }
        if (cv_.wait_for(lock, idle_after_, ready)) break;
        auto job = idle_job_;
        lock.unlock();
        const bool more = run_idle_job(job);
        lock.lock();
        idle_due_ = more;
      }
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      idle_due_ = true;
    }
    errors.assign(batch.size(), nullptr);
    try {
      Transaction tx(conn_);
      for (std::size_t i = 0; i < batch.size(); ++i) {
        {
          Savepoint sp(conn_);
          try {
            batch[i].job(conn_);
            sp.release();
          } catch (...) {
            errors[i] = std::current_exception();
          }
        }
        // After some errors (disk full, I/O) SQLite rolls the whole transaction back by
        // itself. Then nothing of this batch is durable: stop, and fail every job in it.
        if (sqlite3_get_autocommit(conn_.handle()))
          throw StoreError(SQLITE_ABORT, "the batch transaction was rolled back by SQLite");
      }
      tx.commit();
    } catch (...) {
      // The commit itself failed: nothing in this batch is durable.
      auto e = std::current_exception();
      for (auto& err : errors) err = err ? err : e;
    }
    stats_.batches.fetch_add(1, std::memory_order_relaxed);
    stats_.jobs.fetch_add(batch.size(), std::memory_order_relaxed);
    std::size_t bucket = 0;
    while (bucket < WriterStats::bounds.size() &&
           static_cast<int>(batch.size()) > WriterStats::bounds[bucket])
      ++bucket;
    stats_.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    for (auto& e : errors)
      if (e) stats_.failed_jobs.fetch_add(1, std::memory_order_relaxed);
    if (wal_path_.empty()) {  // committed with its own fsync: acknowledge now
      for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(errors[i]);
      batch.clear();
      continue;
    }
    {
      std::lock_guard lock(sync_mu_);
      committed_.push_back(Committed{std::move(batch), std::move(errors)});
    }
    sync_cv_.notify_one();
    batch = {};
    errors = {};
  }
}

bool Writer::run_idle_job(const std::function<bool(Connection&)>& job) {
  try {
    Transaction tx(conn_);
    const bool more = job(conn_);
    tx.commit();
    stats_.idle_runs.fetch_add(1, std::memory_order_relaxed);
    return more;
  } catch (...) {
    return false;  // maintenance only: try again after the next batch
  }
}

void Writer::sync_loop() {
  std::deque<Committed> work;
  for (;;) {
    {
      std::unique_lock lock(sync_mu_);
      sync_cv_.wait(lock, [this] { return sync_stopping_ || !committed_.empty(); });
      if (committed_.empty() && sync_stopping_) return;
      work.swap(committed_);
    }
    // One fdatasync for every batch committed before it began: each COMMIT has written its
    // frames to the log before its batch was handed over.
    bool wrote = false;
    for (const auto& c : work)
      for (const auto& e : c.errors) wrote = wrote || !e;
    std::exception_ptr failure;
    if (wrote) {
      try {
        sync_log();
      } catch (...) {
        failure = std::current_exception();
      }
    }
    for (auto& c : work)
      for (std::size_t i = 0; i < c.items.size(); ++i) {
        auto e = c.errors[i] ? c.errors[i] : failure;
        if (e && !c.errors[i]) stats_.failed_jobs.fetch_add(1, std::memory_order_relaxed);
        c.items[i].done(e);
      }
    work.clear();
  }
}

void Writer::sync_log() {
  struct stat by_path {};
  if (::stat(wal_path_.c_str(), &by_path) != 0) {
    // No log: SQLite checkpointed it into the database (syncing both) and removed it.
    if (errno == ENOENT) return;
    io_failure(SQLITE_IOERR_FSTAT, "stat " + wal_path_);
  }
  struct stat by_fd {};
  if (wal_fd_ >= 0 && (::fstat(wal_fd_, &by_fd) != 0 || by_fd.st_ino != by_path.st_ino ||
                       by_fd.st_dev != by_path.st_dev)) {
    ::close(wal_fd_);  // the log was replaced: sync the file that is there now
    wal_fd_ = -1;
  }
  if (wal_fd_ < 0) {
    wal_fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (wal_fd_ < 0) io_failure(SQLITE_IOERR_FSYNC, "open " + wal_path_);
    sync_directory_of(wal_path_);
  }
  if (::fdatasync(wal_fd_) != 0) io_failure(SQLITE_IOERR_FSYNC, "fdatasync " + wal_path_);
  stats_.log_syncs.fetch_add(1, std::memory_order_release);
}

}  // namespace greenroom::store
