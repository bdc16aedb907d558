#include "store/writer.hpp"

#include <pthread.h>

#include <future>
#include <vector>

namespace greenroom::store {

Writer::Writer(const std::string& path, std::size_t max_batch, std::size_t max_queue)
    : conn_(path, Connection::Mode::read_write), max_batch_(max_batch), max_queue_(max_queue) {
  thread_ = std::thread([this] {
    ::pthread_setname_np(::pthread_self(), "gr-writer");  // as top -H and perf show it
    loop();
  });
}

Writer::~Writer() {
  stop();
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
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
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
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (errors[i]) stats_.failed_jobs.fetch_add(1, std::memory_order_relaxed);
      batch[i].done(errors[i]);
    }
    batch.clear();
  }
}

}  // namespace greenroom::store
