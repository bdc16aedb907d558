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
#include <sstream>

#include "http/log.hpp"
#include "http/responses.hpp"
#include "net/framing.hpp"

namespace greenroom::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

// One connection as the stop logic and the limits see it. `idle`, `alive` and `socket` are
// touched only on the connection's strand; `peer` and `per_address_counted` never change.
struct Server::Tracked {
  asio::any_io_executor executor;
  tcp::socket* socket = nullptr;
  bool idle = true;
  bool alive = true;
  bool tls = false;
  std::optional<asio::ip::address> peer;
  bool per_address_counted = false;
  bool refused = false;        // the last answer refused the request; its body may still be coming
  std::function<void()> stop;  // set while the connection is a WebSocket: closes it (1001)
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

std::optional<Server::Admission> Server::admit(tcp::socket& socket) {
  Admission a;
  beast::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  if (!ec) a.peer = unmapped(ep.address());
  // Counted here, before the session starts, so a burst cannot overshoot the limits.
  if (open_.fetch_add(1) >= opts_.max_connections) {
    open_.fetch_sub(1);
    refuse(socket, "The server is at its connection limit; retry soon.");
    return std::nullopt;
  }
  // One address must not take every slot; a trusted proxy speaks for many clients.
  if (a.peer && !opts_.trusted_proxies.contains(*a.peer)) {
    std::lock_guard lock(mu_);
    auto& n = per_address_[*a.peer];
    if (n >= opts_.max_connections_per_address) {
      if (n == 0) per_address_.erase(*a.peer);
      open_.fetch_sub(1);
      refuse(socket, "Too many connections from your address; close some and retry.");
      return std::nullopt;
    }
    ++n;
    a.per_address_counted = true;
  }
  return a;
}

void Server::refuse(tcp::socket& socket, std::string_view why) {
  metrics_.connection_rejected();
  beast::error_code ignored;
  if (!tls_) {  // a short answer if the socket takes it at once; never wait for it
    auto res =
        http::error_response(http::Status::service_unavailable, "unavailable", std::string(why));
    res.keep_alive(false);
    res.set(bhttp::field::retry_after, "1");
    std::ostringstream out;
    out << res;
    const auto text = out.str();
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(text.data(), text.size()), ignored);
  }
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    auto [ec, accepted] = co_await acceptor_.async_accept(asio::make_strand(ioc_), tuple_awaitable);
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping_) break;
      // Out of descriptors or a transient failure: back off briefly instead of spinning.
      http::log_event("warn", "accept failed", {{"error", ec.message()}});
      asio::steady_timer t(acceptor_.get_executor(), std::chrono::milliseconds(50));
      co_await t.async_wait(tuple_awaitable);
      continue;
    }
    tcp::socket socket(std::move(accepted));
    auto admission = admit(socket);
    if (!admission) continue;
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto ex = socket.get_executor();
    if (tls_)
      asio::co_spawn(ex, run_tls(std::move(socket), std::move(*admission)), asio::detached);
    else
      asio::co_spawn(ex, run_plain(std::move(socket), std::move(*admission)), asio::detached);
  }
}

std::shared_ptr<Server::Tracked> Server::track(tcp::socket& socket, Admission a, bool tls) {
  auto t = std::make_shared<Tracked>();
  t->executor = socket.get_executor();
  t->socket = &socket;
  t->tls = tls;
  t->peer = a.peer;
  t->per_address_counted = a.per_address_counted;
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
    if (t->per_address_counted) {
      auto it = per_address_.find(*t->peer);
      if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
    }
    if (open_.fetch_sub(1) == 1 && stopping_ && drained_) drained = std::exchange(drained_, {});
  }
  if (drained) drained();
}

namespace {

// The request's path as the access log shows it (no query string).
std::string_view path_of(const http::Request& req) {
  std::string_view target(req.target().data(), req.target().size());
  return target.substr(0, target.find('?'));
}

// Who the request is from: the peer, or the client a trusted proxy names in X-Forwarded-For.
http::ConnectionInfo client_info(const std::optional<asio::ip::address>& peer, bool tls,
                                 const TrustedProxies& proxies, const http::Request& req) {
  http::ConnectionInfo info;
  info.tls = tls;
  if (!peer) return info;
  std::vector<std::string_view> forwarded;
  for (auto [it, end] = req.equal_range("X-Forwarded-For"); it != end; ++it)
    forwarded.emplace_back(it->value().data(), it->value().size());
  const auto client = proxies.client_of(*peer, forwarded);
  info.peer_ip = peer->to_string();
  info.client_ip = client.to_string();
  info.loopback = client.is_loopback();
  return info;
}

}  // namespace

