// Text normalisation for the golden rules (NFKC, no format characters) and its offset map
// back to the author's original text; the rules catch words hidden by invisible characters.
#include "domain/normalise.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "domain/policy_lint.hpp"
#include "domain/text.hpp"

#ifndef GREENROOM_SOURCE_DIR
#error "compile with -DGREENROOM_SOURCE_DIR=\"/path/to/repo\""
#endif

namespace greenroom::domain {
namespace {

const std::string kZwsp = "\xE2\x80\x8B";        // U+200B ZERO WIDTH SPACE (Cf)
const std::string kShy = "\xC2\xAD";             // U+00AD SOFT HYPHEN (Cf)
const std::string kWordJoiner = "\xE2\x81\xA0";  // U+2060 WORD JOINER (Cf)
const std::string kRlo = "\xE2\x80\xAE";         // U+202E RIGHT-TO-LEFT OVERRIDE (Cf)
const std::string kFi = "\xEF\xAC\x81";          // U+FB01 LATIN SMALL LIGATURE FI
const std::string kFullwidthA = "\xEF\xBC\xA1";  // U+FF21 FULLWIDTH LATIN CAPITAL LETTER A

const PolicyRules& golden_rules() {
  static const PolicyRules rules = [] {
    std::ifstream in(std::string(GREENROOM_SOURCE_DIR) + "/config/policy.json");
    if (!in) throw std::runtime_error("cannot open config/policy.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_policy(nlohmann::json::parse(ss.str()));
  }();
  return rules;
}

std::vector<LintFinding> errors_of(const std::string& body, std::string_view rule_name) {
  std::vector<LintFinding> out;
  for (auto& f : lint_post(body, golden_rules()))
    if (f.rule == rule_name && f.severity == "error") out.push_back(f);
  return out;
}

TEST(Normalise, AsciiIsLeftAloneAndMapsToItself) {
  NormalisedText n("plain text");
  EXPECT_EQ(n.text(), "plain text");
  EXPECT_EQ(n.original_begin(6), 6u);
  EXPECT_EQ(n.original_end(10), 10u);
}

TEST(Normalise, DropsFormatCharactersAndAppliesNfkc) {
  EXPECT_EQ(NormalisedText("project" + kZwsp + "falcon").text(), "projectfalcon");
  EXPECT_EQ(NormalisedText("sh" + kShy + "it").text(), "shit");
  EXPECT_EQ(NormalisedText("a" + kWordJoiner + kRlo + "b").text(), "ab");
  EXPECT_EQ(NormalisedText(kFi + "nance").text(), "finance");
  EXPECT_EQ(NormalisedText(kFullwidthA).text(), "A");
  // Composed and decomposed é are the same text to the rules.
  EXPECT_EQ(NormalisedText("e\xCC\x81").text(), "\xC3\xA9");
  EXPECT_THROW(NormalisedText("bad \xFF"), std::invalid_argument);
}

TEST(Normalise, OffsetsMapBackToTheOriginalBytes) {
  // "a" ZWSP "bc": normalised "abc"; 'b' is byte 1 there and byte 4 in the original.
  const std::string original = "a" + kZwsp + "bc";
  NormalisedText n(original);
  ASSERT_EQ(n.text(), "abc");
  EXPECT_EQ(n.original_begin(1), 4u);
  EXPECT_EQ(n.original_end(3), original.size());
  // "ﬁx": normalised "fix"; both 'f' and 'i' come from the 3-byte ligature.
  NormalisedText lig(kFi + "x");
  ASSERT_EQ(lig.text(), "fix");
  EXPECT_EQ(lig.original_begin(0), 0u);
  EXPECT_EQ(lig.original_end(1), 3u);  // a range ending inside the ligature covers all of it
  EXPECT_EQ(lig.original_begin(1), 0u);
  EXPECT_EQ(lig.original_begin(2), 3u);
  EXPECT_EQ(lig.original_end(3), 4u);
}

TEST(Normalise, ZeroWidthSpaceDoesNotHideAConfidentialTerm) {
  const std::string body = "Update on project" + kZwsp + "falcon today";
  auto found = errors_of(body, "confidential_terms");
  ASSERT_EQ(found.size(), 1u);
  // Code points of the original: "Update on " is 10, the term runs to "falcon" inclusive.
  EXPECT_EQ(found[0].start, 10u);
  EXPECT_EQ(found[0].end, 10u + 7 + 1 + 6);
}

TEST(Normalise, SoftHyphenDoesNotHideABannedWord) {
  auto found = errors_of("This is sh" + kShy + "it.", "banned_terms");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, 8u);
  EXPECT_EQ(found[0].end, 13u);  // s, h, SHY, i, t
}

TEST(Normalise, ZeroWidthSpaceDoesNotHideAnEmailAddress) {
  const std::string body = "Write to rui" + kZwsp + "@example.com please";
  auto found = errors_of(body, "personal_data");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, 9u);
  EXPECT_EQ(found[0].end, 9u + 3 + 1 + 12);
}

TEST(Normalise, FindingsAfterInvisibleCharactersAndLigaturesKeepOriginalOffsets) {
  // A finding after a ZWSP: the email starts one code point later than in the visible text.
  const std::string after_zwsp = kZwsp + "x a@b.com";
  auto email = errors_of(after_zwsp, "personal_data");
  ASSERT_EQ(email.size(), 1u);
  EXPECT_EQ(email[0].start, 3u);
  EXPECT_EQ(email[0].end, 10u);
  // After a ligature: "ﬁne a@b.com": "ﬁ" is one code point of the original, two normalised.
  auto lig = errors_of(kFi + "ne a@b.com", "personal_data");
  ASSERT_EQ(lig.size(), 1u);
  EXPECT_EQ(lig[0].start, 4u);
  EXPECT_EQ(lig[0].end, 11u);
  // A finding that starts inside a ligature covers the whole ligature: "ﬁnancial results" is
  // not a term, but a banned word written with a ligature is caught and underlined from it.
  auto fuck = errors_of("oh f" + kShy + "uck" + kFi, "banned_terms");
  ASSERT_EQ(fuck.size(), 1u);
  EXPECT_EQ(fuck[0].start, 3u);
  EXPECT_EQ(fuck[0].end, 9u);  // f SHY u c k ﬁ (the prefix term runs to the end of the word)
}

TEST(Normalise, FullwidthLettersAreReadAsAscii) {
  // "ｐｒｏｊｅｃｔ ｆａｌｃｏｎ" in fullwidth letters.
  std::string wide;
  for (char c : std::string("project falcon")) {
    if (c == ' ') {
      wide += ' ';
      continue;
    }
    const char32_t cp = 0xFF41 + (c - 'a');
    wide += static_cast<char>(0xE0 | (cp >> 12));
    wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    wide += static_cast<char>(0x80 | (cp & 0x3F));
  }
  auto found = errors_of(wide, "confidential_terms");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, 0u);
  EXPECT_EQ(found[0].end, 14u);
}

TEST(Normalise, TextWithoutInvisibleCharactersLintsAsBefore) {
  auto found = errors_of("Project Falcon ships", "confidential_terms");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, 0u);
  EXPECT_EQ(found[0].end, 14u);
}

}  // namespace
}  // namespace greenroom::domain
