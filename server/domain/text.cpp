#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

// Length of the sequence starting with lead byte `c`, 0 when `c` cannot start one.
int sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = sequence_length(c);
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k)
      if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return false;
    if (n == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xE0 && c1 < 0xA0) return false;   // overlong
      if (c == 0xED && c1 >= 0xA0) return false;  // surrogates
    } else if (n == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xF0 && c1 < 0x90) return false;   // overlong
      if (c == 0xF4 && c1 >= 0x90) return false;  // > U+10FFFF
    }
    i += n;
  }
  return true;
}

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s)
    if (!is_continuation(static_cast<unsigned char>(ch))) ++n;
  return n;
}

std::optional<std::size_t> byte_offset_of(std::string_view s, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(s[i]))) continue;
    if (seen == cp) return i;
    ++seen;
  }
  if (seen == cp) return s.size();
  return std::nullopt;
}

std::size_t code_point_index_of(std::string_view s, std::size_t byte) {
  return code_point_count(s.substr(0, byte < s.size() ? byte : s.size()));
}

std::optional<std::string_view> slice_code_points(std::string_view s, std::size_t start,
                                                  std::size_t end) {
  if (start > end) return std::nullopt;
  auto b = byte_offset_of(s, start);
  if (!b) return std::nullopt;
  auto rest = s.substr(*b);
  auto e = byte_offset_of(rest, end - start);
  if (!e) return std::nullopt;
  return rest.substr(0, *e);
}

DecodedCodePoint decode_at(std::string_view s, std::size_t byte) {
  if (byte >= s.size()) return {};
  auto c = static_cast<unsigned char>(s[byte]);
  std::size_t n = static_cast<std::size_t>(sequence_length(c));
  if (n == 0 || byte + n > s.size()) return {static_cast<char32_t>(c), 1};  // not valid UTF-8
  if (n == 1) return {static_cast<char32_t>(c), 1};
  char32_t v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k)
    v = (v << 6) | (static_cast<unsigned char>(s[byte + k]) & 0x3F);
  return {v, n};
}

DecodedCodePoint decode_before(std::string_view s, std::size_t byte) {
  if (byte == 0 || byte > s.size()) return {};
  std::size_t start = byte - 1;
  while (start > 0 && byte - start < 4 && is_continuation(static_cast<unsigned char>(s[start])))
    --start;
  auto d = decode_at(s, start);
  if (start + d.length != byte)
    return {static_cast<char32_t>(static_cast<unsigned char>(s[byte - 1])), 1};
  return d;
}

bool has_forbidden_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == '\t') continue;
    if (c < 0x20 || c == 0x7F) return true;
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < s.size()) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9F) return true;
    }
  }
  return false;
}

bool is_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      ++i;
      continue;
    }
    // U+00A0 no-break space, U+3000 ideographic space, U+2000..U+200B spaces.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;
      continue;
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      i += 3;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x8B) {
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace greenroom::domain
