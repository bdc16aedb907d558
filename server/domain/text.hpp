#pragma once
// UTF-8 text helpers used by the domain rules. Offsets exposed by the API are counted in
// Unicode code points (as the W3C TextPositionSelector does); storage is UTF-8 bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace greenroom::domain {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Number of code points in valid UTF-8 `s`.
std::size_t code_point_count(std::string_view s);

// Byte offset of code point index `cp` in valid UTF-8 `s` (cp == count gives s.size()).
// nullopt when `cp` is past the end.
std::optional<std::size_t> byte_offset_of(std::string_view s, std::size_t cp);

// Code point index of byte offset `byte` (which must be on a code point boundary).
std::size_t code_point_index_of(std::string_view s, std::size_t byte);

// Substring by code point range [start, end); nullopt when out of range or start > end.
std::optional<std::string_view> slice_code_points(std::string_view s, std::size_t start,
                                                  std::size_t end);

// One decoded code point: its value and how many bytes encode it.
struct DecodedCodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // 0 only at the end of the text
};

// The code point starting at byte `byte` of valid UTF-8 `s` ({0, 0} when byte >= s.size()).
DecodedCodePoint decode_at(std::string_view s, std::size_t byte);

// The code point ending just before byte `byte` of valid UTF-8 `s` ({0, 0} when byte == 0).
DecodedCodePoint decode_before(std::string_view s, std::size_t byte);

// True when the text has a control character other than '\n', '\r' and '\t' (incl. NUL, DEL).
bool has_forbidden_control(std::string_view s);

// True when the text is empty or consists only of ASCII/Unicode white space.
bool is_blank(std::string_view s);

}  // namespace greenroom::domain
