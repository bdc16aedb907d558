#include "net/trusted_proxies.hpp"

#include <algorithm>

namespace greenroom::net {

namespace ip = boost::asio::ip;

ip::address unmapped(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

TrustedProxies TrustedProxies::parse(const std::vector<std::string>& entries) {
  TrustedProxies out;
  for (const auto& entry : entries) {
    boost::system::error_code ec;
    if (entry.find('/') == std::string::npos) {
      auto a = unmapped(ip::make_address(entry, ec));
      if (ec)
        throw std::invalid_argument("\"" + entry + "\" is not an IPv4 or IPv6 address or range");
      if (a.is_v4())
        out.v4_.emplace_back(a.to_v4(), 32);
      else
        out.v6_.emplace_back(a.to_v6(), 128);
      continue;
    }
    if (entry.find(':') == std::string::npos) {
      auto n = ip::make_network_v4(entry, ec);
      if (ec) throw std::invalid_argument("\"" + entry + "\" is not an IPv4 range (a.b.c.d/n)");
      if (n != n.canonical())
        throw std::invalid_argument("\"" + entry + "\" has host bits set; did you mean " +
                                    n.canonical().to_string() + "?");
      out.v4_.push_back(n);
    } else {
      auto n = ip::make_network_v6(entry, ec);
      if (ec) throw std::invalid_argument("\"" + entry + "\" is not an IPv6 range (prefix/n)");
      if (n != n.canonical())
        throw std::invalid_argument("\"" + entry + "\" has host bits set; did you mean " +
                                    n.canonical().to_string() + "?");
      out.v6_.push_back(n);
    }
  }
  return out;
}

bool TrustedProxies::contains(const ip::address& address) const {
  const auto a = unmapped(address);
  if (a.is_v4())
    return std::any_of(v4_.begin(), v4_.end(), [&](const ip::network_v4& n) {
      return ip::network_v4(a.to_v4(), n.prefix_length()).canonical() == n;
    });
  return std::any_of(v6_.begin(), v6_.end(), [&](const ip::network_v6& n) {
    return ip::network_v6(a.to_v6(), n.prefix_length()).canonical() == n;
  });
}

ip::address TrustedProxies::client_of(const ip::address& peer,
                                      const std::vector<std::string_view>& forwarded_for) const {
  ip::address client = unmapped(peer);
  if (empty() || !contains(client)) return client;
  // Walk the chain from the right: each hop was added by the proxy after it. Stop at the
  // first address that is not a trusted proxy (the client), or at an entry that is not an
  // address (the nearest trusted hop is then the best we know).
  constexpr int kMaxHops = 32;
  int hops = 0;
  for (auto line = forwarded_for.rbegin(); line != forwarded_for.rend(); ++line) {
    std::string_view rest = *line;
    while (!rest.empty()) {
      auto comma = rest.rfind(',');
      auto item = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (item.empty()) continue;
      if (++hops > kMaxHops) return client;
      boost::system::error_code ec;
      auto a = ip::make_address(item, ec);
      if (ec) return client;
      client = unmapped(a);
      if (!contains(client)) return client;
    }
  }
  return client;
}

}  // namespace greenroom::net
