#include "live/subscriber.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/time.hpp"
#include "live/hub.hpp"
#include "live/inbound.hpp"

namespace greenroom::live {

namespace {
std::shared_ptr<const std::string> message(const char* type, std::uint64_t id) {
  return std::make_shared<const std::string>(nlohmann::json{{"type", type}, {"id", id}}.dump());
}
}  // namespace

Subscriber::Subscriber(Hub& hub, domain::Actor actor, std::optional<std::uint64_t> last_id,
                       std::string session_id, domain::Millis session_expires_at)
    : hub_(hub),
      actor_(actor),
      last_id_(last_id),
      session_id_(std::move(session_id)),
      session_expires_at_(session_expires_at),
      tokens_(hub.options().inbound_burst),
      refilled_(std::chrono::steady_clock::now()) {}

Subscriber::~Subscriber() {
  hub_.release(actor_.id);
}

void Subscriber::on_open(std::shared_ptr<http::WebSocketPeer> peer) {
  std::lock_guard lock(mu_);
  peer_ = std::move(peer);
  if (closed_) {  // its session ended before the socket opened
    peer_->close(http::close_code::session_ended, "signed out: sign in again");
    return;
  }
  // Registered and caught up under this subscriber's lock, so no new event overtakes the
  // missed ones.
  auto attached = hub_.attach(shared_from_this(), last_id_);
  if (!attached.missed) {
    peer_->send(message("reload", attached.newest));
    return;
  }
  peer_->send(message("hello", attached.newest));
  for (const auto& e : *attached.missed)
    if (hub_.may_receive(actor_, e.audience)) send_locked(e);
}

void Subscriber::deliver(const Event& e) {
  if (!hub_.may_receive(actor_, e.audience)) return;
  std::lock_guard lock(mu_);
  send_locked(e);
}

void Subscriber::end_session() {
  std::lock_guard lock(mu_);
  if (!peer_) {
    closed_ = true;  // not open yet: on_open closes it at once
    return;
  }
  close_locked(http::close_code::session_ended, "signed out: sign in again");
}

void Subscriber::send_locked(const Event& e) {
  if (closed_ || !peer_) return;
  if (session_expires_at_ && domain::now_millis() >= session_expires_at_) {
    close_locked(http::close_code::session_ended, "session expired: sign in again");
    return;
  }
  if (unacked_.size() >= hub_.options().max_unacked) {
    close_locked(http::close_code::slow_consumer, "slow consumer: reconnect and catch up");
    return;
  }
  unacked_.push_back(e.id);
  if (!peer_->send(e.text)) closed_ = true;  // the peer closed itself (its queue overflowed)
}

void Subscriber::close_locked(std::uint16_t code, std::string reason) {
  if (closed_) return;
  closed_ = true;
  if (peer_) peer_->close(code, std::move(reason));
}

bool Subscriber::take_token() {
  const auto now = std::chrono::steady_clock::now();
  const auto& o = hub_.options();
  tokens_ =
      std::min(o.inbound_burst, tokens_ + std::chrono::duration<double>(now - refilled_).count() *
                                              o.inbound_per_second);
  refilled_ = now;
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

void Subscriber::on_message(std::string_view text) {
  std::lock_guard lock(mu_);
  if (closed_) return;
  if (!take_token()) {
    close_locked(http::close_code::policy, "too many messages");
    return;
  }
  auto in = parse_inbound(text);
  if (!in) {
    close_locked(http::close_code::policy,
                 "only {\"type\":\"ping\"} and {\"type\":\"ack\",\"id\":N}");
    return;
  }
  if (in->kind == Inbound::Kind::ping) {
    if (peer_) peer_->send(std::make_shared<const std::string>(R"({"type":"pong"})"));
    return;
  }
  while (!unacked_.empty() && unacked_.front() <= in->id) unacked_.pop_front();
}

void Subscriber::on_close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
    peer_.reset();
  }
  hub_.detach(this);
}

}  // namespace greenroom::live
