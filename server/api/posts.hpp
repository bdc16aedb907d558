#pragma once
// Posts, replies, likes, the feed and the caller's own posts.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> create_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> add_reply(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> like_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unlike_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> feed(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> my_posts(Services& s, http::RequestContext& ctx);

// The post if `p` may see it; otherwise 404, exactly as if it did not exist.
store::PostRecord load_visible_post(Services& s, const Principal& p, std::int64_t post_id);

}  // namespace greenroom::api