// Writes one response, giving the client write_timeout to take each next piece: a slow but
// reading client is served, one that stopped reading is dropped once its buffers are full.
template <class Stream>
asio::awaitable<bool> Server::write_response(Stream& stream, http::Response& res) {
  auto& lowest = beast::get_lowest_layer(stream);
  bhttp::response_serializer<bhttp::string_body> sr(res);
  while (!sr.is_done()) {
    lowest.expires_after(opts_.write_timeout);
    auto [ec, n] = co_await bhttp::async_write_some(stream, sr, tuple_awaitable);
    (void)n;
    if (ec) co_return false;
  }
  co_return true;
}

template <class Stream>
asio::awaitable<void> Server::serve(Stream& stream, Tracked& tracked) {
  auto& lowest = beast::get_lowest_layer(stream);
  const Limits limits{opts_.header_limit, opts_.body_limit};
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
    const auto start = std::chrono::steady_clock::now();

    // The whole request must arrive within request_timeout: a slow client cannot hold us.
    // The header is read and checked first, so a refused body is never read.
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opts_.header_limit));
    parser.body_limit(opts_.body_limit);
    lowest.expires_after(opts_.request_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, tuple_awaitable);
    std::optional<http::Response> refusal;
    if (!ec) refusal = refusal_for_header(parser.get());
    if (!ec && !refusal && !parser.is_done())
      std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
    if (ec) {
      refusal = refusal_for_read_error(ec, limits);
      if (!refusal) co_return;  // timeout, reset, or the client went away
    }

    if (refusal) {
      auto& res = *refusal;
      res.keep_alive(false);
      http::apply_security_headers(res, tracked.tls);
      const auto& req = parser.get();
      const auto info = client_info(tracked.peer, tracked.tls, opts_.trusted_proxies, req);
      const int status = static_cast<int>(res.result_int());
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      metrics_.record_request("unparsed", status, seconds);
      http::log_request({req.method_string(), path_of(req), "unparsed", status, seconds, 0,
                         info.client_ip, info.peer_ip});
      tracked.refused = true;
      co_await write_response(stream, res);
      co_return;
    }

    auto info = client_info(tracked.peer, tracked.tls, opts_.trusted_proxies, parser.get());
    http::BodyProducer body_stream;
    // An upgrade request is kept (headers only, it has no body) for the WebSocket handshake.
    std::optional<http::Request> upgrade_request;
    if (beast::websocket::is_upgrade(parser.get())) upgrade_request = parser.get();
    std::shared_ptr<http::WebSocketHandler> upgrade;
    auto res = co_await dispatcher_.handle(parser.release(), std::move(info), &body_stream,
                                           upgrade_request ? &upgrade : nullptr);
    if (upgrade) {
      if (stopping_) co_return;
      co_await run_websocket(stream, *upgrade_request, std::move(upgrade), opts_.websocket,
                             [&tracked](std::shared_ptr<WebSocketOutbox> box) {
                               std::weak_ptr<WebSocketOutbox> weak = box;
                               tracked.stop = [weak] {
                                 if (auto b = weak.lock())
                                   b->close(http::close_code::going_away, "server shutting down");
                               };
                             });
      tracked.stop = nullptr;
      co_return;
    }
    if (stopping_) res.keep_alive(false);
    if (body_stream) {
      if (!co_await write_streamed(stream, res, body_stream) || !res.keep_alive()) co_return;
      continue;
    }
    if (!co_await write_response(stream, res) || !res.keep_alive()) co_return;
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

asio::awaitable<void> Server::run_plain(tcp::socket socket, Admission a) {
  beast::tcp_stream stream(std::move(socket));
  auto tracked = track(stream.socket(), std::move(a), false);
  try {
    co_await serve(stream, *tracked);
  } catch (const std::exception& e) {
    http::log_event("error", "session failed", {{"error", e.what()}});
  }
  // Lingering close after a refusal: what the client still sends (the refused body) is read
  // and dropped for a moment, so closing with unread bytes does not reset the connection
  // before the client has read the answer.
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (!ec && tracked->refused && !stopping_) {
    stream.expires_after(std::chrono::seconds(2));
    // On the heap: an array here would sit in every connection's coroutine frame.
    auto sink = std::make_unique<char[]>(4096);
    for (std::size_t total = 0; total < 256 * 1024;) {
      auto [rec, n] =
          co_await stream.async_read_some(asio::buffer(sink.get(), 4096), tuple_awaitable);
      if (rec) break;
      total += n;
    }
  }
  untrack(tracked);
}

asio::awaitable<void> Server::run_tls(tcp::socket socket, Admission a) {
  beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls_);
  auto tracked = track(beast::get_lowest_layer(stream).socket(), std::move(a), true);
  try {
    beast::get_lowest_layer(stream).expires_after(opts_.request_timeout);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, tuple_awaitable);
    if (!ec) {
      co_await serve(stream, *tracked);
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
      if (t->alive && t->stop) {
        t->stop();
      } else if (t->alive && t->idle && t->socket) {
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
