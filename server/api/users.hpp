#pragma once
// Accounts (admin), coach assignments (admin), the coach's cohort and training levels.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_users(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> update_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> assign_coach(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unassign_coach(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> cohort(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> set_level(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
