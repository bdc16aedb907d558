#pragma once
// The second factor as requests carry it (a TOTP code or a one-time recovery code), spent on
// the writer so that two requests cannot both use the same code, and the password check that
// sensitive actions repeat (under the login limiter, like sign-in).
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"
#include "store/database.hpp"

namespace greenroom::api {

struct SecondFactor {
  enum class Kind { none, totp, recovery_code };
  Kind kind = Kind::none;
  std::string value;  // six digits, or a normalised recovery code
  std::string name() const { return kind == Kind::totp ? "totp" : "recovery_code"; }
};

// "totp_code" and "recovery_code" (at most one of them); 400 when malformed.
SecondFactor read_second_factor(const nlohmann::json& body);
// One field that may hold either kind ("code" of DELETE /me/totp); 400 when malformed.
SecondFactor read_any_code(const nlohmann::json& body, std::string_view field);

// On the writer: true when the factor is right for the user and now spent (its TOTP step, or
// the recovery code, can never be used again).
bool spend_second_factor(store::Connection& c, std::int64_t user_id, const SecondFactor& factor,
                         domain::Millis now);

// Throws 429 / 503 like sign-in when the limiter refuses; otherwise true when `password` is
// the signed-in user's password (a success takes its attempt back, a failure counts).
boost::asio::awaitable<bool> check_password(Services& s, const http::RequestContext& ctx,
                                            const Principal& p, const std::string& password);

// {"totp_enabled","totp_required"} for GET /me and GET /me/totp.
nlohmann::json security_json(const Services& s, const Principal& p);

}  // namespace greenroom::api
