#pragma once
// Password hashes (Argon2id, encoded with their parameters and salt), random tokens and
// token hashing. Tokens are 32 random bytes, base64url; only their SHA-256 is stored.
#include <string>
#include <string_view>

#include "api/services.hpp"

namespace greenroom::api {

std::string hash_password(std::string_view password, const Argon2Params& params);
bool verify_password(std::string_view password, const std::string& encoded_hash);
// True when the hash was made with other Argon2 settings than `params` (rehash on sign-in).
bool needs_rehash(const std::string& encoded_hash, const Argon2Params& params);
// A hash of a random password, verified against when the username is unknown, so that a
// wrong username costs as long as a wrong password.
const std::string& decoy_hash(const Argon2Params& params);

std::string random_token(std::size_t bytes = 32);
std::string sha256_bytes(std::string_view data);
// The CSRF token of a session: base64url(HMAC-SHA256(label, session token)). Derived, never
// stored; knowing it reveals nothing of the session token.
std::string csrf_token_for(std::string_view session_token);
// base64url(HMAC-SHA256(key, message)).
std::string hmac_token(std::string_view key, std::string_view message);
// Constant-time comparison.
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace greenroom::api
