#include "api/second_factor.hpp"

#include "api/async.hpp"
#include "api/credentials.hpp"
#include "api/json_body.hpp"
#include "api/totp.hpp"
#include "domain/errors.hpp"
#include "store/totp_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using domain::Error;
using domain::ErrorKind;

namespace {

SecondFactor totp_factor(const std::string& code) {
  if (!totp::well_formed(code))
    throw domain::bad_request("A TOTP code is the 6 digits your authenticator app shows.");
  return {SecondFactor::Kind::totp, code};
}

SecondFactor recovery_factor(const std::string& code) {
  auto normalized = totp::normalize_recovery_code(code);
  if (normalized.empty())
    throw domain::bad_request("A recovery code is 10 letters and digits, like abcde-23456.");
  return {SecondFactor::Kind::recovery_code, normalized};
}

}  // namespace

SecondFactor read_second_factor(const nlohmann::json& body) {
  auto code = optional_string(body, "totp_code");
  auto recovery = optional_string(body, "recovery_code");
  if (code && recovery)
    throw domain::bad_request("Send either totp_code or recovery_code, not both.");
  if (code) return totp_factor(*code);
  if (recovery) return recovery_factor(*recovery);
  return {};
}

SecondFactor read_any_code(const nlohmann::json& body, std::string_view field) {
  auto code = require_string(body, field);
  if (totp::well_formed(code)) return {SecondFactor::Kind::totp, code};
  return recovery_factor(code);
}

bool spend_second_factor(store::Connection& c, std::int64_t user_id, const SecondFactor& factor,
                         domain::Millis now) {
  auto record = store::TotpRepository::find(c, user_id);
  if (!record || !record->enabled) return false;
  if (factor.kind == SecondFactor::Kind::recovery_code)
    return store::TotpRepository::use_recovery_code(c, user_id,
                                                    totp::recovery_code_hash(factor.value), now);
  if (factor.kind != SecondFactor::Kind::totp) return false;
  auto key = totp::base32_decode(record->secret_base32);
  if (!key) return false;
  auto step = totp::match(*key, factor.value, now, record->last_step);
  if (!step) return false;
  store::TotpRepository::set_last_step(c, user_id, *step);
  return true;
}

boost::asio::awaitable<bool> check_password(Services& s, const http::RequestContext& ctx,
                                            const Principal& p, const std::string& password) {
  if (password.empty() || password.size() > 1024)
    throw domain::bad_request("Give your current password.");
  const auto& ip = ctx.connection().client_ip;
  const auto& username = p.user.username;
  const auto decision = s.limiter.begin(username, ip);
  if (decision.retry_after > 0)
    throw Error(ErrorKind::rate_limited, "rate_limited",
                "Too many wrong passwords; try again in " + std::to_string(decision.retry_after) +
                    " seconds.");
  if (decision.busy)
    throw Error(ErrorKind::unavailable, "unavailable",
                "Too many passwords are being checked right now; try again in a moment.");
  LoginLimiter::Guard attempt{s.limiter, username, ip, decision.attempt};
  std::string hash;
  {
    auto conn = s.reads.acquire();
    auto user = store::UserRepository::find_by_id(*conn, p.user.id);
    if (user) hash = user->password_hash;
  }
  if (hash.empty()) co_return false;
  auto verify = [password, hash] { return verify_password(password, hash); };
  attempt.success = co_await run_blocking(s.blocking, std::move(verify));
  co_return attempt.success;
}

nlohmann::json security_json(const Services& s, const Principal& p) {
  return {{"totp_enabled", p.totp_enabled},
          {"totp_required", s.settings.totp_required(p.user.role)}};
}

}  // namespace greenroom::api
