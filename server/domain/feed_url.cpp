#include "domain/feed_url.hpp"

#include <cctype>

namespace greenroom::domain {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool printable_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c <= 0x20 || c >= 0x7f) return false;
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!std::isdigit(c)) return false;
  return true;
}

bool dotted_ipv4(std::string_view s) {
  int parts = 0;
  while (true) {
    auto dot = s.find('.');
    auto part = s.substr(0, dot);
    if (!all_digits(part) || part.size() > 3 || std::stoi(std::string(part)) > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

}  // namespace

bool valid_feed_host(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  if (dotted_ipv4(host)) return true;
  bool letter = false;
  std::size_t label = 0;
  char prev = '.';
  for (char c : host) {
    if (c == '.') {
      if (label == 0 || prev == '-') return false;
      label = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      if (label == 0 && c == '-') return false;
      if (++label > 63) return false;
      if (c >= 'a' && c <= 'z') letter = true;
    } else {
      return false;
    }
    prev = c;
  }
  return label > 0 && prev != '-' && letter;
}

std::string FeedUrl::text() const {
  std::string out = tls ? "https://" : "http://";
  out += host;
  if (port != (tls ? 443 : 80)) out += ":" + std::to_string(port);
  out += target;
  return out;
}

std::optional<FeedUrl> parse_feed_url(std::string_view s) {
  if (s.empty() || s.size() > kMaxFeedUrlBytes || !printable_ascii(s)) return std::nullopt;
  FeedUrl u;
  auto colon = s.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  const auto scheme = lower(s.substr(0, colon));
  if (scheme == "https") {
    u.tls = true;
    u.port = 443;
  } else if (scheme == "http") {
    u.tls = false;
    u.port = 80;
  } else {
    return std::nullopt;
  }
  s.remove_prefix(colon + 3);
  if (auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  auto end = s.find_first_of("/?");
  auto authority = s.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? std::string_view{} : s.substr(end);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  auto host = authority;
  if (auto pc = authority.rfind(':'); pc != std::string_view::npos) {
    auto port = authority.substr(pc + 1);
    if (!all_digits(port) || port.size() > 5) return std::nullopt;
    const int p = std::stoi(std::string(port));
    if (p < 1 || p > 65535) return std::nullopt;
    u.port = static_cast<std::uint16_t>(p);
    host = authority.substr(0, pc);
  }
  u.host = lower(host);
  if (u.host.ends_with('.')) u.host.pop_back();
  if (!valid_feed_host(u.host)) return std::nullopt;
  u.target =
      rest.empty() ? "/" : (rest.front() == '?' ? "/" + std::string(rest) : std::string(rest));
  return u;
}

std::optional<FeedUrl> resolve_redirect(const FeedUrl& base, std::string_view location) {
  if (location.empty() || location.size() > kMaxFeedUrlBytes || !printable_ascii(location))
    return std::nullopt;
  const auto scheme_end = location.find("://");
  if (scheme_end != std::string_view::npos && scheme_end <= 5 &&
      location.find_first_of("/?#") > scheme_end)
    return parse_feed_url(location);
  if (location.front() != '/' || location.starts_with("//")) return std::nullopt;
  FeedUrl u = base;
  if (auto hash = location.find('#'); hash != std::string_view::npos)
    location = location.substr(0, hash);
  u.target = std::string(location);
  return u;
}

std::optional<std::string> safe_link(std::string_view s) {
  auto u = parse_feed_url(s);
  if (!u) return std::nullopt;
  return std::string(s);
}

}  // namespace greenroom::domain
