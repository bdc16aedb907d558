#include "api/auth.hpp"
#include "api/notifications.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/credentials.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/second_factor.hpp"
#include "api/sessions.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/session_repository.hpp"
#include "store/totp_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
using domain::Error;
using domain::ErrorKind;

namespace {

bool is_unsafe(http::Verb v) {
  return v != http::Verb::get && v != http::Verb::head && v != http::Verb::options;
}

std::string session_cookie(const std::string& token, long max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; Secure; HttpOnly; SameSite=Lax";
}

}  // namespace

Principal authenticate(Services& s, http::RequestContext& ctx, Gate gate) {
  auto token = ctx.cookie(kSessionCookie);
  if (!token || token->empty() || token->size() > 128)
    throw Error(ErrorKind::unauthenticated, "unauthenticated", "Sign in first.");
  auto hash = sha256_bytes(*token);
  std::optional<store::SessionRecord> session;
  const auto now = domain::now_millis();
  {
    auto conn = s.reads.acquire();
    session = store::SessionRepository::find(*conn, hash, now);
  }
  if (!session)
    throw Error(ErrorKind::unauthenticated, "unauthenticated",
                "Your session has expired or was ended; sign in again.");
  ctx.user_id = session->user.id;
  auto csrf = csrf_token_for(*token);
  if (is_unsafe(ctx.method())) {
    auto sent = ctx.header("X-CSRF-Token");
    if (!sent || !equal_secrets(*sent, csrf))
      throw domain::forbidden(
          "This request needs the X-CSRF-Token header with the token given at sign-in.",
          "csrf_failed");
  }
  if (s.activity.should_touch(hash, session->last_seen_at, now)) {
    s.writer.submit(
        [hash, ip = ctx.connection().client_ip, now](store::Connection& c) {
          store::SessionRepository::touch(c, hash, ip, now, kTouchGap);
        },
        [](std::exception_ptr) {});  // a missed "last seen" is not worth failing a request
  }
  if (gate == Gate::full && !session->totp_enabled && s.settings.totp_required(session->user.role))
    throw domain::forbidden(
        "Your role must sign in with an authenticator app: set it up under Security "
        "(POST /api/v1/me/totp) before doing anything else.",
        "totp_enrolment_required");
  return Principal{std::move(session->user), std::move(csrf),
                   std::move(hash),          std::move(session->public_id),
                   session->auth_at,         session->totp_enabled,
                   session->expires_at};
}

