#pragma once
// The "golden rules": a lint of a post's text against the policy in config/policy.json.
// Pure: no I/O. Findings carry code point offsets (as the W3C TextPositionSelector does) so
// the browser can underline exactly the offending text.
//
// Policy document (every key required, no others allowed; `severity` is "error", "warning"
// or "info"; numbers are whole numbers):
//
//   {"version": 1,
//    "length": {"enabled", "severity", "max_characters", "recommended_max_characters",
//               "recommended_severity"},
//    "banned_terms": {"enabled", "severity", "terms": [...]},
//    "confidential_terms": {"enabled", "severity", "terms": [...]},
//    "personal_data": {"enabled", "severity", "emails", "phone_numbers"},
//    "shouting": {"enabled", "severity", "caps_run_words", "caps_ratio_percent",
//                 "caps_ratio_min_letters", "max_exclamation_marks"},
//    "insecure_links": {"enabled", "severity"},
//    "hashtags": {"enabled", "severity", "max_hashtags"},
//    "mentions": {"enabled", "severity", "max_mentions"}}
//
// `version` is the revision of the rules (a whole number >= 1); whoever stores an edited
// policy decides how it advances.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace greenroom::domain {

enum class Severity { info, warning, error };

// "info", "warning" or "error".
std::string_view to_string(Severity s);
// The severity named `name`, nullopt for anything else (names are lower case).
std::optional<Severity> parse_severity(std::string_view name);

struct LintFinding {
  std::string rule;                // the rule's key in the policy, e.g. "personal_data"
  std::string severity;            // "error" | "warning" | "info"
  std::string message;             // a sentence: what is wrong and what is allowed
  std::size_t start = 0, end = 0;  // code points [start, end) of the offending text

  bool operator==(const LintFinding&) const = default;
};

// Rule names, as used in the policy document and in LintFinding::rule.
namespace rule {
inline constexpr std::string_view length = "length";
inline constexpr std::string_view banned_terms = "banned_terms";
inline constexpr std::string_view confidential_terms = "confidential_terms";
inline constexpr std::string_view personal_data = "personal_data";
inline constexpr std::string_view shouting = "shouting";
inline constexpr std::string_view insecure_links = "insecure_links";
inline constexpr std::string_view hashtags = "hashtags";
inline constexpr std::string_view mentions = "mentions";
}  // namespace rule

// A default-constructed PolicyRules checks nothing (every rule disabled); the golden rules
// come from config/policy.json through parse_policy. Character counts are code points.
struct LengthRule {
  bool enabled = false;
  Severity severity = Severity::error;
  std::size_t max_characters = 3000;  // longer posts: finding over the text past the limit
  std::size_t recommended_max_characters = 280;  // softer limit, reported only below the max
  Severity recommended_severity = Severity::warning;
};

// Terms match whole words, ignoring ASCII case (other letters compare exactly); a space in a
// term matches any run of white space, or a place where invisible characters were dropped
// ("project<ZWSP>falcon"; "projectfalcon" is a different word). The text is normalised first
// (see domain/normalise.hpp). A term ending in "*" matches words that
// begin with it
// ("acquisition*" matches "acquisitions"), and the finding covers the whole word. In scripts
// written without spaces (Chinese, Japanese, Thai) a term matches anywhere.
namespace lint_detail {
struct CompiledTerms;
}
struct TermsRule {
  bool enabled = false;
  Severity severity = Severity::error;
  std::vector<std::string> terms;
  // `terms` made ready for matching once, when a policy is read (parse_policy_rules); used
  // only while it still matches `terms`, otherwise each lint compiles them again.
  std::shared_ptr<const lint_detail::CompiledTerms> compiled;
};

struct PersonalDataRule {
  bool enabled = false;
  Severity severity = Severity::error;
  bool emails = true;         // name@example.com
  bool phone_numbers = true;  // +44 20 7946 0958, (555) 123-4567, 555-123-4567, 020 7946 0958
};

struct ShoutingRule {
  bool enabled = false;
  Severity severity = Severity::warning;
  // A run of this many consecutive ALL-CAPS words (each of >= 2 letters) is shouting; words
  // without lower case letters and at most one letter ("I", "Q3", "2024") neither count nor
  // break a run; hashtags and mentions are ignored.
  std::size_t caps_run_words = 3;
  // A post with at least caps_ratio_min_letters cased letters, of which at least
  // caps_ratio_percent % are upper case, is shouting as a whole.
  std::size_t caps_ratio_percent = 70;
  std::size_t caps_ratio_min_letters = 30;
  // A run of more than this many exclamation marks ("!!") is shouting.
  std::size_t max_exclamation_marks = 1;
};

struct InsecureLinksRule {  // http:// links
  bool enabled = false;
  Severity severity = Severity::warning;
};

struct HashtagsRule {  // more than max_hashtags: one finding spanning the extra ones
  bool enabled = false;
  Severity severity = Severity::warning;
  std::size_t max_hashtags = 3;
};

struct MentionsRule {  // more than max_mentions @mentions: one finding spanning the extra ones
  bool enabled = false;
  Severity severity = Severity::warning;
  std::size_t max_mentions = 5;
};

struct PolicyRules {
  std::uint64_t version = 1;
  LengthRule length;
  TermsRule banned_terms;
  TermsRule confidential_terms;
  PersonalDataRule personal_data;
  ShoutingRule shouting;
  InsecureLinksRule insecure_links;
  HashtagsRule hashtags;
  MentionsRule mentions;
};

// Validate and read a policy document (see the top of this file). Throws
// std::invalid_argument naming the offending key, what it holds and what is allowed, for
// unknown or missing keys, wrong types and out-of-range values.
PolicyRules parse_policy(const nlohmann::json& j);

// The policy document for `rules`; parse_policy(to_json(r)) gives r back.
nlohmann::json to_json(const PolicyRules& rules);

// {"rule", "severity", "message", "start", "end"}.
nlohmann::json to_json(const LintFinding& finding);

// Lint `body` (valid UTF-8; throws std::invalid_argument otherwise). Findings are sorted by
// start, then end, then rule.
std::vector<LintFinding> lint_post(std::string_view body, const PolicyRules& rules);

// True when any finding has severity "error" (submit and publish refuse such posts).
bool has_errors(const std::vector<LintFinding>& findings);

}  // namespace greenroom::domain
