#include "net/feed_client.hpp"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <variant>

namespace greenroom::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;

namespace {

constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

FeedFetchResult failure(std::string code, std::string message) {
  FeedFetchResult r;
  r.error_code = std::move(code);
  r.error_message = std::move(message);
  return r;
}

struct Answer {
  int status = 0;
  std::string location;
  std::string body;
};

FeedFetchResult read_error(const boost::system::error_code& ec, const FeedFetchOptions& opts) {
  if (ec == beast::error::timeout)
    return failure("feed_timeout", "The feed's server did not answer within " +
                                       std::to_string(opts.read_timeout.count() / 1000) +
                                       " seconds.");
  if (ec == bhttp::error::body_limit || ec == bhttp::error::header_limit ||
      ec == bhttp::error::buffer_overflow)
    return failure("feed_too_large",
                   "The feed is larger than " + std::to_string(opts.max_bytes / 1024) + " KB.");
  if (ec.category() == asio::error::get_ssl_category() || ec == asio::ssl::error::stream_truncated)
    return failure("feed_tls_failed", "The secure connection failed: " + ec.message() + ".");
  return failure("feed_unreachable", "The feed could not be read: " + ec.message() + ".");
}

template <class Stream>
asio::awaitable<std::variant<Answer, FeedFetchResult>> exchange(Stream& stream,
                                                                const domain::FeedUrl& url,
                                                                const FeedFetchOptions& opts) {
  bhttp::request<bhttp::empty_body> req{bhttp::verb::get, url.target, 11};
  const bool default_port = url.port == (url.tls ? 443 : 80);
  req.set(bhttp::field::host, default_port ? url.host : url.host + ":" + std::to_string(url.port));
  req.set(bhttp::field::user_agent, "Greenroom reading list (feed fetcher)");
  req.set(bhttp::field::accept,
          "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9");
  req.set(bhttp::field::accept_encoding, "identity");
  req.set(bhttp::field::connection, "close");
  beast::get_lowest_layer(stream).expires_after(opts.read_timeout);
  auto [wec, written] = co_await bhttp::async_write(stream, req, tuple_awaitable);
  (void)written;
  if (wec) co_return read_error(wec, opts);
  beast::flat_buffer buffer(16 * 1024 + opts.max_bytes);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(opts.max_bytes);
  auto [rec, read] = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
  (void)read;
  if (rec) co_return read_error(rec, opts);
  auto res = parser.release();
  Answer a;
  a.status = static_cast<int>(res.result_int());
  if (auto it = res.find(bhttp::field::location); it != res.end())
    a.location = std::string(it->value());
  a.body = std::move(res.body());
  co_return a;
}

}  // namespace

asio::ssl::context make_feed_tls_context() {
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                  asio::ssl::context::no_tlsv1_1);
  ctx.set_default_verify_paths();
  ctx.set_verify_mode(asio::ssl::verify_peer);
  return ctx;
}

asio::awaitable<FeedFetchResult> fetch_feed(domain::FeedUrl url, const FeedFetchOptions& opts,
                                            asio::ssl::context& tls, HostAllowed host_allowed) {
  try {
    auto ex = co_await asio::this_coro::executor;
    for (int hop = 0;; ++hop) {
      if (!host_allowed(url.host))
        co_return failure("feed_host_not_allowed",
                          "The host " + url.host + " is not on the list an admin allowed.");
      // Resolve (bounded by the connect timeout) and check every address first.
      tcp::resolver resolver(ex);
      asio::steady_timer deadline(ex, opts.connect_timeout);
      auto raced =
          co_await (resolver.async_resolve(url.host, std::to_string(url.port), tuple_awaitable) ||
                    deadline.async_wait(tuple_awaitable));
      if (raced.index() == 1)
        co_return failure("feed_timeout", "Looking up " + url.host + " took too long.");
      auto [rec, results] = std::get<0>(std::move(raced));
      if (rec || results.empty())
        co_return failure("feed_resolve_failed", "The host " + url.host + " could not be found.");
      std::vector<tcp::endpoint> endpoints;
      for (const auto& r : results) {
        const auto ep = r.endpoint();
        if (!address_permitted(ep.address(), ep.port(), opts.allowed_addresses))
          co_return failure("feed_address_refused",
                            "The host " + url.host + " resolves to " + ep.address().to_string() +
                                ", a private, loopback or otherwise internal address; Greenroom "
                                "does not fetch from those.");
        endpoints.push_back(ep);
      }

      beast::tcp_stream tcp_stream(ex);
      tcp_stream.expires_after(opts.connect_timeout);
      auto [cec, connected] = co_await tcp_stream.async_connect(endpoints, tuple_awaitable);
      (void)connected;
      if (cec)
        co_return cec == beast::error::timeout
            ? failure("feed_timeout", "Connecting to " + url.host + " took too long.")
            : failure("feed_unreachable",
                      "Could not connect to " + url.host + ": " + cec.message() + ".");

      std::variant<Answer, FeedFetchResult> got;
      if (url.tls) {
        beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), tls);
        boost::system::error_code not_ip;
        asio::ip::make_address(url.host, not_ip);
        if (not_ip && !SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str()))
          co_return failure("feed_tls_failed", "Could not set the TLS server name.");
        stream.set_verify_mode(asio::ssl::verify_peer);
        stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
        beast::get_lowest_layer(stream).expires_after(opts.read_timeout);
        auto [hec] =
            co_await stream.async_handshake(asio::ssl::stream_base::client, tuple_awaitable);
        if (hec) co_return read_error(hec, opts);
        got = co_await exchange(stream, url, opts);
      } else {
        got = co_await exchange(tcp_stream, url, opts);
      }
      if (auto* f = std::get_if<FeedFetchResult>(&got)) co_return std::move(*f);
      auto& answer = std::get<Answer>(got);
      const int st = answer.status;
      if (st == 301 || st == 302 || st == 303 || st == 307 || st == 308) {
        if (hop >= opts.max_redirects)
          co_return failure(
              "feed_too_many_redirects",
              "The feed redirected more than " + std::to_string(opts.max_redirects) + " times.");
        auto next = domain::resolve_redirect(url, answer.location);
        if (!next)
          co_return failure("feed_redirect_invalid",
                            "The feed redirected to an address that is not http(s).");
        url = *next;
        continue;
      }
      if (st != 200)
        co_return failure("feed_http_status",
                          "The feed's server answered HTTP " + std::to_string(st) + ".");
      FeedFetchResult ok;
      ok.body = std::move(answer.body);
      ok.final_url = url.text();
      co_return ok;
    }
  } catch (const std::exception& e) {
    co_return failure("feed_unreachable", std::string("The feed could not be read: ") + e.what());
  }
}

}  // namespace greenroom::net
