#pragma once
// The WebSocket side of a connection (server.cpp includes this once): the handshake on an
// HTTP(S) stream the dispatcher accepted for upgrade, a read loop that hands each message to
// the application, and a writer that drains a bounded send queue in order. Keep-alive is
// Beast's: a ping after half the idle time, the socket torn down when nothing answers.
//
// Memory per connection matters (issue 13's aim: 5,000 live clients at most 16 KB each), so
// the writer is a chain of completion handlers woken by the outbox, not a second coroutine:
// running two coroutines side by side (awaitable operator&&) cost about 4 KB of frames and
// parallel-group state per socket.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "http/types.hpp"
#include "http/websocket.hpp"

namespace greenroom::net {

struct WebSocketOptions {
  std::size_t message_limit = 4096;           // largest inbound message (close 1009 beyond)
  std::size_t send_queue_bytes = 256 * 1024;  // outbound bytes waiting per connection
  std::chrono::seconds idle_timeout{60};      // ping after half, tear down after all of it
};

// The outgoing side, shared with the application. Messages wait in a queue bounded in bytes;
// the writer loop (on the connection's strand) sends them in order.
class WebSocketOutbox : public http::WebSocketPeer,
                        public std::enable_shared_from_this<WebSocketOutbox> {
 public:
  WebSocketOutbox(boost::asio::any_io_executor ex, std::size_t limit)
      : signal_(ex, boost::asio::steady_timer::time_point::max()), limit_(limit) {}

  bool send(std::shared_ptr<const std::string> text) override {
    bool overflow = false;
    {
      std::lock_guard lock(mu_);
      if (closing_) return false;
      if (queued_ + text->size() > limit_) {
        // A consumer this far behind gets no more: what waits is dropped, a close follows.
        overflow = true;
        queue_.clear();
        queued_ = 0;
        closing_ = true;
        code_ = http::close_code::slow_consumer;
        reason_ = "slow consumer: reconnect and catch up";
      } else {
        queued_ += text->size();
        queue_.push_back(std::move(text));
      }
    }
    wake();
    return !overflow;
  }

  void close(std::uint16_t code, std::string reason) override {
    {
      std::lock_guard lock(mu_);
      if (closing_) return;
      closing_ = true;
      code_ = code;
      reason_ = std::move(reason);
    }
    wake();
  }

  struct Next {
    std::shared_ptr<const std::string> message;
    bool close = false;
    std::uint16_t code = 1000;
    std::string reason;
  };
  Next next() {
    std::lock_guard lock(mu_);
    Next n;
    if (!queue_.empty()) {
      n.message = std::move(queue_.front());
      queue_.pop_front();
      queued_ -= n.message->size();
    } else if (closing_ && !close_taken_) {
      close_taken_ = true;
      n.close = true;
      n.code = code_;
      n.reason = reason_;
    }
    return n;
  }

  // Any thread: run the writer (on_wake) on the connection's strand.
  void wake() {
    boost::asio::post(signal_.get_executor(), [self = shared_from_this()] {
      if (self->on_wake) self->on_wake();
    });
  }

  boost::asio::steady_timer signal_;  // strand only: the end of the session waits on it
  std::function<void()> on_wake;      // strand only: set while the session runs

 private:
  std::mutex mu_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_ = 0;
  const std::size_t limit_;
  bool closing_ = false;
  bool close_taken_ = false;
  std::uint16_t code_ = 1000;
  std::string reason_;
};

namespace ws_detail {

namespace asio = boost::asio;
namespace websocket = boost::beast::websocket;
constexpr auto as_tuple_awaitable = asio::as_tuple(asio::use_awaitable);

// Strand only. One write (or the close) at a time; each completion starts the next.
struct WriteState {
  bool busy = false;  // an async_write or async_close is in flight
  bool done = false;  // a write failed or the close was sent: nothing more goes out
};

template <class Ws>
void pump(Ws& ws, WebSocketOutbox& box, WriteState& st) {
  if (st.busy || st.done) return;
  auto next = box.next();
  if (next.message) {
    st.busy = true;
    const auto* data = next.message.get();
    ws.async_write(asio::buffer(*data), [&ws, &box, &st, keep = std::move(next.message)](
                                            boost::system::error_code ec, std::size_t) {
      st.busy = false;
      if (ec) st.done = true;
      pump(ws, box, st);
      if (!st.busy) box.signal_.cancel();  // the session may be waiting for the last write
    });
  } else if (next.close) {
    st.busy = true;
    websocket::close_reason why(next.code);
    why.reason = next.reason;
    // The read loop sees the peer's answer (or Beast's timeout) and ends.
    ws.async_close(why, [&box, &st](boost::system::error_code) {
      st.busy = false;
      st.done = true;
      box.signal_.cancel();
    });
  }
}

template <class Ws>
asio::awaitable<void> read_loop(Ws& ws, http::WebSocketHandler& handler, WebSocketOutbox& box) {
  boost::beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await ws.async_read(buffer, as_tuple_awaitable);
    (void)n;
    if (ec) break;  // closed, too big (Beast answers 1009), timed out or torn down
    if (!ws.got_text()) {
      box.close(http::close_code::policy, "text messages only");
    } else {
      const auto data = buffer.cdata();
      handler.on_message(std::string_view(static_cast<const char*>(data.data()), data.size()));
    }
    buffer.consume(buffer.size());
    if (buffer.capacity() > 4096) buffer.shrink_to_fit();
  }
}

}  // namespace ws_detail

// Completes the handshake for `req` and runs the WebSocket until it closes. `on_ready` gets
// the outbox once the handshake is done (the caller uses it to close on shutdown).
template <class Stream, class OnReady>
boost::asio::awaitable<void> run_websocket(Stream& stream, const http::Request& req,
                                           std::shared_ptr<http::WebSocketHandler> handler,
                                           const WebSocketOptions& opts, OnReady on_ready) {
  namespace websocket = boost::beast::websocket;
  websocket::stream<Stream&> ws(stream);
  boost::beast::get_lowest_layer(stream).expires_never();
  websocket::stream_base::timeout timeouts{std::chrono::seconds(10), opts.idle_timeout, true};
  ws.set_option(timeouts);
  ws.read_message_max(opts.message_limit);
  ws.auto_fragment(false);
  ws.text(true);
  auto [ec] = co_await ws.async_accept(req, ws_detail::as_tuple_awaitable);
  if (ec) co_return;
  auto ex = co_await boost::asio::this_coro::executor;
  auto box = std::make_shared<WebSocketOutbox>(ex, opts.send_queue_bytes);
  ws_detail::WriteState writes;
  box->on_wake = [&ws, &outbox = *box, &writes] { ws_detail::pump(ws, outbox, writes); };
  on_ready(box);
  handler->on_open(box);
  co_await ws_detail::read_loop(ws, *handler, *box);
  // The socket is done: nothing more is sent, and a write still in flight completes
  // (usually aborted) before ws goes away.
  box->on_wake = nullptr;
  writes.done = true;
  while (writes.busy) {
    box->signal_.expires_at(boost::asio::steady_timer::time_point::max());
    co_await box->signal_.async_wait(ws_detail::as_tuple_awaitable);
  }
  handler->on_close();
}

}  // namespace greenroom::net
