#pragma once
// Sessions: login, logout, me, and authenticate() which every protected handler calls
// first (cookie -> live session -> user; CSRF token checked on state-changing methods).
#include <boost/asio/awaitable.hpp>
#include <string>

#include "api/services.hpp"
#include "domain/model.hpp"
#include "http/context.hpp"
#include "store/records.hpp"

namespace greenroom::api {

inline constexpr std::string_view kSessionCookie = "gr_session";

struct Principal {
  store::UserRecord user;
  std::string csrf_token;
  std::string token_hash;
  std::string session_id;      // the session's public id
  domain::Millis auth_at = 0;  // last password or TOTP proof
  bool totp_enabled = false;
  domain::Millis expires_at = 0;  // when the session ends by itself
  domain::Actor actor() const { return {user.id, user.role, user.level}; }
};

// Which routes a signed-in user whose role requires TOTP may use before enrolling.
enum class Gate {
  full,       // every route: 403 totp_enrolment_required until enrolled
  enrolment,  // GET /me, /me/totp..., /auth/reauth, logout
};

// Throws 401 unauthenticated, 403 csrf_failed for an unsafe method without the token, or
// 403 totp_enrolment_required (Gate::full) for a role that must use TOTP and has not.
// Notes the session's last use (at most once a minute, through the writer, not awaited).
Principal authenticate(Services& s, http::RequestContext& ctx, Gate gate = Gate::full);

boost::asio::awaitable<http::Response> login(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> logout(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> me(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
