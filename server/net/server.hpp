#pragma once
// The listener and the HTTP(S) sessions: one coroutine per connection on its own strand,
// explicit limits (header and body size, connections in all and per client address) and
// timeouts (idle keep-alive, whole-request read, write progress), and a graceful stop that stops
// accepting, lets in-flight requests finish, closes idle connections, then forces what is left
// after a grace period.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "net/trusted_proxies.hpp"
#include "net/websocket_session.hpp"

namespace greenroom::net {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8443;
  std::size_t header_limit = 8 * 1024;
  std::size_t body_limit = 64 * 1024;
  std::size_t max_connections = 10000;
  // Per TCP peer address; trusted proxies are held only to the global limit.
  std::size_t max_connections_per_address = 64;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds request_timeout{10};
  // A response write that makes no progress (no byte taken) for this long drops the client.
  std::chrono::seconds write_timeout{10};
  TrustedProxies trusted_proxies;
  WebSocketOptions websocket;
};

class Server {
 public:
  Server(boost::asio::io_context& ioc, ServerOptions opts, http::Dispatcher& dispatcher,
         http::Metrics& metrics, boost::asio::ssl::context* tls);
  ~Server();

  // Binds and listens (throws on failure), then accepts in the background.
  void start();
  unsigned short port() const { return port_; }

  // Graceful stop; `drained` runs once every connection has closed or `grace` has passed.
  void shutdown(std::chrono::seconds grace, std::function<void()> drained);

  struct Tracked;

 private:
  boost::asio::awaitable<void> accept_loop();
  struct Admission {
    std::optional<boost::asio::ip::address> peer;
    bool per_address_counted = false;
  };
  boost::asio::awaitable<void> run_plain(boost::asio::ip::tcp::socket socket, Admission a);
  boost::asio::awaitable<void> run_tls(boost::asio::ip::tcp::socket socket, Admission a);
  template <class Stream>
  boost::asio::awaitable<void> serve(Stream& stream, Tracked& tracked);
  template <class Stream>
  boost::asio::awaitable<bool> write_response(Stream& stream, http::Response& res);
  // Counts a new connection against the limits; nullopt (and counted nowhere) when refused.
  std::optional<Admission> admit(boost::asio::ip::tcp::socket& socket);
  void refuse(boost::asio::ip::tcp::socket& socket, std::string_view why);
  std::shared_ptr<Tracked> track(boost::asio::ip::tcp::socket& socket, Admission a, bool tls);
  template <class Stream>
  boost::asio::awaitable<bool> write_streamed(Stream& stream, http::Response& res,
                                              http::BodyProducer& produce);
  void untrack(const std::shared_ptr<Tracked>& t);

  boost::asio::io_context& ioc_;
  ServerOptions opts_;
  http::Dispatcher& dispatcher_;
  http::Metrics& metrics_;
  boost::asio::ssl::context* tls_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> open_{0};

  std::mutex mu_;
  std::list<std::shared_ptr<Tracked>> sessions_;
  std::map<boost::asio::ip::address, std::size_t> per_address_;
  std::function<void()> drained_;
  std::unique_ptr<boost::asio::steady_timer> grace_timer_;
};

}  // namespace greenroom::net
