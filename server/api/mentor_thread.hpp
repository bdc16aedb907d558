#pragma once
// The executive's private questions to their reverse mentor on a post, and the answers.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_mentor_thread(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> post_mentor_thread(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
