#pragma once
// A pool of read-only connections. Reads are short indexed queries; a lease must never be
// held across a suspension point (co_await), so the pool size can stay near the thread count.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace greenroom::store {

class ReadPool {
 public:
  ReadPool(std::string path, std::size_t max_size);

  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<Connection> conn)
        : pool_(&pool), conn_(std::move(conn)) {}
    ~Lease() {
      if (conn_) pool_->release(std::move(conn_));
    }
    Lease(Lease&&) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    ReadPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Lease acquire();
  // The database file, for a reader that needs a connection of its own (a long export).
  const std::string& path() const { return path_; }

 private:
  void release(std::unique_ptr<Connection> conn);

  std::string path_;
  std::size_t max_size_;
  std::size_t created_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
};

}  // namespace greenroom::store
