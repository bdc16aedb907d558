#pragma once
// Editing, submitting, publishing and withdrawing posts, and their edit history.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> edit_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> submit_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> publish_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> withdraw_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> post_versions(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
