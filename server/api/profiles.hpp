#pragma once
// Reading the social graph: the Following feed, a topic's posts, a person's profile and
// published posts, and the people lookup the composer's @-autocompletion uses. Every listing
// is the feed's {"items","next"} with the same cursor, and shows only what the one
// visibility rule lets the caller read.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> following_feed(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> topic_posts(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> user_profile(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> user_posts(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> people_lookup(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
