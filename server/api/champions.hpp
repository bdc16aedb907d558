#pragma once
// Digital champions: staff members who know social media, marked by admins and coaches.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_champions(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mark_champion(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unmark_champion(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
