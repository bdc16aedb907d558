#include "live/inbound.hpp"

#include <nlohmann/json.hpp>

namespace greenroom::live {

std::optional<Inbound> parse_inbound(std::string_view text) {
  if (text.size() > kMaxInboundBytes) return std::nullopt;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto type = j.find("type");
  if (type == j.end() || !type->is_string()) return std::nullopt;
  const auto& name = type->get_ref<const std::string&>();
  if (name == "ping") {
    if (j.size() != 1) return std::nullopt;
    return Inbound{Inbound::Kind::ping, 0};
  }
  if (name == "ack") {
    auto id = j.find("id");
    if (j.size() != 2 || id == j.end() || !id->is_number_unsigned()) return std::nullopt;
    return Inbound{Inbound::Kind::ack, id->get<std::uint64_t>()};
  }
  return std::nullopt;
}

}  // namespace greenroom::live
