#include "domain/anchoring.hpp"

#include <stdexcept>

#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

struct ByteRange {
  std::size_t begin = 0, end = 0;
};

// Byte range of the code point range [start, end) of valid UTF-8 `s`, in one pass.
std::optional<ByteRange> byte_range(std::string_view s, std::size_t start, std::size_t end) {
  if (start > end) return std::nullopt;
  auto b = byte_offset_of(s, start);
  if (!b) return std::nullopt;
  auto e = byte_offset_of(s.substr(*b), end - start);
  if (!e) return std::nullopt;
  return ByteRange{*b, *b + *e};
}

// Code points of `stored` (a prefix) that also end `before`, i.e. the common suffix length.
std::size_t common_suffix_code_points(std::string_view stored, std::string_view before) {
  std::size_t m = 0;
  while (m < stored.size() && m < before.size() &&
         stored[stored.size() - 1 - m] == before[before.size() - 1 - m])
    ++m;
  // A partly matched character leaves only continuation bytes, which are not counted.
  return code_point_count(stored.substr(stored.size() - m));
}

// Code points of `stored` (a suffix) that also start `after`, i.e. the common prefix length.
std::size_t common_prefix_code_points(std::string_view stored, std::string_view after) {
  std::size_t m = 0;
  while (m < stored.size() && m < after.size() && stored[m] == after[m]) ++m;
  // Do not count a character whose leading bytes match but whose last bytes differ.
  while (m > 0 && m < stored.size() && is_continuation(stored[m])) --m;
  return code_point_count(stored.substr(0, m));
}

}  // namespace

std::optional<TextAnchor> make_anchor(std::string_view text, std::size_t start, std::size_t end,
                                      std::size_t context) {
  if (start >= end || !is_valid_utf8(text)) return std::nullopt;
  auto range = byte_range(text, start, end);
  if (!range) return std::nullopt;
  std::size_t prefix_start_cp = start > context ? start - context : 0;
  auto prefix_begin = byte_offset_of(text, prefix_start_cp);
  auto after = text.substr(range->end);
  auto suffix_len = byte_offset_of(after, context).value_or(after.size());

  TextAnchor a;
  a.exact = std::string(text.substr(range->begin, range->end - range->begin));
  a.prefix = std::string(text.substr(*prefix_begin, range->begin - *prefix_begin));
  a.suffix = std::string(after.substr(0, suffix_len));
  a.start = start;
  a.end = end;
  return a;
}

Reanchor reanchor(const TextAnchor& a, std::string_view new_text) {
  if (a.exact.empty() || !is_valid_utf8(a.exact) || !is_valid_utf8(new_text))
    return {.orphaned = true};
  const std::size_t exact_cps = code_point_count(a.exact);

  // Fast path: same words at the same place with all their context: nothing can beat it.
  if (auto old = byte_range(new_text, a.start, a.start + exact_cps)) {
    if (new_text.substr(old->begin, old->end - old->begin) == a.exact &&
        new_text.substr(0, old->begin).ends_with(a.prefix) &&
        new_text.substr(old->end).starts_with(a.suffix))
      return {.orphaned = false, .start = a.start, .end = a.start + exact_cps};
  }

  bool found = false;
  std::size_t best_start = 0, best_score = 0, best_distance = 0;
  std::size_t cp = 0, counted_to = 0;  // code point index of byte `counted_to`
  // A valid UTF-8 quote starts with a lead byte, so every match is on a code point boundary.
  for (auto pos = new_text.find(a.exact); pos != std::string_view::npos;
       pos = new_text.find(a.exact, pos + 1)) {
    cp += code_point_count(new_text.substr(counted_to, pos - counted_to));
    counted_to = pos;
    std::size_t score = common_suffix_code_points(a.prefix, new_text.substr(0, pos)) +
                        common_prefix_code_points(a.suffix, new_text.substr(pos + a.exact.size()));
    std::size_t distance = cp > a.start ? cp - a.start : a.start - cp;
    if (!found || score > best_score || (score == best_score && distance < best_distance)) {
      found = true;
      best_start = cp;
      best_score = score;
      best_distance = distance;
    }
  }
  if (!found) return {.orphaned = true};
  return {.orphaned = false, .start = best_start, .end = best_start + exact_cps};
}

std::string apply_replacement(std::string_view text, std::size_t start, std::size_t end,
                              std::string_view replacement) {
  if (!is_valid_utf8(text)) throw std::invalid_argument("the text is not valid UTF-8");
  if (!is_valid_utf8(replacement))
    throw std::invalid_argument("the replacement is not valid UTF-8");
  auto range = byte_range(text, start, end);
  if (!range)
    throw std::out_of_range("range [" + std::to_string(start) + ", " + std::to_string(end) +
                            ") is not within the text of " +
                            std::to_string(code_point_count(text)) +
                            " characters; start must be <= end <= the text length");
  std::string out;
  out.reserve(text.size() - (range->end - range->begin) + replacement.size());
  out.append(text.substr(0, range->begin));
  out.append(replacement);
  out.append(text.substr(range->end));
  return out;
}

}  // namespace greenroom::domain
