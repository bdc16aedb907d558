// Fuzz target for the text-handling rules that every post body goes through: UTF-8
// validation, text validation, the policy lint, anchoring (make, re-anchor, apply) and
// cursor decoding. Invariants are checked, not just "does not crash".
// Build with -DGREENROOM_FUZZ=ON under clang for libFuzzer; otherwise runner.cpp replays the
// corpus in CI.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/anchoring.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/policy_lint.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

const greenroom::domain::PolicyRules& rules() {
  static const auto r = [] {
    greenroom::domain::PolicyRules p;
    p.length.enabled = true;
    p.banned_terms = {
        true, greenroom::domain::Severity::error, {"damn", "piss off", "idiot*"}, nullptr};
    p.confidential_terms = {true, greenroom::domain::Severity::error, {"project falcon"}, nullptr};
    p.personal_data.enabled = true;
    p.shouting.enabled = true;
    p.insecure_links.enabled = true;
    p.hashtags.enabled = true;
    p.mentions.enabled = true;
    return p;
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto c = d::decode_cursor(input)) check(d::encode_cursor(*c) == input);
  if (!d::is_valid_utf8(input)) {
    try {
      d::validate_text(input, "body", 5000);
      check(false);  // invalid UTF-8 must be refused
    } catch (const d::Error&) {
    }
    return 0;
  }
  const std::size_t n = d::code_point_count(input);
  for (const auto& f : d::lint_post(input, rules())) check(f.start <= f.end && f.end <= n);
  if (n < 2 || size < 3) return 0;
  const std::size_t start = data[0] % n, end = start + 1 + data[1] % (n - start);
  auto anchor = d::make_anchor(input, start, end);
  check(anchor.has_value());
  check(d::slice_code_points(input, start, end) == anchor->exact);
  auto same = d::reanchor(*anchor, input);
  check(!same.orphaned && same.start == start && same.end == end);
  // Text inserted before the range moves the anchor by exactly that many code points.
  const std::string edited = "\xE2\x9C\xA8 new " + std::string(input);
  auto moved = d::reanchor(*anchor, edited);
  check(!moved.orphaned);
  check(d::slice_code_points(edited, moved.start, moved.end) == anchor->exact);
  auto replaced = d::apply_replacement(input, start, end, "\xF0\x9F\x9A\x80");
  check(d::is_valid_utf8(replaced));
  check(d::code_point_count(replaced) == n - (end - start) + 1);
  return 0;
}
