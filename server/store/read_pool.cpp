#include "store/read_pool.hpp"

namespace greenroom::store {

ReadPool::ReadPool(std::string path, std::size_t max_size)
    : path_(std::move(path)), max_size_(max_size == 0 ? 1 : max_size) {}

ReadPool::Lease ReadPool::acquire() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!free_.empty()) {
      auto conn = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(conn));
    }
    if (created_ < max_size_) {
      ++created_;
      lock.unlock();
      try {
        return Lease(*this, std::make_unique<Connection>(path_, Connection::Mode::read_only));
      } catch (...) {
        lock.lock();
        --created_;
        throw;
      }
    }
    cv_.wait(lock);
  }
}

void ReadPool::release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace greenroom::store
