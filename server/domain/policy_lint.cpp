// lint_post: runs each enabled rule of the policy over a post and reports the findings in
// code points. The rules live in lint_*.cpp (declared in lint_rules.hpp); the policy
// document is read and written in policy_document.cpp.
#include "domain/policy_lint.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/lint_rules.hpp"
#include "domain/normalise.hpp"
#include "domain/text.hpp"

namespace greenroom::domain {

nlohmann::json to_json(const LintFinding& f) {
  return {{"rule", f.rule},
          {"severity", f.severity},
          {"message", f.message},
          {"start", f.start},
          {"end", f.end}};
}

std::vector<LintFinding> lint_post(std::string_view body, const PolicyRules& rules) {
  if (!is_valid_utf8(body)) throw std::invalid_argument("the post text is not valid UTF-8");
  using namespace lint_detail;
  // The rules read the normalised text (NFKC, no format characters), so that "ﬁ", fullwidth
  // letters or a zero-width space cannot hide a word; findings are mapped back to `body`.
  const NormalisedText normalised(body);
  const std::string_view text = normalised.text();
  Findings raw;
  if (rules.banned_terms.enabled || rules.confidential_terms.enabled) {
    const bool any_terms =
        (rules.banned_terms.enabled && !rules.banned_terms.terms.empty()) ||
        (rules.confidential_terms.enabled && !rules.confidential_terms.terms.empty());
    if (any_terms) {
      FoldedText folded = fold(text);
      if (normalised.has_hidden_breaks()) {
        folded.hidden_break.resize(folded.text.size());
        for (std::size_t i = 0; i < folded.text.size(); ++i)
          folded.hidden_break[i] = normalised.hidden_break_before(folded.origin[i]);
      }
      std::vector<std::size_t> starts = word_starts(folded.text);
      if (rules.banned_terms.enabled)
        check_terms(text, folded, starts, rules.banned_terms, rule::banned_terms,
                    "this word is on the list of words not allowed in posts.", raw);
      if (rules.confidential_terms.enabled)
        check_terms(text, folded, starts, rules.confidential_terms, rule::confidential_terms,
                    "it refers to confidential information, which must not appear in posts.", raw);
    }
  }
  if (rules.personal_data.enabled) {
    if (rules.personal_data.emails) find_emails(text, rules.personal_data, raw);
    if (rules.personal_data.phone_numbers) find_phone_numbers(text, rules.personal_data, raw);
  }
  if (rules.shouting.enabled) {
    check_caps(text, rules.shouting, raw);
    check_exclamations(text, rules.shouting, raw);
  }
  if (rules.insecure_links.enabled) find_insecure_links(text, rules.insecure_links, raw);
  if (rules.hashtags.enabled)
    check_count(find_hashtags(text), rules.hashtags.max_hashtags, rule::hashtags,
                rules.hashtags.severity, "hashtag", "hashtags", "Use", raw);
  if (rules.mentions.enabled)
    check_count(find_mentions(text), rules.mentions.max_mentions, rule::mentions,
                rules.mentions.severity, "mention", "mentions", "Use", raw);
  for (auto& f : raw) {
    const auto b = normalised.original_begin(f.begin);
    f.end = std::max(b, normalised.original_end(f.end));
    f.begin = b;
  }
  // The length is what the author typed, invisible characters included.
  if (rules.length.enabled) check_length(body, rules.length, raw);

  std::sort(raw.begin(), raw.end(), [](const RawFinding& a, const RawFinding& b) {
    return std::tie(a.begin, a.end, a.rule) < std::tie(b.begin, b.end, b.rule);
  });
  // Byte offsets to code points in one pass over the body.
  std::vector<LintFinding> findings;
  findings.reserve(raw.size());
  std::size_t byte = 0, cp = 0;
  for (auto& f : raw) {
    cp += code_point_count(body.substr(byte, f.begin - byte));
    byte = f.begin;
    std::size_t end_cp = cp + code_point_count(body.substr(f.begin, f.end - f.begin));
    findings.push_back({std::string(f.rule), std::string(to_string(f.severity)),
                        std::move(f.message), cp, end_cp});
  }
  return findings;
}

bool has_errors(const std::vector<LintFinding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const LintFinding& f) { return f.severity == "error"; });
}

}  // namespace greenroom::domain
