// Fuzz target for what a client sends on the live channel (live/inbound, live/subscriber):
// any text either parses as exactly a ping or an ack with an unsigned id, or is refused; a
// subscriber fed the same bytes answers a ping with one pong, takes an ack silently, and closes
// with 1008 on anything else, never a crash and never a second close.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "live/hub.hpp"
#include "live/inbound.hpp"
#include "live/subscriber.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

struct RecordingPeer : greenroom::http::WebSocketPeer {
  std::vector<std::string> sent;
  std::vector<std::uint16_t> closes;
  bool send(std::shared_ptr<const std::string> text) override {
    sent.push_back(*text);
    return true;
  }
  void close(std::uint16_t code, std::string) override { closes.push_back(code); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace live = greenroom::live;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto in = live::parse_inbound(text);
  if (in) {
    check(text.size() <= live::kMaxInboundBytes);
    check(in->kind == live::Inbound::Kind::ack || in->id == 0);
  }

  live::Hub hub(
      {}, [](std::int64_t, std::int64_t) { return greenroom::domain::Relation{}; }, 1);
  auto sub = hub.subscribe({7, greenroom::domain::Role::member, std::nullopt}, std::nullopt);
  auto peer = std::make_shared<RecordingPeer>();
  sub->on_open(peer);
  check(peer->sent.size() == 1);  // hello
  sub->on_message(text);
  if (in && in->kind == live::Inbound::Kind::ping) {
    check(peer->sent.size() == 2 && peer->sent[1] == R"({"type":"pong"})");
  } else {
    check(peer->sent.size() == 1);
  }
  check(peer->closes.size() == (in ? 0u : 1u));
  if (!in) check(peer->closes[0] == greenroom::http::close_code::policy);
  sub->on_message(text);  // after a close nothing more happens
  check(peer->closes.size() <= 1);
  sub->on_close();
  check(hub.subscriber_count() == 0);
  return 0;
}
