#pragma once
// The leader publishes: scheduled publishing of an approved post, the sweep that publishes
// what fell due (also at start, for schedules that fell due while the server was down), and
// corrections of a published post (directly at Run, through review below it).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"
#include "store/database.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> schedule_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unschedule_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> correct_post(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> publish_correction(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> discard_correction(Services& s, http::RequestContext& ctx);

// Publishes every scheduled post whose time has come (inside a writer job); a post that can
// no longer be published (sent back to review, lint error, level lowered) loses its
// schedule. Returns how many were published.
int publish_due_posts(const PolicyHolder& policy, store::Connection& c);

}  // namespace greenroom::api
