#pragma once
// GET /api/v1/live: the live channel. A signed-in browser on the server's own origin upgrades
// to a WebSocket and receives the events its user may see (see live/hub.hpp, docs/API.md).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> live_channel(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
