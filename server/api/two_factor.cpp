#include "api/two_factor.hpp"

#include "api/async.hpp"
#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/reauth.hpp"
#include "api/second_factor.hpp"
#include "api/totp.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/audit_repository.hpp"
#include "store/totp_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
using domain::Error;
using domain::ErrorKind;

namespace {
constexpr std::string_view kIssuer = "Greenroom";
}

awaitable<http::Response> totp_status(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  auto j = security_json(s, p);
  auto conn = s.reads.acquire();
  j["recovery_codes_left"] =
      p.totp_enabled ? store::TotpRepository::unused_recovery_codes(*conn, p.user.id) : 0;
  co_return http::json_response(http::Status::ok, j);
}

awaitable<http::Response> start_totp(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  if (p.totp_enabled)
    throw domain::conflict("Two-step sign-in is already on; turn it off first to start again.",
                           "totp_already_enabled");
  require_recent_auth(s, p);
  const auto secret = totp::base32_encode(totp::new_secret(), false);
  auto job = [uid = p.user.id, secret](store::Connection& c) {
    store::TotpRepository::start(c, uid, secret, domain::now_millis());
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(
      http::Status::created, {{"secret", secret},
                              {"otpauth_uri", totp::otpauth_uri(kIssuer, p.user.username, secret)},
                              {"digits", totp::kDigits},
                              {"period", totp::kStepSeconds}});
}

awaitable<http::Response> confirm_totp(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  auto body = read_json_object(ctx, {"code"});
  auto code = require_string(body, "code");
  if (!totp::well_formed(code))
    throw domain::bad_request("The code is the 6 digits your authenticator app shows.");
  auto codes = totp::new_recovery_codes();
  std::vector<std::string> hashes;
  for (const auto& c : codes)
    hashes.push_back(totp::recovery_code_hash(totp::normalize_recovery_code(c)));
  auto job = [uid = p.user.id, code, hashes](store::Connection& c) {
    auto record = store::TotpRepository::find(c, uid);
    if (!record)
      throw domain::conflict("Start with POST /api/v1/me/totp to get a secret.",
                             "totp_not_started");
    if (record->enabled)
      throw domain::conflict("Two-step sign-in is already on.", "totp_already_enabled");
    const auto now = domain::now_millis();
    auto key = totp::base32_decode(record->secret_base32);
    auto step = key ? totp::match(*key, code, now, record->last_step) : std::nullopt;
    if (!step) return false;
    store::TotpRepository::enable(c, uid, *step, now);
    store::TotpRepository::replace_recovery_codes(c, uid, hashes);
    store::AuditRepository::record(c, now, uid, "totp_enabled", "user", uid);
    return true;
  };
  if (!co_await write(s.writer, std::move(job)))
    throw domain::bad_request(
        "That code does not match; check the time on your phone and enter the current code.",
        "invalid_totp");
  co_return http::json_response(http::Status::ok,
                                {{"enabled", true}, {"recovery_codes", std::move(codes)}});
}

awaitable<http::Response> disable_totp(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx, Gate::enrolment);
  auto body = read_json_object(ctx, {"password", "code"});
  auto password = require_string(body, "password");
  auto factor = read_any_code(body, "code");
  if (!p.totp_enabled) throw domain::conflict("Two-step sign-in is not on.", "totp_not_enabled");
  if (!co_await check_password(s, ctx, p, password))
    throw Error(ErrorKind::unauthenticated, "invalid_credentials", "The password is not right.");
  auto job = [uid = p.user.id, factor](store::Connection& c) {
    const auto now = domain::now_millis();
    if (!spend_second_factor(c, uid, factor, now)) return false;
    store::TotpRepository::remove(c, uid);
    store::AuditRepository::record(c, now, uid, "totp_disabled", "user", uid);
    return true;
  };
  if (!co_await write(s.writer, std::move(job)))
    throw Error(ErrorKind::unauthenticated, "invalid_totp",
                "That code is not right or was already used; wait for the next code.");
  co_return http::json_response(http::Status::ok, {{"enabled", false}});
}

}  // namespace greenroom::api
