#pragma once
// The signed-in user's notifications: listing and marking read.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"
#include "store/database.hpp"

namespace greenroom::api {

// Unread notices the reader may still see: one about a post that has since been hidden,
// removed or gone out of reach is not counted (the list leaves it out too).
std::int64_t visible_unread_count(store::Connection& c, const domain::Actor& reader);

boost::asio::awaitable<http::Response> list_notifications(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> read_notifications(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
