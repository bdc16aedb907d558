#pragma once
// The reading list: a person's external feed subscriptions, the reading view (the posts they
// follow merged with their feeds' entries, newest first, read/unread per person, "N new since
// yesterday"), read markers.
// Everything here belongs to the caller alone: another person's subscriptions and read
// state are never shown (an entry of a feed the caller does not follow is 404).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_reading_feeds(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> subscribe_feed(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unsubscribe_feed(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> reading_view(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mark_entry_read(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mark_entry_unread(Services& s, http::RequestContext& ctx);
// PUT / DELETE /api/v1/reading/posts/{id}/read: a followed post's read marker in the view.
boost::asio::awaitable<http::Response> mark_post_read(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mark_post_unread(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
