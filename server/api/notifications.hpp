#pragma once
// The signed-in user's notifications: listing and marking read.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_notifications(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> read_notifications(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
