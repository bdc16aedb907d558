#pragma once
// Coaches' annotations on exact words of a post, replies, resolving, applying suggestions.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_annotations(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> reply_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> resolve_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> apply_annotation(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
