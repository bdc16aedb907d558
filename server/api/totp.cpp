#include "api/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "api/credentials.hpp"

namespace greenroom::api::totp {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int base32_value(char ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return ch - 'a';
  if (ch >= '2' && ch <= '7') return ch - '2' + 26;
  return -1;
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    throw std::runtime_error("no randomness available");
  return out;
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string uri_escape(std::string_view s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
        ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += digits[ch >> 4];
      out += digits[ch & 15];
    }
  }
  return out;
}

}  // namespace

std::string base32_encode(std::string_view bytes, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 4) / 5 * 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  if (pad)
    while (out.size() % 8 != 0) out += '=';
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  bool padding = false;
  for (char ch : text) {
    if (ch == ' ') continue;
    if (ch == '=') {
      padding = true;
      continue;
    }
    if (padding) return std::nullopt;  // data after padding
    int v = base32_value(ch);
    if (v < 0) return std::nullopt;
    ++symbols;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // A valid encoding ends on 0, 2, 4, 5 or 7 symbols of a group, with zero leftover bits.
  const auto rest = symbols % 8;
  if (rest == 1 || rest == 3 || rest == 6) return std::nullopt;
  if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
    counter >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message.data(), message.size(),
            mac, &mac_len) ||
      mac_len < 20)
    throw std::runtime_error("HMAC-SHA1 failed");
  const int offset = mac[mac_len - 1] & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t step_of(std::int64_t unix_seconds) {
  return unix_seconds / kStepSeconds;
}

bool well_formed(std::string_view code) {
  if (code.size() != static_cast<std::size_t>(kDigits)) return false;
  for (char ch : code)
    if (ch < '0' || ch > '9') return false;
  return true;
}

std::optional<std::int64_t> match(std::string_view key, std::string_view code, domain::Millis now,
                                  std::int64_t last_used_step) {
  if (!well_formed(code)) return std::nullopt;
  const auto current = step_of(now / 1000);
  std::optional<std::int64_t> found;
  // Every candidate is computed and compared, so the time taken does not tell which matched.
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    if (step <= last_used_step || step < 0) continue;
    if (equal_secrets(hotp(key, static_cast<std::uint64_t>(step)), code) && !found) found = step;
  }
  return found;
}

std::string new_secret() {
  return random_bytes(20);
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret) {
  return "otpauth://totp/" + uri_escape(issuer) + ":" + uri_escape(account) +
         "?secret=" + std::string(base32_secret) + "&issuer=" + uri_escape(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
         "&period=" + std::to_string(kStepSeconds);
}

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodes; ++i) {
    // 7 random bytes -> 11 Base32 symbols; the first 10 (50 bits) make the code.
    auto symbols = base32_encode(random_bytes(7), false).substr(0, 10);
    for (auto& ch : symbols) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    codes.push_back(symbols.substr(0, 5) + "-" + symbols.substr(5));
  }
  return codes;
}

std::string normalize_recovery_code(std::string_view code) {
  std::string out;
  for (char ch : code) {
    if (ch == '-' || ch == ' ') continue;
    if (base32_value(ch) < 0) return "";
    out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  }
  return out.size() == 10 ? out : "";
}

std::string recovery_code_hash(std::string_view normalized) {
  return hex(sha256_bytes(normalized));
}

}  // namespace greenroom::api::totp
