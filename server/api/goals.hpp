#pragma once
// Goals with deadlines set by coaches, and the goal reminder sweep.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"
#include "store/database.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_goals(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_goal(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> delete_goal(Services& s, http::RequestContext& ctx);

// Writer job: tells the executive and the coach about goals due within 48 hours (once).
int remind_due_goals(store::Connection& c);

}  // namespace greenroom::api
