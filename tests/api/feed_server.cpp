#include "feed_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace greenroom::test {

FeedServer::FeedServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0)
    throw std::runtime_error("feed server: bind/listen failed");
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

FeedServer::~FeedServer() {
  stopping_ = true;
  acceptor_.join();
  ::close(listen_fd_);
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mu_);
    workers.swap(workers_);
  }
  for (auto& t : workers) t.join();
}

std::string FeedServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void FeedServer::serve(const std::string& path, CannedResponse r) {
  std::lock_guard lock(mu_);
  routes_[path] = std::move(r);
}

int FeedServer::requests(const std::string& path) const {
  std::lock_guard lock(mu_);
  auto it = counts_.find(path);
  return it == counts_.end() ? 0 : it->second;
}

int FeedServer::total_requests() const {
  std::lock_guard lock(mu_);
  int n = 0;
  for (const auto& [path, count] : counts_) n += count;
  return n;
}

void FeedServer::accept_loop() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard lock(mu_);
    workers_.emplace_back([this, fd] { handle(fd); });
  }
}

void FeedServer::handle(int fd) {
  std::string in;
  char buf[4096];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (in.find("\r\n\r\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<std::size_t>(n));
  }
  std::string path;
  if (auto sp = in.find(' '); sp != std::string::npos)
    path = in.substr(sp + 1, in.find(' ', sp + 1) - sp - 1);
  CannedResponse r;
  bool known = false;
  {
    std::lock_guard lock(mu_);
    ++counts_[path];
    if (auto it = routes_.find(path); it != routes_.end()) {
      r = it->second;
      known = true;
    }
  }
  if (!known) {
    r.status = 404;
    r.content_type = "text/plain";
    r.body = "no such feed";
  }
  for (int waited = 0; waited < r.delay_ms && !stopping_; waited += 50)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::string out =
      "HTTP/1.1 " + std::to_string(r.status) + " Test\r\nContent-Type: " + r.content_type +
      "\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\nConnection: close\r\n";
  for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
  out += "\r\n" + r.body;
  std::size_t sent = 0;
  while (sent < out.size()) {
    auto n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace greenroom::test
