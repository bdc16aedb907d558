#pragma once
// One signed-in listener on the live channel. It receives each event the visibility rule lets
// its user see, answers pings, takes acknowledgements, and is closed when it falls more than
// HubOptions::max_unacked events behind (close code 4008) or sends too much (1008).
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "domain/model.hpp"
#include "domain/time.hpp"
#include "http/websocket.hpp"
#include "live/event.hpp"

namespace greenroom::live {

class Hub;

class Subscriber : public http::WebSocketHandler, public std::enable_shared_from_this<Subscriber> {
 public:
  // Made by Hub::subscribe, which counted it against the user's cap; the destructor gives the
  // place back.
  // `session_id` is the public id of the session that opened it (it closes when that ends).
  Subscriber(Hub& hub, domain::Actor actor, std::optional<std::uint64_t> last_id,
             std::string session_id = {}, domain::Millis session_expires_at = 0);
  ~Subscriber() override;
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  void on_open(std::shared_ptr<http::WebSocketPeer> peer) override;
  void on_message(std::string_view text) override;
  void on_close() override;

  // Sends `e` if this user may see it (called by the hub, from any thread).
  void deliver(const Event& e);

  std::int64_t user_id() const { return actor_.id; }
  const std::string& session_id() const { return session_id_; }
  // Closes the socket with close_code::session_ended; nothing more is sent.
  void end_session();

 private:
  void send_locked(const Event& e);
  void close_locked(std::uint16_t code, std::string reason);
  bool take_token();

  Hub& hub_;
  const domain::Actor actor_;
  const std::optional<std::uint64_t> last_id_;
  const std::string session_id_;
  const domain::Millis session_expires_at_;  // 0: never
  std::mutex mu_;
  std::shared_ptr<http::WebSocketPeer> peer_;
  bool closed_ = false;
  std::deque<std::uint64_t> unacked_;
  double tokens_;
  std::chrono::steady_clock::time_point refilled_;
};

}  // namespace greenroom::live
