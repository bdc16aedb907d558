#pragma once
// External feed hosts an admin allows for the reading list (off by default: a host not on
// this list is never fetched). GET/PUT/DELETE /api/v1/admin/feed-hosts[/{host}].
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_feed_hosts(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> allow_feed_host(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> remove_feed_host(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
