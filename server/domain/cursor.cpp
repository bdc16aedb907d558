#include "domain/cursor.hpp"

#include <charconv>

namespace greenroom::domain {
namespace {

std::optional<std::int64_t> parse_non_negative(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  if (s.size() > 1 && s[0] == '0') return std::nullopt;  // one spelling per value
  if (s[0] < '0' || s[0] > '9') return std::nullopt;     // "-0" too (found by fuzzing)
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace

std::string encode_cursor(const Cursor& c) {
  return "c" + std::to_string(c.key) + "." + std::to_string(c.id);
}

std::optional<Cursor> decode_cursor(std::string_view s) {
  if (s.size() < 4 || s[0] != 'c') return std::nullopt;
  s.remove_prefix(1);
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto key = parse_non_negative(s.substr(0, dot));
  auto id = parse_non_negative(s.substr(dot + 1));
  if (!key || !id) return std::nullopt;
  return Cursor{*key, *id};
}

}  // namespace greenroom::domain
