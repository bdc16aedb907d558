#include "net/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include "http/log.hpp"
#include "http/responses.hpp"

namespace greenroom::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

// One connection as the stop logic sees it. Touched only on the connection's strand.
struct Server::Tracked {
  asio::any_io_executor executor;
  tcp::socket* socket = nullptr;
  bool idle = true;
  bool alive = true;
};

Server::Server(asio::io_context& ioc, ServerOptions opts, http::Dispatcher& dispatcher,
               http::Metrics& metrics, asio::ssl::context* tls)
    : ioc_(ioc),
      opts_(std::move(opts)),
      dispatcher_(dispatcher),
      metrics_(metrics),
      tls_(tls),
      acceptor_(asio::make_strand(ioc)) {}

Server::~Server() = default;

void Server::start() {
  tcp::endpoint ep(asio::ip::make_address(opts_.address), opts_.port);
  acceptor_.open(ep.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(ep);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
  asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), tuple_awaitable);
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping_) break;
      // Out of descriptors or a transient failure: back off briefly instead of spinning.
      http::log_event("warn", "accept failed", {{"error", ec.message()}});
      asio::steady_timer t(acceptor_.get_executor(), std::chrono::milliseconds(50));
      co_await t.async_wait(tuple_awaitable);
      continue;
    }
    // Counted here, before the session starts, so a burst cannot overshoot the limit.
    if (open_.fetch_add(1) >= opts_.max_connections) {
      open_.fetch_sub(1);
      metrics_.connection_rejected();
      beast::error_code ignored;
      if (!tls_) {  // a short answer if the socket takes it at once; never wait for it
        static constexpr std::string_view kBusy =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            "Connection: close\r\nRetry-After: 1\r\nContent-Length: 95\r\n\r\n"
            "{\"error\":{\"code\":\"unavailable\",\"message\":\"The server is at its connection "
            "limit; retry soon.\"}}";
        socket.non_blocking(true, ignored);
        socket.write_some(asio::buffer(kBusy.data(), kBusy.size()), ignored);
      }
      socket.shutdown(tcp::socket::shutdown_both, ignored);
      socket.close(ignored);
      continue;
    }
    socket.set_option(tcp::no_delay(true));
    auto ex = socket.get_executor();
    if (tls_)
      asio::co_spawn(ex, run_tls(std::move(socket)), asio::detached);
    else
      asio::co_spawn(ex, run_plain(std::move(socket)), asio::detached);
  }
}

std::shared_ptr<Server::Tracked> Server::track(tcp::socket& socket) {
  auto t = std::make_shared<Tracked>();
  t->executor = socket.get_executor();
  t->socket = &socket;
  metrics_.connection_opened();
  std::lock_guard lock(mu_);
  sessions_.push_back(t);
  return t;
}

void Server::untrack(const std::shared_ptr<Tracked>& t) {
  t->alive = false;
  t->socket = nullptr;
  metrics_.connection_closed();
  std::function<void()> drained;
  {
    std::lock_guard lock(mu_);
    sessions_.remove(t);
    if (open_.fetch_sub(1) == 1 && stopping_ && drained_) drained = std::exchange(drained_, {});
  }
  if (drained) drained();
}

namespace {

http::ConnectionInfo info_of(tcp::socket& s, bool tls) {
  http::ConnectionInfo info;
  beast::error_code ec;
  auto ep = s.remote_endpoint(ec);
  if (!ec) {
    auto addr = ep.address();
    if (addr.is_v6() && addr.to_v6().is_v4_mapped())
      addr = asio::ip::make_address_v4(asio::ip::v4_mapped, addr.to_v6());
    info.client_ip = addr.to_string();
    info.loopback = addr.is_loopback();
  }
  info.tls = tls;
  return info;
}

}  // namespace

template <class Stream>
asio::awaitable<void> Server::serve(Stream& stream, Tracked& tracked, http::ConnectionInfo info) {
  auto& lowest = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  for (;;) {
    // Idle keep-alive wait: no request yet, hold as little memory as possible.
    tracked.idle = true;
    if (buffer.size() == 0) {
      if (stopping_) co_return;
      buffer.shrink_to_fit();
      lowest.expires_after(opts_.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(512), tuple_awaitable);
      if (ec) co_return;  // closed, timed out or cancelled by shutdown
      buffer.commit(n);
    }
    tracked.idle = false;

    // The whole request must arrive within request_timeout: a slow client cannot hold us.
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opts_.header_limit));
    parser.body_limit(opts_.body_limit);
    lowest.expires_after(opts_.request_timeout);
    auto [ec, n] = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
    (void)n;
    if (ec) {
      http::Response res;
      if (ec == bhttp::error::body_limit)
        res = http::error_response(http::Status::payload_too_large, "payload_too_large",
                                   "The request body is larger than the " +
                                       std::to_string(opts_.body_limit) + " bytes allowed.");
      else if (ec == bhttp::error::header_limit)
        res =
            http::error_response(http::Status::request_header_fields_too_large, "headers_too_large",
                                 "The request headers are larger than the " +
                                     std::to_string(opts_.header_limit) + " bytes allowed.");
      else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
               ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
        res = http::error_response(http::Status::bad_request, "bad_request",
                                   "The request is not valid HTTP/1.1.");
      else
        co_return;  // timeout, reset, or the client went away
      res.keep_alive(false);
      http::apply_security_headers(res, info.tls);
      metrics_.record_request("unparsed", static_cast<int>(res.result_int()), 0.0);
      lowest.expires_after(opts_.write_timeout);
      co_await bhttp::async_write(stream, res, tuple_awaitable);
      co_return;
    }

    http::BodyProducer body_stream;
    auto res = co_await dispatcher_.handle(parser.release(), info, &body_stream);
    if (stopping_) res.keep_alive(false);
    lowest.expires_after(opts_.write_timeout);
    if (body_stream) {
      const bool written = co_await write_streamed(stream, res, body_stream);
      if (!written || !res.keep_alive()) co_return;
      continue;
    }
    auto [wec, wn] = co_await bhttp::async_write(stream, res, tuple_awaitable);
    (void)wn;
    if (wec || !res.keep_alive()) co_return;
  }
}

