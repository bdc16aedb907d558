#pragma once
// The coach's review queue and verdicts with a rubric.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> review_queue(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_review(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_reviews(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
