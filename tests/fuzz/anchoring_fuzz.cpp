// Fuzz target for annotation anchoring (domain/anchoring): anchor a range of an old text,
// re-anchor it in a revised text, apply a replacement. The input is
//   [start byte][length byte] old text \xFF new text
// (\xFF never occurs in UTF-8, so it splits the two texts). Invariants: an anchor quotes
// exactly its range; re-anchoring lands on the same words or reports them orphaned; a
// replacement keeps the text valid UTF-8 with the expected length.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/anchoring.hpp"
#include "domain/text.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  if (size < 2) return 0;
  const std::size_t pick_start = data[0], pick_len = data[1];
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  const auto split = rest.find('\xFF');
  const std::string_view old_text = rest.substr(0, split);
  const std::string_view new_text =
      split == std::string_view::npos ? old_text : rest.substr(split + 1);

  const bool valid = d::is_valid_utf8(old_text);
  const std::size_t n = valid ? d::code_point_count(old_text) : 0;
  const std::size_t start = n ? pick_start % n : pick_start;
  const std::size_t end = start + 1 + pick_len % 8;
  auto anchor = d::make_anchor(old_text, start, end);
  check(anchor.has_value() == (valid && end <= n));
  if (!anchor) {
    // Out-of-range or invalid input is refused by apply_replacement with an exception.
    try {
      (void)d::apply_replacement(old_text, start, end, "x");
      check(valid && end <= n);
    } catch (const std::out_of_range&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
  }
  check(anchor->start == start && anchor->end == end);
  check(d::slice_code_points(old_text, start, end) == anchor->exact);
  check(d::code_point_count(anchor->prefix) <= d::kAnchorContext);
  check(d::code_point_count(anchor->suffix) <= d::kAnchorContext);

  auto again = d::reanchor(*anchor, old_text);
  check(!again.orphaned && again.start == start && again.end == end);

  auto moved = d::reanchor(*anchor, new_text);
  if (!moved.orphaned) {
    check(d::is_valid_utf8(new_text));
    check(moved.start < moved.end && moved.end <= d::code_point_count(new_text));
    check(d::slice_code_points(new_text, moved.start, moved.end) == anchor->exact);
  } else {
    check(moved.start == 0 && moved.end == 0);
  }
  auto replaced = d::apply_replacement(old_text, start, end, anchor->exact);
  check(replaced == old_text);  // putting back the same words changes nothing
  return 0;
}