template <class Stream>
asio::awaitable<bool> Server::write_streamed(Stream& stream, http::Response& res,
                                             http::BodyProducer& produce) {
  // The headers of `res`, then the producer's pieces as chunks, each write under the write
  // timeout; only one piece is held at a time, so memory stays flat however long the body.
  auto& lowest = beast::get_lowest_layer(stream);
  bhttp::response<bhttp::empty_body> head{static_cast<bhttp::response_header<>&>(res)};
  head.erase(bhttp::field::content_length);
  head.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  lowest.expires_after(opts_.write_timeout);
  auto [hec, hn] = co_await bhttp::async_write_header(stream, serializer, tuple_awaitable);
  (void)hn;
  if (hec) co_return false;
  std::string piece;
  for (bool more = true; more;) {
    piece.clear();
    try {
      more = produce(piece);
    } catch (const std::exception& e) {
      // Headers are gone already: end the connection without the last chunk, so the client
      // sees an incomplete body rather than a short one that looks whole.
      http::log_event("error", "streamed body failed", {{"error", e.what()}});
      co_return false;
    }
    if (piece.empty()) continue;
    lowest.expires_after(opts_.write_timeout);
    auto [wec, wn] =
        co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(piece)), tuple_awaitable);
    (void)wn;
    if (wec) co_return false;
  }
  lowest.expires_after(opts_.write_timeout);
  auto [lec, ln] = co_await asio::async_write(stream, bhttp::make_chunk_last(), tuple_awaitable);
  (void)ln;
  co_return !lec;
}

asio::awaitable<void> Server::run_plain(tcp::socket socket) {
  auto info = info_of(socket, false);
  beast::tcp_stream stream(std::move(socket));
  auto tracked = track(stream.socket());
  try {
    co_await serve(stream, *tracked, std::move(info));
  } catch (const std::exception& e) {
    http::log_event("error", "session failed", {{"error", e.what()}});
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  untrack(tracked);
}

asio::awaitable<void> Server::run_tls(tcp::socket socket) {
  auto info = info_of(socket, true);
  beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls_);
  auto tracked = track(beast::get_lowest_layer(stream).socket());
  try {
    beast::get_lowest_layer(stream).expires_after(opts_.request_timeout);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, tuple_awaitable);
    if (!ec) {
      co_await serve(stream, *tracked, std::move(info));
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
      co_await stream.async_shutdown(tuple_awaitable);
    }
  } catch (const std::exception& e) {
    http::log_event("error", "session failed", {{"error", e.what()}});
  }
  untrack(tracked);
}

void Server::shutdown(std::chrono::seconds grace, std::function<void()> drained) {
  stopping_ = true;
  asio::post(acceptor_.get_executor(), [this] {
    beast::error_code ec;
    acceptor_.close(ec);
  });
  std::list<std::shared_ptr<Tracked>> snapshot;
  {
    std::lock_guard lock(mu_);
    snapshot = sessions_;
    if (open_.load() == 0) {
      asio::post(ioc_, std::move(drained));
      return;
    }
    drained_ = drained;
  }
  // Idle connections are closed now; busy ones close after their current response.
  for (auto& t : snapshot)
    asio::post(t->executor, [t] {
      if (t->alive && t->idle && t->socket) {
        beast::error_code ec;
        t->socket->cancel(ec);
      }
    });
  grace_timer_ = std::make_unique<asio::steady_timer>(ioc_, grace);
  grace_timer_->async_wait([this](beast::error_code ec) {
    if (ec) return;
    std::function<void()> d;
    {
      std::lock_guard lock(mu_);
      d = std::exchange(drained_, {});
    }
    if (d) {
      http::log_event("warn", "shutdown grace period over; closing remaining connections",
                      {{"open", open_.load()}});
      d();
    }
  });
}

}  // namespace greenroom::net
