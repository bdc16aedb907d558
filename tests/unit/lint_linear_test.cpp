// No golden rule may be worse than linear: each rule runs on ~200 KB of input built to hurt
// it (the shapes that made a rule quadratic or could), and the result must be right. The
// time is not asserted (tests/bench/lint_bench.cpp shows it); a quadratic rule would take
// minutes here and time the test run out.
#include <gtest/gtest.h>

#include <string>

#include "domain/policy_lint.hpp"

namespace greenroom::domain {
namespace {

constexpr std::size_t kSize = 200 * 1024;

std::string repeat(const std::string& unit, std::size_t bytes = kSize) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

PolicyRules only(std::string_view rule_name) {
  PolicyRules r;
  if (rule_name == rule::length) r.length.enabled = true;
  if (rule_name == rule::banned_terms) {
    r.banned_terms.enabled = true;
    r.banned_terms.terms = {"ab*", "a b c", "aaaa", "x y"};
  }
  if (rule_name == rule::confidential_terms) {
    r.confidential_terms.enabled = true;
    r.confidential_terms.terms = {"project falcon", "-x*"};
  }
  if (rule_name == rule::personal_data) r.personal_data.enabled = true;
  if (rule_name == rule::shouting) r.shouting.enabled = true;
  if (rule_name == rule::insecure_links) r.insecure_links.enabled = true;
  if (rule_name == rule::hashtags) r.hashtags.enabled = true;
  if (rule_name == rule::mentions) r.mentions.enabled = true;
  return r;
}

std::size_t count_rule(const std::vector<LintFinding>& findings, std::string_view rule_name) {
  std::size_t n = 0;
  for (const auto& f : findings) n += f.rule == rule_name;
  return n;
}

TEST(LintLinear, InsecureLinkFollowedByClosingParentheses) {
  const std::string body = "http://a" + repeat(")");
  auto f = lint_post(body, only(rule::insecure_links));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].start, 0u);
  EXPECT_EQ(f[0].end, 8u);  // "http://a": every unmatched ')' is punctuation after the link
}

TEST(LintLinear, InsecureLinkWithBalancedBracketsAndManyLinks) {
  const std::string body = "http://a" + repeat("(x)[y]") + "])).";
  auto f = lint_post(body, only(rule::insecure_links));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].end, body.size() - 4);  // the balanced brackets stay, the rest is trimmed
  auto many = lint_post(repeat("http://x.example "), only(rule::insecure_links));
  EXPECT_EQ(many.size(), (kSize + 16) / 17);
}

TEST(LintLinear, Emails) {
  // Long local parts and domains without a top-level domain, and many '@'.
  auto none = lint_post(repeat("a.") + "@" + repeat("b-"), only(rule::personal_data));
  EXPECT_EQ(none.size(), 0u);
  auto ats = lint_post(repeat("a@"), only(rule::personal_data));
  EXPECT_EQ(ats.size(), 0u);
  auto many = lint_post(repeat("a@b.co "), only(rule::personal_data));
  EXPECT_EQ(many.size(), (kSize + 6) / 7);
}

TEST(LintLinear, PhoneNumbers) {
  auto groups = lint_post(repeat("1 "), only(rule::personal_data));  // one endless candidate
  EXPECT_EQ(groups.size(), 0u);
  auto parens = lint_post(repeat("(1"), only(rule::personal_data));
  EXPECT_EQ(parens.size(), 0u);
  auto phones = lint_post(repeat("call 555-123-4567 "), only(rule::personal_data));
  EXPECT_EQ(phones.size(), (kSize + 17) / 18);
}

TEST(LintLinear, Terms) {
  // A prefix term that matches at every word start, a long word, spaces everywhere.
  auto prefix = lint_post(repeat("ab "), only(rule::banned_terms));
  EXPECT_EQ(count_rule(prefix, rule::banned_terms), (kSize + 2) / 3);
  auto long_word = lint_post(repeat("a"), only(rule::banned_terms));
  EXPECT_EQ(long_word.size(), 0u);  // "aaaa" is a whole word only, and this word is longer
  auto near_misses = lint_post(repeat("a b "), only(rule::banned_terms));
  EXPECT_EQ(near_misses.size(), 0u);
  auto anywhere = lint_post(repeat("-x-"), only(rule::confidential_terms));
  EXPECT_EQ(anywhere.size(), (kSize + 2) / 3);
  auto spaced = lint_post(repeat("project falcon "), only(rule::confidential_terms));
  EXPECT_EQ(spaced.size(), (kSize + 14) / 15);
}

TEST(LintLinear, Shouting) {
  auto caps = lint_post(repeat("LOUD "), only(rule::shouting));
  EXPECT_GE(caps.size(), 1u);
  EXPECT_EQ(caps[0].start, 0u);
  auto marks = lint_post(repeat("!"), only(rule::shouting));
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].end, kSize);
  auto apostrophes = lint_post(repeat("A'"), only(rule::shouting));
  EXPECT_GE(apostrophes.size(), 1u);
}

TEST(LintLinear, HashtagsAndMentions) {
  auto glued = lint_post(repeat("#a"), only(rule::hashtags));
  EXPECT_EQ(glued.size(), 0u);  // "#a#a...": one hashtag, the others are inside it
  auto tags = lint_post(repeat("#a "), only(rule::hashtags));
  ASSERT_EQ(tags.size(), 1u);  // one finding spanning every hashtag past the third
  EXPECT_EQ(tags[0].start, 9u);
  auto hashes = lint_post(repeat("#"), only(rule::hashtags));
  EXPECT_EQ(hashes.size(), 0u);
  auto mentions = lint_post(repeat("@a.b "), only(rule::mentions));
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 25u);  // the sixth mention
  auto dots = lint_post("@" + repeat("a."), only(rule::mentions));
  EXPECT_EQ(dots.size(), 0u);  // one mention is within the limit
}

TEST(LintLinear, LengthAndNormalisation) {
  auto f = lint_post(repeat("a"), only(rule::length));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].end, kSize);
  // Many invisible characters and ligatures: the map back stays linear and exact.
  std::string body = repeat("\xE2\x80\x8B\xEF\xAC\x81");  // ZWSP + ﬁ
  body += " a@b.co";
  auto email = lint_post(body, only(rule::personal_data));
  ASSERT_EQ(email.size(), 1u);
  const std::size_t units = (kSize + 5) / 6;
  EXPECT_EQ(email[0].start, units * 2 + 1);
  EXPECT_EQ(email[0].end, units * 2 + 7);
}

}  // namespace
}  // namespace greenroom::domain
