#include "api/reauth.hpp"

#include "api/async.hpp"
#include "api/credentials.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/second_factor.hpp"
#include "domain/accounts.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/audit_repository.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
using domain::Error;
using domain::ErrorKind;

void require_recent_auth(const Services& s, const Principal& p) {
  const auto window_ms = static_cast<domain::Millis>(s.settings.reauth_window.count()) * 1000;
  if (domain::now_millis() - p.auth_at <= window_ms) return;
  const auto minutes = (s.settings.reauth_window.count() + 59) / 60;
  throw Error(ErrorKind::unauthenticated, "reauth_required",
              "Confirm it is you: enter your password (or an authenticator code) again. This "
              "asks for it when the last check is more than " +
                  std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes") + " old.");
}

awaitable<http::Response> reauth(Services& s, http::RequestContext& ctx) {
  // Allowed before a required enrolment: starting one may itself ask for re-authentication.
  auto p = authenticate(s, ctx, Gate::enrolment);
  auto body = read_json_object(ctx, {"password", "totp_code"});
  auto password = optional_string(body, "password");
  auto factor = read_second_factor(body);
  if (password.has_value() == (factor.kind != SecondFactor::Kind::none))
    throw domain::bad_request("Send either your password or a totp_code.");
  const auto now = domain::now_millis();
  if (password) {
    if (!co_await check_password(s, ctx, p, *password))
      throw Error(ErrorKind::unauthenticated, "invalid_credentials", "The password is not right.");
    auto job = [hash = p.token_hash, uid = p.user.id, now](store::Connection& c) {
      store::SessionRepository::set_auth_at(c, hash, now);
      store::AuditRepository::record(c, now, uid, "reauthenticated", "user", uid);
    };
    co_await write(s.writer, std::move(job));
  } else {
    if (!p.totp_enabled)
      throw domain::bad_request("You have no authenticator app set up; give your password.");
    auto job = [hash = p.token_hash, uid = p.user.id, factor, now](store::Connection& c) {
      if (!spend_second_factor(c, uid, factor, now)) return false;
      store::SessionRepository::set_auth_at(c, hash, now);
      store::AuditRepository::record(c, now, uid, "reauthenticated", "user", uid,
                                     nlohmann::json{{"second_factor", "totp"}}.dump());
      return true;
    };
    if (!co_await write(s.writer, std::move(job)))
      throw Error(ErrorKind::unauthenticated, "invalid_totp",
                  "That code is not right or was already used; wait for the next code.");
  }
  co_return http::json_response(http::Status::ok,
                                {{"ok", true}, {"auth_at", domain::format_rfc3339(now)}});
}

awaitable<http::Response> change_password(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"current_password", "new_password"});
  auto current = require_string(body, "current_password");
  auto next = require_string(body, "new_password");
  domain::validate_password(next);
  if (next == current)
    throw domain::bad_request("The new password must differ from the current one.");
  if (!co_await check_password(s, ctx, p, current))
    throw Error(ErrorKind::unauthenticated, "invalid_credentials",
                "The current password is not right.");
  auto hash_it = [next, params = s.settings.argon2] { return hash_password(next, params); };
  auto hash = co_await run_blocking(s.blocking, std::move(hash_it));
  auto job = [uid = p.user.id, keep = p.token_hash, sid = p.session_id,
              hash](store::Connection& c) {
    const auto now = domain::now_millis();
    store::UserRepository::set_password_hash(c, uid, hash);
    int ended = store::SessionRepository::remove_others(c, uid, keep);
    live_events::sessions_ended(uid, std::nullopt, sid);
    store::SessionRepository::set_auth_at(c, keep, now);
    store::AuditRepository::record(c, now, uid, "password_changed", "user", uid,
                                   nlohmann::json{{"ended_sessions", ended}}.dump());
    return ended;
  };
  auto ended = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}, {"ended_sessions", ended}});
}

}  // namespace greenroom::api
