#pragma once
// GET /api/v1/search: full-text search over what the caller may see, ranked by relevance
// with a gentle preference for recent items, each item with a snippet as segments.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> search(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
