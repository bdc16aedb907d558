#pragma once
// A small HTTP/1.1 server on 127.0.0.1 (plain sockets, a thread per connection) that serves
// canned feed documents to the reading-list fetcher in API tests, and counts the requests
// each path received (so a test can prove a feed was never fetched).
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace greenroom::test {

struct CannedResponse {
  int status = 200;
  std::string content_type = "application/xml";
  std::string body;
  std::map<std::string, std::string> headers;  // e.g. Location
  int delay_ms = 0;                            // wait before answering (a slow server)
};

class FeedServer {
 public:
  FeedServer();  // listens on 127.0.0.1, a free port
  ~FeedServer();
  FeedServer(const FeedServer&) = delete;
  FeedServer& operator=(const FeedServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url(const std::string& path) const;
  void serve(const std::string& path, CannedResponse r);
  int requests(const std::string& path) const;
  int total_requests() const;

 private:
  void accept_loop();
  void handle(int fd);
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mu_;
  std::map<std::string, CannedResponse> routes_;
  std::map<std::string, int> counts_;
  std::thread acceptor_;
  std::vector<std::thread> workers_;
};

}  // namespace greenroom::test
