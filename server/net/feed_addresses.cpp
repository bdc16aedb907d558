#include "net/feed_addresses.hpp"

#include <algorithm>
#include <stdexcept>

namespace greenroom::net {

namespace ip = boost::asio::ip;

namespace {

bool public_v4(const ip::address_v4& a) {
  const auto b = a.to_bytes();
  if (b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224) return false;
  if (b[0] == 169 && b[1] == 254) return false;
  if (b[0] == 172 && (b[1] & 0xF0) == 16) return false;
  if (b[0] == 192 && b[1] == 168) return false;
  if (b[0] == 100 && (b[1] & 0xC0) == 64) return false;  // shared (CGNAT)
  if (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2)) return false;
  if (b[0] == 198 && (b[1] == 18 || b[1] == 19)) return false;  // benchmarking
  if (b[0] == 198 && b[1] == 51 && b[2] == 100) return false;   // documentation
  if (b[0] == 203 && b[1] == 0 && b[2] == 113) return false;    // documentation
  return true;
}

ip::address canonical(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

}  // namespace

bool is_public_address(const ip::address& raw) {
  const auto a = canonical(raw);
  if (a.is_v4()) return public_v4(a.to_v4());
  const auto v6 = a.to_v6();
  if (v6.is_unspecified() || v6.is_loopback() || v6.is_link_local() || v6.is_site_local() ||
      v6.is_multicast())
    return false;
  const auto b = v6.to_bytes();
  bool v4_compatible = true;  // ::a.b.c.d (deprecated, never public)
  for (int i = 0; i < 12; ++i) v4_compatible = v4_compatible && b[i] == 0;
  if (v4_compatible) return false;
  if ((b[0] & 0xFE) == 0xFC) return false;  // unique local fc00::/7
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // docs
  // NAT64 64:ff9b::/96 reaches the IPv4 address in its last four bytes.
  static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  bool is_nat64 = true;
  for (int i = 0; i < 12; ++i) is_nat64 = is_nat64 && b[i] == nat64[i];
  if (is_nat64)
    return public_v4(ip::address_v4(ip::address_v4::bytes_type{b[12], b[13], b[14], b[15]}));
  // Local-use NAT64 64:ff9b:1::/48 (RFC 8215) translates into the operator's own network.
  if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
    return false;
  // 6to4 2002::/16 carries an IPv4 address in bytes 2..5: a relay would reach it.
  if (b[0] == 0x20 && b[1] == 0x02)
    return public_v4(ip::address_v4(ip::address_v4::bytes_type{b[2], b[3], b[4], b[5]}));
  // Teredo 2001::/32 tunnels to an IPv4 address of the relay's choosing: never fetched.
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return false;
  return true;
}

AllowedAddress parse_allowed_address(const std::string& entry) {
  AllowedAddress out;
  std::string addr = entry, port;
  if (!entry.empty() && entry.front() == '[') {
    auto close = entry.find(']');
    if (close == std::string::npos) throw std::invalid_argument(entry + " has no closing ']'");
    addr = entry.substr(1, close - 1);
    if (close + 1 < entry.size()) {
      if (entry[close + 1] != ':') throw std::invalid_argument(entry + " is not [address]:port");
      port = entry.substr(close + 2);
    }
  } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
    auto colon = entry.find(':');
    addr = entry.substr(0, colon);
    port = entry.substr(colon + 1);
  }
  boost::system::error_code ec;
  out.address = canonical(ip::make_address(addr, ec));
  if (ec) throw std::invalid_argument(entry + " is not an IP address (with an optional :port)");
  if (!entry.empty() && entry.front() == '[' && port.empty() && entry.back() != ']')
    throw std::invalid_argument(entry + " is not [address]:port");
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) < 1 || std::stoi(port) > 65535)
      throw std::invalid_argument(entry + ": the port must be a number from 1 to 65535");
    out.port = static_cast<std::uint16_t>(std::stoi(port));
  }
  return out;
}

std::vector<AllowedAddress> parse_allowed_addresses(const std::vector<std::string>& entries) {
  std::vector<AllowedAddress> out;
  for (const auto& e : entries) out.push_back(parse_allowed_address(e));
  return out;
}

bool address_permitted(const ip::address& raw, std::uint16_t port,
                       const std::vector<AllowedAddress>& allowed) {
  const auto a = canonical(raw);
  for (const auto& entry : allowed)
    if (entry.address == a && (!entry.port || *entry.port == port)) return true;
  return is_public_address(a);
}

}  // namespace greenroom::net