awaitable<http::Response> login(Services& s, http::RequestContext& ctx) {
  auto body = read_json_object(ctx, {"username", "password", "totp_code", "recovery_code"});
  auto username = require_string(body, "username");
  auto password = require_string(body, "password");
  if (username.empty() || username.size() > 64 || password.empty() || password.size() > 1024)
    throw domain::bad_request("Give a username (1-64 characters) and a password.");
  const auto factor = read_second_factor(body);

  const auto& ip = ctx.connection().client_ip;
  const auto decision = s.limiter.begin(username, ip);
  if (decision.retry_after > 0) {
    auto res = http::error_response(http::Status::too_many_requests, "rate_limited",
                                    "Too many failed sign-in attempts; try again in " +
                                        std::to_string(decision.retry_after) + " seconds.");
    res.set(http::bhttp::field::retry_after, std::to_string(decision.retry_after));
    co_return res;
  }
  if (decision.busy) {
    auto res = http::error_response(
        http::Status::service_unavailable, "unavailable",
        "Too many sign-ins are being checked right now; try again in a moment.");
    res.set(http::bhttp::field::retry_after, "1");
    co_return res;
  }
  // Every path below ends the attempt begun above, exactly once.
  LoginLimiter::Guard attempt{s.limiter, username, ip, decision.attempt};

  std::optional<store::UserRecord> user;
  {
    auto conn = s.reads.acquire();
    user = store::UserRepository::find_by_username(*conn, username);
  }
  const std::string hash =
      user && !user->disabled ? user->password_hash : decoy_hash(s.settings.argon2);
  auto verify = [&] { return verify_password(password, hash); };
  bool ok = co_await run_blocking(s.blocking, std::move(verify));
  ok = ok && user && !user->disabled;
  if (!ok) {
    auto audit = [username, ip](store::Connection& c) {
      record_audit(c, ip, std::nullopt, "login_failed", "user", std::nullopt,
                   {{"username", username}});
    };
    co_await write(s.writer, std::move(audit));
    throw Error(ErrorKind::unauthenticated, "invalid_credentials",
                "The username or password is not right.");
  }
  bool totp_enabled = false;
  {
    auto conn = s.reads.acquire();
    auto totp = store::TotpRepository::find(*conn, user->id);
    totp_enabled = totp && totp->enabled;
  }
  if (totp_enabled && factor.kind == SecondFactor::Kind::none) {
    // The password was right and no code was guessed: this attempt is taken back.
    attempt.success = true;
    throw Error(ErrorKind::unauthenticated, "totp_required",
                "Enter the 6-digit code from your authenticator app (or a recovery code).");
  }
  // Hashes made under older (cheaper) settings are upgraded while the password is at hand.
  std::string upgraded;
  if (needs_rehash(user->password_hash, s.settings.argon2)) {
    auto rehash = [&] { return hash_password(password, s.settings.argon2); };
    upgraded = co_await run_blocking(s.blocking, std::move(rehash));
  }

  auto token = random_token();
  auto csrf = csrf_token_for(token);
  auto now = domain::now_millis();
  auto ttl_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(s.settings.session_ttl).count();
  auto start_session =
      [hash = sha256_bytes(token), uid = user->id, now, ttl_ms, ip, upgraded,
       factor = totp_enabled ? factor : SecondFactor{}, public_id = random_token(16),
       agent = clean_user_agent(ctx.header("User-Agent").value_or(""))](store::Connection& c) {
        if (factor.kind != SecondFactor::Kind::none && !spend_second_factor(c, uid, factor, now)) {
          record_audit(c, ip, uid, "login_failed", "user", uid, {{"reason", "second_factor"}});
          return false;
        }
        store::SessionRepository::insert(c, hash, uid, now, now + ttl_ms);
        store::SessionRepository::describe(c, hash, public_id, agent, ip, now);
        if (!upgraded.empty()) store::UserRepository::set_password_hash(c, uid, upgraded);
        auto details = nlohmann::json::object();
        if (factor.kind != SecondFactor::Kind::none) details["second_factor"] = factor.name();
        record_audit(c, ip, uid, "login", "user", uid, details);
        return true;
      };
  if (!co_await write(s.writer, std::move(start_session)))
    throw Error(ErrorKind::unauthenticated, "invalid_totp",
                "That code is not right or was already used; wait for the next code and try "
                "again.");
  attempt.success = true;
  ctx.user_id = user->id;
  auto res = http::json_response(http::Status::ok,
                                 {{"user", user_json(*user)},
                                  {"csrf_token", csrf},
                                  {"security",
                                   {{"totp_enabled", totp_enabled},
                                    {"totp_required", s.settings.totp_required(user->role)}}}});
  res.set(http::bhttp::field::set_cookie, session_cookie(token, ttl_ms / 1000));
  co_return res;
}

awaitable<http::Response> logout(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  auto end_session = [hash = p.token_hash, uid = p.user.id, sid = p.session_id,
                      client = ctx.connection().client_ip](store::Connection& c) {
    store::SessionRepository::remove(c, hash);
    live_events::sessions_ended(uid, sid);
    record_audit(c, client, uid, "logout", "user", uid);
  };
  co_await write(s.writer, std::move(end_session));
  auto res = http::json_response(http::Status::ok, {{"ok", true}});
  res.set(http::bhttp::field::set_cookie, session_cookie("", 0));
  co_return res;
}

awaitable<http::Response> me(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  std::int64_t unread = 0;
  {
    auto conn = s.reads.acquire();
    unread = visible_unread_count(*conn, p.actor());
  }
  co_return http::json_response(http::Status::ok, {{"user", user_json(p.user)},
                                                   {"csrf_token", p.csrf_token},
                                                   {"unread_notifications", unread},
                                                   {"security", security_json(s, p)}});
}

}  // namespace greenroom::api
