// Fuzz target for domain::find_references (@mentions, #topics): on any valid UTF-8 text each
// reference lies inside the text, in order and without overlap, starts with its sigil, and its
// value is the lower-cased text between the sigil and its end; at most kMaxReferencesPerText.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "domain/references.hpp"
#include "domain/text.hpp"

namespace {
void check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (!d::is_valid_utf8(text)) return 0;
  const auto refs = d::find_references(text);
  check(refs.size() <= d::kMaxReferencesPerText);
  const auto total = d::code_point_count(text);
  std::size_t last_end = 0;
  for (const auto& r : refs) {
    check(r.start >= last_end && r.start < r.end && r.end <= total);
    last_end = r.end;
    auto slice = d::slice_code_points(text, r.start, r.end);
    check(slice.has_value());
    check((*slice)[0] == (r.kind == d::TextReference::Kind::mention ? '@' : '#'));
    check(slice->size() == r.value.size() + 1);
    for (std::size_t i = 0; i < r.value.size(); ++i) {
      const char c = (*slice)[i + 1];
      check(r.value[i] == ((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c));
    }
  }
  return 0;
}
