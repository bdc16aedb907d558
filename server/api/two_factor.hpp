#pragma once
// TOTP enrolment for the signed-in user: GET /me/totp (status), POST /me/totp (a new secret
// awaiting confirmation), POST /me/totp/confirm {"code"} (turns it on; returns the recovery
// codes, shown once) and DELETE /me/totp {"password","code"} (turns it off).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> totp_status(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> start_totp(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> confirm_totp(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> disable_totp(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
