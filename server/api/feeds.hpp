#pragma once
// Private Atom feeds: the caller's feed token (GET / POST /api/v1/me/feed-token) and the
// feeds reached with it (GET /feeds/{token}/company.atom, /feeds/{token}/users/{name}.atom,
// /feeds/{token}/topics/{tag}.atom, /feeds/{token}/blogs/{id}.atom).
// A feed holds what the token's owner may see right now, by the one rule; a wrong or voided
// token, or a disabled owner, gets 404.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> get_feed_token(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> rotate_feed_token(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> company_atom(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> user_atom(Services& s, http::RequestContext& ctx);
// GET /feeds/{token}/topics/{tag}.atom: the topic's posts, as the topic page lists them.
boost::asio::awaitable<http::Response> topic_atom(Services& s, http::RequestContext& ctx);
// GET /feeds/{token}/blogs/{id}.atom: the blog's published articles and answered questions.
boost::asio::awaitable<http::Response> blog_atom(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
