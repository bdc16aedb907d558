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
  domain::Actor actor() const { return {user.id, user.role, user.level}; }
};

// Throws 401 unauthenticated, or 403 csrf_failed for an unsafe method without the token.
Principal authenticate(Services& s, http::RequestContext& ctx);

boost::asio::awaitable<http::Response> login(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> logout(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> me(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
