#pragma once
// Addresses of external feeds (the reading list): absolute http(s) URLs with a host name or
// IPv4 address, no user information. Pure parsing; the fetcher (net/feed_client) resolves
// and checks the addresses, the admin's host list (feed_hosts) decides which hosts may be
// fetched at all.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace greenroom::domain {

inline constexpr std::size_t kMaxFeedUrlBytes = 2000;

struct FeedUrl {
  bool tls = true;   // https
  std::string host;  // lower case
  std::uint16_t port = 443;
  std::string target;  // path and query, starting with '/'
  // The normalised text: scheme://host[:port]target (the port only when not the default).
  std::string text() const;
};

// nullopt for anything that is not an absolute http(s) URL of at most kMaxFeedUrlBytes with
// a valid host (see valid_feed_host), an optional port 1..65535, and printable ASCII only
// (no spaces, no user information, no fragment kept).
std::optional<FeedUrl> parse_feed_url(std::string_view s);

// A redirect's Location against the URL that gave it: an absolute http(s) URL or an
// absolute path on the same origin; nullopt for anything else.
std::optional<FeedUrl> resolve_redirect(const FeedUrl& base, std::string_view location);

// A host name an admin may allow: lower-case letters, digits, '-' and '.', labels of
// 1..63 characters not starting or ending with '-', at most 253 characters, at least one
// letter or a dotted IPv4 address. Callers lower-case first.
bool valid_feed_host(std::string_view host);

// The text as a link we may show: an absolute http(s) URL of printable ASCII (at most
// kMaxFeedUrlBytes), else nullopt.
std::optional<std::string> safe_link(std::string_view s);

}  // namespace greenroom::domain
