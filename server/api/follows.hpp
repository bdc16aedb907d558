#pragma once
// Follows: people, topics and blogs (idempotent PUT / DELETE), and what the caller follows.
// Following someone notifies them ("new_follower"); a follow of someone or something the
// caller may not see (a disabled account, a blog that does not exist) is 404.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> follow_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unfollow_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> follow_topic(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unfollow_topic(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> follow_blog(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unfollow_blog(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> my_following(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
