#include "api/credentials.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace greenroom::api {
namespace {

std::string base64url(const unsigned char* data, std::size_t n) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((n * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 2 < n; i += 3) {
    unsigned v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i + 1 == n) {
    unsigned v = data[i] << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
  } else if (i + 2 == n) {
    unsigned v = (data[i] << 16) | (data[i + 1] << 8);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
  }
  return out;
}

}  // namespace

std::string hash_password(std::string_view password, const Argon2Params& p) {
  unsigned char salt[16];
  if (RAND_bytes(salt, sizeof salt) != 1) throw std::runtime_error("no randomness available");
  const std::size_t hash_len = 32;
  std::size_t encoded_len =
      argon2_encodedlen(p.t_cost, p.m_cost_kib, p.parallelism, sizeof salt, hash_len, Argon2_id);
  std::vector<char> encoded(encoded_len);
  int rc =
      argon2id_hash_encoded(p.t_cost, p.m_cost_kib, p.parallelism, password.data(), password.size(),
                            salt, sizeof salt, hash_len, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password(std::string_view password, const std::string& encoded_hash) {
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(const std::string& encoded_hash, const Argon2Params& p) {
  const std::string expected = "$argon2id$v=19$m=" + std::to_string(p.m_cost_kib) +
                               ",t=" + std::to_string(p.t_cost) +
                               ",p=" + std::to_string(p.parallelism) + "$";
  return encoded_hash.rfind(expected, 0) != 0;
}

const std::string& decoy_hash(const Argon2Params& params) {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [&] { hash = hash_password(random_token(), params); });
  return hash;
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1)
    throw std::runtime_error("no randomness available");
  return base64url(buf.data(), buf.size());
}

std::string sha256_bytes(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

std::string csrf_token_for(std::string_view session_token) {
  static constexpr std::string_view kLabel = "greenroom csrf token v1";
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), kLabel.data(), static_cast<int>(kLabel.size()),
            reinterpret_cast<const unsigned char*>(session_token.data()), session_token.size(), mac,
            &len))
    throw std::runtime_error("HMAC failed");
  return base64url(mac, len);
}

std::string hmac_token(std::string_view key, std::string_view message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len))
    throw std::runtime_error("HMAC failed");
  return base64url(mac, len);
}

bool equal_secrets(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace greenroom::api
