#pragma once
// The feed fetcher's HTTP(S) client (Beast): one GET with a connect timeout, a read timeout
// covering the whole response, a size cap, at most `max_redirects` redirects, TLS verified
// against the system CA store (OpenSSL default paths) with SNI and host name verification.
// Every hop's host must pass `host_allowed` (the admin's list) and every address its name
// resolves to must pass net::address_permitted, before anything is sent; it then connects
// only to those checked addresses.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "domain/feed_url.hpp"
#include "net/feed_addresses.hpp"

namespace greenroom::net {

struct FeedFetchOptions {
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds read_timeout{20000};
  std::size_t max_bytes = 1 << 20;
  int max_redirects = 3;
  std::vector<AllowedAddress> allowed_addresses;
};

struct FeedFetchResult {
  std::string body;
  std::string final_url;
  std::string error_code;  // empty on success
  std::string error_message;
  bool ok() const { return error_code.empty(); }
};

// The client TLS context: peer verification on, the system's CA store, TLS 1.2 or later.
boost::asio::ssl::context make_feed_tls_context();

using HostAllowed = std::function<bool(const std::string& host)>;

// Never throws (every failure is a result with an error code: feed_host_not_allowed,
// feed_address_refused, feed_resolve_failed, feed_timeout, feed_unreachable,
// feed_tls_failed, feed_too_large, feed_http_status, feed_redirect_invalid,
// feed_too_many_redirects).
boost::asio::awaitable<FeedFetchResult> fetch_feed(domain::FeedUrl url,
                                                   const FeedFetchOptions& opts,
                                                   boost::asio::ssl::context& tls,
                                                   HostAllowed host_allowed);

}  // namespace greenroom::net
