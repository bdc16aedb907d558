#pragma once
// Re-authentication: sensitive actions (role changes, policy edits, audit export) need a
// recent proof of who is at the keyboard, not only a session cookie.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

// Throws 401 reauth_required when the session's last password or TOTP proof is older than
// the configured window (security.reauth_seconds, 10 minutes by default).
void require_recent_auth(const Services& s, const Principal& p);

// POST /api/v1/auth/reauth {"password"} or {"totp_code"}: renews the session's proof time.
boost::asio::awaitable<http::Response> reauth(Services& s, http::RequestContext& ctx);
// PUT /api/v1/me/password {"current_password","new_password"}: ends every other session.
boost::asio::awaitable<http::Response> change_password(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
