#pragma once
// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) and the
// pieces around them: Base32 (RFC 4648) for secrets, otpauth:// URIs for authenticator apps,
// and one-time recovery codes (only their SHA-256 is stored).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace greenroom::api::totp {

inline constexpr int kDigits = 6;
inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr int kRecoveryCodes = 10;

// RFC 4648 Base32 with the standard alphabet; `pad` adds '=' to a multiple of 8.
std::string base32_encode(std::string_view bytes, bool pad = true);
// Upper or lower case, '=' padding optional, spaces ignored; nullopt on any other character
// or an impossible length.
std::optional<std::string> base32_decode(std::string_view text);

// RFC 4226 HOTP truncated to `digits` decimal digits (zero-padded).
std::string hotp(std::string_view key, std::uint64_t counter, int digits = kDigits);
// The RFC 6238 time step of a Unix time in seconds.
std::int64_t step_of(std::int64_t unix_seconds);
// The step (within one step either side of `now`) whose code is `code` and that is later than
// `last_used_step`; nullopt when there is none. A step once used is never accepted again.
std::optional<std::int64_t> match(std::string_view key, std::string_view code, domain::Millis now,
                                  std::int64_t last_used_step);
// True when `code` looks like a TOTP code (exactly six digits).
bool well_formed(std::string_view code);

std::string new_secret();  // 20 random bytes (160 bits, RFC 4226 recommendation)
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret);

// Ten codes like "k7qpm-3xw2d" (50 random bits each).
std::vector<std::string> new_recovery_codes();
// Lower case without separators or spaces, as stored (hashed); "" when not a plausible code.
std::string normalize_recovery_code(std::string_view code);
// Hex SHA-256 of the normalised code.
std::string recovery_code_hash(std::string_view normalized);

}  // namespace greenroom::api::totp
