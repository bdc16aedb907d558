#pragma once
// The moderator's job: reports from anyone who sees an item, the queue of reported items
// (moderators, admins), and actions with a required reason.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "domain/moderation.hpp"
#include "http/context.hpp"
#include "store/moderation_repository.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> create_report(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> moderation_queue(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> moderation_action(Services& s, http::RequestContext& ctx);

// The post or reply if `actor` may see it (the one visibility rule); 404 otherwise.
store::ModeratedRecord load_visible_item(store::Connection& c, const domain::Actor& actor,
                                         domain::TargetType type, std::int64_t id);

}  // namespace greenroom::api
