#pragma once
// Accounts (admin), coach assignments (admin), the coach's cohort and training levels.
#include <boost/asio/awaitable.hpp>
#include <nlohmann/json.hpp>

#include "api/services.hpp"
#include "domain/model.hpp"
#include "http/context.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_users(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> update_user(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> assign_coach(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unassign_coach(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> cohort(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> set_level(Services& s, http::RequestContext& ctx);

// The one path a training level changes by (PUT /users/{id}/level and an accepted level
// suggestion), inside a write job: only the executive's own coaches (404 for whoever may not
// know the user, 403 for the rest); audited as "level_set" with `detail` added.
store::UserRecord change_level(store::Connection& c, const std::string& client,
                               std::int64_t actor_id, domain::Role actor_role, std::int64_t id,
                               domain::Level level,
                               const nlohmann::json& detail = nlohmann::json::object());

}  // namespace greenroom::api
