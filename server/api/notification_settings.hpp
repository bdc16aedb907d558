#pragma once
// Per-person switches for the notices of everyday activity (domain::kEverydayKinds):
// GET /api/v1/me/notification-settings and PUT with {"kind": true|false, ...}.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> get_notification_settings(Services& s,
                                                                 http::RequestContext& ctx);
boost::asio::awaitable<http::Response> put_notification_settings(Services& s,
                                                                 http::RequestContext& ctx);

}  // namespace greenroom::api
