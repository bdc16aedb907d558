#pragma once
// Which addresses the feed fetcher may connect to: public unicast addresses only, unless an
// address is allowed explicitly by configuration (reading.allow_addresses, or
// `serve --feed-allow-address`; tests use it for a feed server on loopback). An entry is an
// address ("127.0.0.1", "::1") or an address with a port ("127.0.0.1:8080", "[::1]:8080"),
// which then allows that port only.
#include <boost/asio/ip/address.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace greenroom::net {

struct AllowedAddress {
  boost::asio::ip::address address;
  std::optional<std::uint16_t> port;
};

// Throws std::invalid_argument naming the entry that is not an address[:port].
AllowedAddress parse_allowed_address(const std::string& entry);
std::vector<AllowedAddress> parse_allowed_addresses(const std::vector<std::string>& entries);

// False for unspecified, loopback, private (RFC 1918, unique local), shared (100.64/10),
// link-local, multicast, documentation, benchmarking and reserved addresses, and for IPv6
// forms that embed one (IPv4-mapped, NAT64).
bool is_public_address(const boost::asio::ip::address& a);

// True when (a, port) is allowed explicitly, or `a` is public.
bool address_permitted(const boost::asio::ip::address& a, std::uint16_t port,
                       const std::vector<AllowedAddress>& allowed);

}  // namespace greenroom::net
