#pragma once
// Trusted proxies: addresses and CIDR ranges (IPv4 and IPv6) whose X-Forwarded-For header is
// believed. The client of a request is the right-most address of the chain
// "X-Forwarded-For..., TCP peer" that is not a trusted proxy; from any other peer the header
// is ignored and the client is the peer.
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace greenroom::net {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Parses "192.0.2.10", "10.0.0.0/8", "::1", "fd00::/8"; throws std::invalid_argument with a
  // message saying what is wrong with the entry (bad syntax, host bits set in a range).
  static TrustedProxies parse(const std::vector<std::string>& entries);

  bool empty() const { return v4_.empty() && v6_.empty(); }
  bool contains(const boost::asio::ip::address& a) const;

  // The client address for a request from `peer` carrying these X-Forwarded-For values (one
  // per header line, each a comma-separated list).
  boost::asio::ip::address client_of(const boost::asio::ip::address& peer,
                                     const std::vector<std::string_view>& forwarded_for) const;

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it carries.
boost::asio::ip::address unmapped(const boost::asio::ip::address& a);

}  // namespace greenroom::net
