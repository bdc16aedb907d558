// The policy document (config/policy.json): severity names, parse_policy and to_json.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/lint_rules.hpp"
#include "domain/policy_lint.hpp"
#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

using lint_detail::compile_term;
using lint_detail::CompiledTerm;
using lint_detail::joins_word;
using lint_detail::prev_cp;
using nlohmann::json;

constexpr std::size_t kMaxTerms = 1000;
constexpr std::size_t kMaxTermLength = 100;

std::string join(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// A short description of a JSON value for error messages.
std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::null:
      return "null";
    default:
      break;
  }
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

[[noreturn]] void refuse(const std::string& message) {
  throw std::invalid_argument(message);
}

// One JSON object of the policy, checked for exactly the allowed keys.
class PolicySection {
 public:
  PolicySection(const json& j, std::string path, std::initializer_list<std::string_view> keys)
      : j_(j), path_(std::move(path)) {
    if (!j.is_object())
      refuse(path_ + " must be a JSON object with the keys " + join(keys) + "; got " + describe(j) +
             ".");
    for (const auto& item : j.items())
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end())
        refuse(path_ + " has an unknown key " + describe(json(item.key())) +
               "; the allowed keys are " + join(keys) + ".");
    for (auto k : keys)
      if (!j.contains(std::string(k)))
        refuse(path_ + " is missing the key \"" + std::string(k) + "\"; it needs all of " +
               join(keys) + ".");
  }

  const json& at(std::string_view key) const { return j_.at(std::string(key)); }
  std::string name(std::string_view key) const { return path_ + "." + std::string(key); }
  const std::string& path() const { return path_; }

  bool boolean(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_boolean()) refuse(name(key) + " must be true or false; got " + describe(v) + ".");
    return v.get<bool>();
  }

  std::uint64_t whole(std::string_view key, std::uint64_t min, std::uint64_t max) const {
    const json& v = at(key);
    std::string range = " must be a whole number from " + std::to_string(min) + " to " +
                        std::to_string(max) + "; got " + describe(v) + ".";
    if (!v.is_number_integer()) refuse(name(key) + range);
    if (!v.is_number_unsigned() && v.get<std::int64_t>() < 0) refuse(name(key) + range);
    auto n = v.get<std::uint64_t>();
    if (n < min || n > max) refuse(name(key) + range);
    return n;
  }

  Severity severity(std::string_view key) const {
    const json& v = at(key);
    std::optional<Severity> s;
    if (v.is_string()) s = parse_severity(v.get_ref<const std::string&>());
    if (!s)
      refuse(name(key) + " must be one of \"error\", \"warning\", \"info\"; got " + describe(v) +
             ".");
    return *s;
  }

  std::vector<std::string> terms(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_array() || v.size() > kMaxTerms)
      refuse(name(key) + " must be an array of at most " + std::to_string(kMaxTerms) +
             " strings; got " + (v.is_array() ? std::to_string(v.size()) + " items" : describe(v)) +
             ".");
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string item = name(key) + "[" + std::to_string(i) + "]";
      const json& t = v[i];
      if (!t.is_string()) refuse(item + " must be a string; got " + describe(t) + ".");
      const auto& s = t.get_ref<const std::string&>();
      if (!is_valid_utf8(s) || is_blank(s) || has_forbidden_control(s) ||
          code_point_count(s) > kMaxTermLength)
        refuse(item + " must be 1 to " + std::to_string(kMaxTermLength) +
               " characters of text, not blank and without control characters; got " + describe(t) +
               ".");
      auto star = s.find('*');
      CompiledTerm c = compile_term(s);
      if (star != std::string::npos &&
          (star != s.find_last_not_of(" \t") || !joins_word(prev_cp(s, star).value)))
        refuse(item +
               " may use \"*\" only once, at the end, right after a letter or digit "
               "(\"acquisition*\" matches words beginning with \"acquisition\"); got " +
               describe(t) + ".");
      std::string key_text = c.stem + (c.prefix ? "*" : "");
      if (!seen.insert(key_text).second)
        refuse(item + " " + describe(t) +
               " repeats an earlier term; list each term once (case and spacing do not "
               "matter).");
      out.push_back(s);
    }
    return out;
  }

 private:
  const json& j_;
  std::string path_;
};

PolicySection section(const PolicySection& parent, std::string_view key,
                      std::initializer_list<std::string_view> keys) {
  return PolicySection(parent.at(key), parent.name(key), keys);
}

constexpr std::uint64_t kMaxLength = 100000;

TermsRule parse_terms(const PolicySection& top, std::string_view key) {
  auto s = section(top, key, {"enabled", "severity", "terms"});
  TermsRule r{s.boolean("enabled"), s.severity("severity"), s.terms("terms"), nullptr};
  r.compiled = lint_detail::compile_terms(r.terms);
  return r;
}

}  // namespace

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::info;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

