#pragma once
// A real WebSocket client for API tests (Boost.Beast over plain TCP): opens the live channel
// with a session cookie and an Origin, reads events with a timeout, sends messages.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace greenroom::test {

struct WsOptions {
  std::string cookie;                 // "gr_session=..." ("" for none)
  std::optional<std::string> origin;  // defaults to the server's own origin
  std::string target = "/api/v1/live";
};

class WsClient {
 public:
  // Connects and asks for the upgrade; `status()` is 101 when it was accepted, otherwise the
  // HTTP status of the refusal (and `refusal_body()` its body).
  WsClient(std::uint16_t port, WsOptions opts);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  int status() const { return status_; }
  const std::string& refusal_body() const { return refusal_body_; }

  // The next message, or nullopt when none came within `timeout_ms` or the socket closed.
  std::optional<nlohmann::json> next(int timeout_ms = 2000);
  // The next message of `type` (others are skipped), or nullopt.
  std::optional<nlohmann::json> next_of(const std::string& type, int timeout_ms = 2000);
  void send(const std::string& text);
  void ack(std::uint64_t id);
  // True once the server closed the socket (waits up to timeout_ms, dropping messages).
  bool wait_closed(int timeout_ms);
  bool closed() const { return closed_; }
  // The server's close code (0 if none was received).
  std::uint16_t close_code() const { return close_code_; }

 private:
  boost::asio::io_context ioc_;
  boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
  boost::beast::flat_buffer buffer_;
  bool reading_ = false;
  bool read_done_ = false;
  boost::beast::error_code read_ec_;
  int status_ = 0;
  std::string refusal_body_;
  bool closed_ = false;
  std::uint16_t close_code_ = 0;
};

}  // namespace greenroom::test
