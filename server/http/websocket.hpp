#pragma once
// A WebSocket as the layers above net/ see it. A handler that accepts an upgrade puts a
// WebSocketHandler in RequestContext::upgrade; the connection then speaks WebSocket and calls
// it. The connection gives the handler a WebSocketPeer to send on and close.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace greenroom::http {

// Close codes the server uses besides the standard ones (RFC 6455 leaves 4000-4999 to apps).
namespace close_code {
inline constexpr std::uint16_t going_away = 1001;     // server shutting down
inline constexpr std::uint16_t policy = 1008;         // inbound rate or protocol broken
inline constexpr std::uint16_t too_big = 1009;        // inbound message over the limit
inline constexpr std::uint16_t slow_consumer = 4008;  // fell too far behind; reconnect
inline constexpr std::uint16_t session_ended = 4001;  // signed out or session expired
}  // namespace close_code

// One open WebSocket; every member may be called from any thread.
class WebSocketPeer {
 public:
  virtual ~WebSocketPeer() = default;
  // Queues a text message. When the bounded send queue is full the peer is closed with
  // close_code::slow_consumer and this returns false.
  virtual bool send(std::shared_ptr<const std::string> text) = 0;
  // Sends a close frame after what is queued (once; later calls are ignored).
  virtual void close(std::uint16_t code, std::string reason) = 0;
};

// What the application does with one WebSocket; called on the connection's strand.
class WebSocketHandler {
 public:
  virtual ~WebSocketHandler() = default;
  virtual void on_open(std::shared_ptr<WebSocketPeer> peer) = 0;
  virtual void on_message(std::string_view text) = 0;
  virtual void on_close() = 0;
};

}  // namespace greenroom::http
