#pragma once
// Engagement analytics: a person's weekly activity, and the joining effect (the company
// space's activity around a person's first company post). Counting rules: docs/API.md.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> user_analytics(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> joining_effect(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
