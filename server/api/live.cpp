#include "api/live.hpp"

#include <boost/beast/websocket/rfc6455.hpp>
#include <charconv>

#include "api/auth.hpp"
#include "domain/errors.hpp"
#include "live/hub.hpp"
#include "live/subscriber.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {

// The browser's Origin must be this server: the scheme of the connection (or https, for a
// TLS-terminating proxy in front) and the Host the request was sent to.
bool same_origin(const http::RequestContext& ctx) {
  auto origin = ctx.header("Origin");
  auto host = ctx.header("Host");
  if (!origin || !host || host->empty()) return false;
  if (*origin == "https://" + *host) return true;
  return !ctx.connection().tls && *origin == "http://" + *host;
}

std::optional<std::uint64_t> read_last_id(const http::RequestContext& ctx) {
  auto raw = ctx.query("last_id");
  if (!raw) return std::nullopt;
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || end != raw->data() + raw->size() || raw->empty())
    throw d::bad_request("last_id must be the id of the last event received (digits).",
                         "bad_last_id");
  return v;
}

}  // namespace

boost::asio::awaitable<http::Response> live_channel(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!same_origin(ctx))
    throw d::forbidden("The live channel is open only to pages of this server (Origin).",
                       "bad_origin");
  if (!boost::beast::websocket::is_upgrade(ctx.request()))
    throw d::bad_request("This address speaks WebSocket; connect with a WebSocket client.",
                         "websocket_required");
  const auto last_id = read_last_id(ctx);
  if (!s.live)
    throw d::Error(d::ErrorKind::unavailable, "unavailable", "Live updates are not running.");
  auto subscriber = s.live->subscribe(p.actor(), last_id, p.session_id, p.expires_at);
  if (!subscriber)
    throw d::Error(d::ErrorKind::rate_limited, "too_many_live_connections",
                   "You have " + std::to_string(s.live->options().max_per_user) +
                       " live connections open already (one per open tab); close one and "
                       "reload.");
  ctx.upgrade = std::move(subscriber);
  co_return http::Response{http::Status::switching_protocols, 11};
}

}  // namespace greenroom::api
