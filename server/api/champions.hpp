#pragma once
// Digital champions: staff members who know social media, marked by admins and coaches.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_champions(Services& s, http::RequestContext& ctx);
// Staff members (role member) an admin or coach may mark, for the marking form.
boost::asio::awaitable<http::Response> champion_candidates(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> mark_champion(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unmark_champion(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
