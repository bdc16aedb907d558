#include "http/metrics.hpp"

#include <sstream>

namespace greenroom::http {

void Metrics::record_request(const std::string& route, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kLatencyBounds.size() && seconds > kLatencyBounds[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  ++latency_buckets_[bucket];
  latency_sum_ += seconds;
  ++latency_count_;
}

std::string Metrics::render() const {
  std::ostringstream out;
  {
    std::lock_guard lock(mu_);
    out << "# HELP greenroom_http_requests_total HTTP requests by route and status.\n"
           "# TYPE greenroom_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
      out << "greenroom_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
          << "\"} " << n << "\n";
    out << "# HELP greenroom_http_request_duration_seconds Request latency.\n"
           "# TYPE greenroom_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kLatencyBounds.size(); ++i) {
      cumulative += latency_buckets_[i];
      out << "greenroom_http_request_duration_seconds_bucket{le=\"" << kLatencyBounds[i] << "\"} "
          << cumulative << "\n";
    }
    cumulative += latency_buckets_.back();
    out << "greenroom_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
        << "greenroom_http_request_duration_seconds_sum " << latency_sum_ << "\n"
        << "greenroom_http_request_duration_seconds_count " << latency_count_ << "\n";
  }
  out << "# HELP greenroom_open_connections Open client connections.\n"
         "# TYPE greenroom_open_connections gauge\n"
         "greenroom_open_connections "
      << open_connections_.load() << "\n"
      << "# HELP greenroom_rejected_connections_total Connections refused at the limit.\n"
         "# TYPE greenroom_rejected_connections_total counter\n"
         "greenroom_rejected_connections_total "
      << rejected_connections_.load() << "\n";
  if (extra_) out << extra_();
  return out.str();
}

}  // namespace greenroom::http
