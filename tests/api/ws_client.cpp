#include "ws_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

namespace greenroom::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

WsClient::WsClient(std::uint16_t port, WsOptions opts) : ws_(ioc_) {
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), port);
  ws_.next_layer().connect(ep);
  const std::string host = "127.0.0.1:" + std::to_string(port);
  const std::string origin = opts.origin.value_or("http://" + host);
  const std::string cookie = opts.cookie;
  ws_.set_option(websocket::stream_base::decorator([origin, cookie](websocket::request_type& req) {
    if (!origin.empty()) req.set(beast::http::field::origin, origin);
    if (!cookie.empty()) req.set(beast::http::field::cookie, cookie);
  }));
  ws_.read_message_max(16 * 1024 * 1024);
  websocket::response_type res;
  beast::error_code ec;
  ws_.handshake(res, host, opts.target, ec);
  status_ = static_cast<int>(res.result_int());
  if (ec) {
    refusal_body_ = res.body();
    closed_ = true;
    if (status_ == 101) status_ = 0;
  }
}

WsClient::~WsClient() {
  beast::error_code ec;
  ws_.next_layer().close(ec);
}

std::optional<nlohmann::json> WsClient::next(int timeout_ms) {
  if (closed_) return std::nullopt;
  if (!reading_) {
    reading_ = true;
    read_done_ = false;
    ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
      read_ec_ = ec;
      read_done_ = true;
    });
  }
  ioc_.restart();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!read_done_ && std::chrono::steady_clock::now() < deadline) ioc_.run_one_until(deadline);
  if (!read_done_) return std::nullopt;  // the read stays pending for the next call
  reading_ = false;
  if (read_ec_) {
    closed_ = true;
    close_code_ = ws_.reason().code;  // 0 when no close frame arrived
    return std::nullopt;
  }
  auto text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  return nlohmann::json::parse(text);
}

std::optional<nlohmann::json> WsClient::next_of(const std::string& type, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return std::nullopt;
    auto m = next(static_cast<int>(left));
    if (!m) return std::nullopt;
    if ((*m)["type"] == type) return m;
  }
}

void WsClient::send(const std::string& text) {
  beast::error_code ec;
  ws_.text(true);
  ws_.write(asio::buffer(text), ec);
}

void WsClient::ack(std::uint64_t id) {
  send(nlohmann::json{{"type", "ack"}, {"id", id}}.dump());
}

bool WsClient::wait_closed(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!closed_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    next(static_cast<int>(left));
  }
  return closed_;
}

}  // namespace greenroom::test
