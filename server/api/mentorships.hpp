#pragma once
// Reverse-mentoring pairings: request, accept, decline, end; listings; the mentee's posts.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_mentorships(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_mentorship(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_mentorship(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> accept_mentorship(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> decline_mentorship(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> end_mentorship(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mentorship_posts(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
