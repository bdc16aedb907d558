#pragma once
// What a client may send on the live channel: {"type":"ping"} (answered with a pong) and
// {"type":"ack","id":N} (it has read every event up to N). Anything else is refused.
#include <cstdint>
#include <optional>
#include <string_view>

namespace greenroom::live {

inline constexpr std::size_t kMaxInboundBytes = 1024;

struct Inbound {
  enum class Kind { ping, ack };
  Kind kind = Kind::ping;
  std::uint64_t id = 0;  // ack only
};

// nullopt for anything but one of the two shapes above (unknown keys included).
std::optional<Inbound> parse_inbound(std::string_view text);

}  // namespace greenroom::live