PolicyRules parse_policy(const json& j) {
  PolicySection top(
      j, "policy",
      {"version", rule::length, rule::banned_terms, rule::confidential_terms, rule::personal_data,
       rule::shouting, rule::insecure_links, rule::hashtags, rule::mentions});
  PolicyRules p;
  p.version = top.whole("version", 1, 1'000'000'000);
  {
    auto s = section(top, rule::length,
                     {"enabled", "severity", "max_characters", "recommended_max_characters",
                      "recommended_severity"});
    p.length.enabled = s.boolean("enabled");
    p.length.severity = s.severity("severity");
    p.length.max_characters = s.whole("max_characters", 1, kMaxLength);
    p.length.recommended_max_characters = s.whole("recommended_max_characters", 1, kMaxLength);
    p.length.recommended_severity = s.severity("recommended_severity");
    if (p.length.recommended_max_characters > p.length.max_characters)
      refuse(s.name("recommended_max_characters") + " (" +
             std::to_string(p.length.recommended_max_characters) + ") must not be more than " +
             s.name("max_characters") + " (" + std::to_string(p.length.max_characters) + ").");
  }
  p.banned_terms = parse_terms(top, rule::banned_terms);
  p.confidential_terms = parse_terms(top, rule::confidential_terms);
  {
    auto s = section(top, rule::personal_data, {"enabled", "severity", "emails", "phone_numbers"});
    p.personal_data = {s.boolean("enabled"), s.severity("severity"), s.boolean("emails"),
                       s.boolean("phone_numbers")};
  }
  {
    auto s = section(top, rule::shouting,
                     {"enabled", "severity", "caps_run_words", "caps_ratio_percent",
                      "caps_ratio_min_letters", "max_exclamation_marks"});
    p.shouting = {s.boolean("enabled"),
                  s.severity("severity"),
                  s.whole("caps_run_words", 2, 50),
                  s.whole("caps_ratio_percent", 1, 100),
                  s.whole("caps_ratio_min_letters", 1, kMaxLength),
                  s.whole("max_exclamation_marks", 1, 20)};
  }
  {
    auto s = section(top, rule::insecure_links, {"enabled", "severity"});
    p.insecure_links = {s.boolean("enabled"), s.severity("severity")};
  }
  {
    auto s = section(top, rule::hashtags, {"enabled", "severity", "max_hashtags"});
    p.hashtags = {s.boolean("enabled"), s.severity("severity"), s.whole("max_hashtags", 0, 100)};
  }
  {
    auto s = section(top, rule::mentions, {"enabled", "severity", "max_mentions"});
    p.mentions = {s.boolean("enabled"), s.severity("severity"), s.whole("max_mentions", 0, 100)};
  }
  return p;
}

json to_json(const PolicyRules& r) {
  auto sev = [](Severity s) { return std::string(to_string(s)); };
  json j;
  j["version"] = r.version;
  j[rule::length] = {{"enabled", r.length.enabled},
                     {"severity", sev(r.length.severity)},
                     {"max_characters", r.length.max_characters},
                     {"recommended_max_characters", r.length.recommended_max_characters},
                     {"recommended_severity", sev(r.length.recommended_severity)}};
  j[rule::banned_terms] = {{"enabled", r.banned_terms.enabled},
                           {"severity", sev(r.banned_terms.severity)},
                           {"terms", r.banned_terms.terms}};
  j[rule::confidential_terms] = {{"enabled", r.confidential_terms.enabled},
                                 {"severity", sev(r.confidential_terms.severity)},
                                 {"terms", r.confidential_terms.terms}};
  j[rule::personal_data] = {{"enabled", r.personal_data.enabled},
                            {"severity", sev(r.personal_data.severity)},
                            {"emails", r.personal_data.emails},
                            {"phone_numbers", r.personal_data.phone_numbers}};
  j[rule::shouting] = {{"enabled", r.shouting.enabled},
                       {"severity", sev(r.shouting.severity)},
                       {"caps_run_words", r.shouting.caps_run_words},
                       {"caps_ratio_percent", r.shouting.caps_ratio_percent},
                       {"caps_ratio_min_letters", r.shouting.caps_ratio_min_letters},
                       {"max_exclamation_marks", r.shouting.max_exclamation_marks}};
  j[rule::insecure_links] = {{"enabled", r.insecure_links.enabled},
                             {"severity", sev(r.insecure_links.severity)}};
  j[rule::hashtags] = {{"enabled", r.hashtags.enabled},
                       {"severity", sev(r.hashtags.severity)},
                       {"max_hashtags", r.hashtags.max_hashtags}};
  j[rule::mentions] = {{"enabled", r.mentions.enabled},
                       {"severity", sev(r.mentions.severity)},
                       {"max_mentions", r.mentions.max_mentions}};
  return j;
}

}  // namespace greenroom::domain
