#pragma once
// The caller's own sessions: list them (GET /me/sessions), end one (DELETE
// /me/sessions/{id}) or all but the current (DELETE /me/sessions). A session is named by its
// public id, never by its token or the token's hash.
#include <boost/asio/awaitable.hpp>
#include <string>
#include <string_view>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

inline constexpr std::size_t kUserAgentBytes = 200;

// The User-Agent as stored: control characters dropped, cut to kUserAgentBytes on a UTF-8
// character boundary.
std::string clean_user_agent(std::string_view agent);

boost::asio::awaitable<http::Response> list_sessions(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> end_session(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> end_other_sessions(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
