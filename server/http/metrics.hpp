#pragma once
// Prometheus metrics: requests by route and status, a latency histogram, open connections.
// Store gauges (writer queue depth, commit batch sizes) are added by a render hook.
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace greenroom::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kLatencyBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                         0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void record_request(const std::string& route, int status, double seconds);
  void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  void connection_rejected() { rejected_connections_.fetch_add(1, std::memory_order_relaxed); }
  std::int64_t open_connections() const { return open_connections_.load(); }

  // Extra text appended by the app (store gauges).
  void set_extra(std::function<std::string()> extra) { extra_ = std::move(extra); }
  std::string render() const;

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kLatencyBounds.size() + 1> latency_buckets_{};
  double latency_sum_ = 0;
  std::uint64_t latency_count_ = 0;
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> rejected_connections_{0};
  std::function<std::string()> extra_;
};

}  // namespace greenroom::http
