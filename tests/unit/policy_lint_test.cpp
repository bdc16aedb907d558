#include "domain/policy_lint.hpp"

#include <gtest/gtest.h>

#include "domain/text.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#ifndef GREENROOM_SOURCE_DIR
#error "compile with -DGREENROOM_SOURCE_DIR=\"/path/to/repo\""
#endif

namespace greenroom::domain {
namespace {

using nlohmann::json;

// Emoji and other multi-byte characters, spelled out so the byte counts are visible.
const std::string kRocket = "\xF0\x9F\x9A\x80";            // 🚀 U+1F680, 4 bytes, 1 code point
const std::string kParty = "\xF0\x9F\x8E\x89";             // 🎉 U+1F389
const std::string kPhone = "\xF0\x9F\x93\x9E";             // 📞 U+1F4DE
const std::string kZhongwen = "\xE4\xB8\xAD\xE6\x96\x87";  // 中文, 2 code points
const std::string kEacute = "\xC3\xA9";                    // é

json load_policy_file() {
  std::ifstream in(std::string(GREENROOM_SOURCE_DIR) + "/config/policy.json");
  if (!in) throw std::runtime_error("cannot open config/policy.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

const PolicyRules& golden_rules() {
  static const PolicyRules rules = parse_policy(load_policy_file());
  return rules;
}

struct Span {
  std::size_t start, end;
  bool operator==(const Span&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << "[" << s.start << ", " << s.end << ")";
}

std::vector<Span> spans(const std::vector<LintFinding>& findings) {
  std::vector<Span> out;
  for (const auto& f : findings) out.push_back({f.start, f.end});
  return out;
}

std::vector<Span> spans_of(std::string_view body, const PolicyRules& rules) {
  return spans(lint_post(body, rules));
}

// ---------------------------------------------------------------- rule sets for one rule

PolicyRules length_rules(std::size_t max = 3000, std::size_t recommended = 280) {
  PolicyRules r;
  r.length.enabled = true;
  r.length.max_characters = max;
  r.length.recommended_max_characters = recommended;
  return r;
}

PolicyRules banned_rules(std::vector<std::string> terms) {
  PolicyRules r;
  r.banned_terms.enabled = true;
  r.banned_terms.terms = std::move(terms);
  return r;
}

PolicyRules confidential_rules(std::vector<std::string> terms) {
  PolicyRules r;
  r.confidential_terms.enabled = true;
  r.confidential_terms.terms = std::move(terms);
  return r;
}

PolicyRules personal_rules(bool emails = true, bool phones = true) {
  PolicyRules r;
  r.personal_data.enabled = true;
  r.personal_data.emails = emails;
  r.personal_data.phone_numbers = phones;
  return r;
}

PolicyRules shouting_rules() {
  PolicyRules r;
  r.shouting.enabled = true;
  r.shouting.caps_run_words = 3;
  r.shouting.caps_ratio_percent = 70;
  r.shouting.caps_ratio_min_letters = 30;
  r.shouting.max_exclamation_marks = 1;
  return r;
}

PolicyRules ratio_only_rules() {
  PolicyRules r = shouting_rules();
  r.shouting.caps_run_words = 1000;  // no word run is that long here
  return r;
}

PolicyRules link_rules() {
  PolicyRules r;
  r.insecure_links.enabled = true;
  return r;
}

PolicyRules hashtag_rules(std::size_t max = 3) {
  PolicyRules r;
  r.hashtags.enabled = true;
  r.hashtags.max_hashtags = max;
  return r;
}

PolicyRules mention_rules(std::size_t max = 2) {
  PolicyRules r;
  r.mentions.enabled = true;
  r.mentions.max_mentions = max;
  return r;
}

// ---------------------------------------------------------------- no false positives

TEST(LintOrdinaryText, HasNoFindingsUnderTheGoldenRules) {
  const char* posts[] = {
      "I'm excited to share our Q3 results with the team.",
      "We opened a new office in the USA.",
      "USA",
      "Proud of what the EMEA team delivered this quarter. Details: https://example.com/q3 "
      "#teamwork",
      "We met the CEO and CFO of ACME Corp to discuss the FY24 roadmap with @dana.",
      "Our class assessment passed in Amsterdam, and the Scunthorpe office is hiring!",
      "Revenue grew 12.5% to $1,234,567 on 2024-05-01; version 10.2.3 ships on 12.03.2024.",
      "What a week?! Thanks to everyone who joined the town hall.",
      "Caf\xC3\xA9 chat with the \xE4\xB8\xAD\xE6\x96\x87 team \xF0\x9F\x9A\x80 at 3pm.",
      "",
  };
  for (const char* post : posts) {
    auto findings = lint_post(post, golden_rules());
    EXPECT_TRUE(findings.empty()) << post << " -> " << findings.size() << " finding(s), first: "
                                  << (findings.empty() ? "" : findings[0].message);
  }
}

TEST(LintOrdinaryText, DefaultConstructedRulesCheckNothing) {
  EXPECT_TRUE(
      lint_post("DAMN!!! Call 555-123-4567 http://x.example #a #b #c #d", PolicyRules{}).empty());
}

TEST(Lint, InvalidUtf8Throws) {
  EXPECT_THROW(lint_post("bad \xFF byte", golden_rules()), std::invalid_argument);
  EXPECT_THROW(lint_post("cut \xE4\xB8", golden_rules()), std::invalid_argument);
}

// ---------------------------------------------------------------- length

TEST(LintLength, AtRecommendedLimitIsFine) {
  EXPECT_TRUE(lint_post(std::string(280, 'a'), length_rules()).empty());
}

TEST(LintLength, OverRecommendedIsAWarningOverTheExtraText) {
  auto f = lint_post(std::string(281, 'a'), length_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "length");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_EQ(f[0].start, 280u);
  EXPECT_EQ(f[0].end, 281u);
  EXPECT_EQ(f[0].message,
            "The post is 281 characters long; posts of up to 280 characters read best. "
            "Consider cutting 1 character.");
}

TEST(LintLength, OverMaximumIsAnErrorAndReplacesTheWarning) {
  auto f = lint_post(std::string(310, 'a'), length_rules(300, 280));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].start, 300u);
  EXPECT_EQ(f[0].end, 310u);
  EXPECT_EQ(f[0].message,
            "The post is 310 characters long; the limit is 300. Shorten it by 10 characters.");
  EXPECT_TRUE(lint_post(std::string(300, 'a'), length_rules(300, 300)).empty());
}

TEST(LintLength, CountsCodePointsNotBytes) {
  std::string emoji;
  for (int i = 0; i < 200; ++i) emoji += kRocket;  // 800 bytes, 200 code points
  EXPECT_TRUE(lint_post(emoji, length_rules()).empty());
  for (int i = 0; i < 81; ++i) emoji += kRocket;
  EXPECT_EQ(spans_of(emoji, length_rules()), (std::vector<Span>{{280, 281}}));
}

TEST(LintLength, ConfiguredSeverities) {
  auto r = length_rules(10, 5);
  r.length.severity = Severity::warning;
  r.length.recommended_severity = Severity::info;
  auto recommended = lint_post("123456", r);
  ASSERT_EQ(recommended.size(), 1u);
  EXPECT_EQ(recommended[0].severity, "info");
  auto over = lint_post("12345678901", r);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].severity, "warning");
}

// ---------------------------------------------------------------- banned terms

TEST(LintBannedTerms, FindsWholeWord) {
  auto f = lint_post("This is damn good.", banned_rules({"damn"}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "banned_terms");
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].start, 8u);
  EXPECT_EQ(f[0].end, 12u);
  EXPECT_EQ(f[0].message,
            "Remove \"damn\": this word is on the list of words not allowed in posts.");
}

TEST(LintBannedTerms, IgnoresAsciiCase) {
  auto f = lint_post("DAMN it. Damn!", banned_rules({"damn"}));
  ASSERT_EQ(spans(f), (std::vector<Span>{{0, 4}, {9, 13}}));
  EXPECT_EQ(f[1].message,
            "Remove \"Damn\": this word is on the list of words not allowed in posts.");
  EXPECT_EQ(spans_of("damn", banned_rules({"DAMN"})), (std::vector<Span>{{0, 4}}));
}

TEST(LintBannedTerms, DoesNotMatchInsideWords) {
  EXPECT_TRUE(lint_post("Amsterdam damnation class assessment passed bass_ass ass2",
                        banned_rules({"damn", "ass"}))
                  .empty());
}

TEST(LintBannedTerms, PunctuationIsAWordBoundary) {
  EXPECT_EQ(spans_of("(damn) damn's damn-it \"damn\"", banned_rules({"damn"})),
            (std::vector<Span>{{1, 5}, {7, 11}, {14, 18}, {23, 27}}));
}

TEST(LintBannedTerms, OffsetsAfterEmojiAndMultiByteCharacters) {
  EXPECT_EQ(spans_of(kRocket + kRocket + " damn", banned_rules({"damn"})),
            (std::vector<Span>{{3, 7}}));
  EXPECT_EQ(spans_of(kZhongwen + " damn " + kEacute + " damn", banned_rules({"damn"})),
            (std::vector<Span>{{3, 7}, {10, 14}}));
}

TEST(LintBannedTerms, AccentedLetterNextToTermIsPartOfTheWord) {
  EXPECT_TRUE(lint_post("damn" + kEacute + " " + kEacute + "damn", banned_rules({"damn"})).empty());
}

TEST(LintBannedTerms, MultiWordTermMatchesAnyWhiteSpace) {
  EXPECT_EQ(spans_of("Oh screw   you\nand Screw\nYOU", banned_rules({"screw you"})),
            (std::vector<Span>{{3, 14}, {19, 28}}));
  EXPECT_TRUE(lint_post("screwyou", banned_rules({"screw you"})).empty());
}

TEST(LintBannedTerms, StarMatchesWordsBeginningWithTheTerm) {
  auto r = banned_rules({"fuck*"});
  EXPECT_EQ(spans_of("fucking hell, Fuck, unfuckable", r), (std::vector<Span>{{0, 7}, {14, 18}}));
}

TEST(LintBannedTerms, TermsInScriptsWithoutSpacesMatchInsideText) {
  // 这是秘密计划 ("this is a secret plan"): no spaces between words in Chinese.
  auto r = banned_rules({"\xE7\xA7\x98\xE5\xAF\x86"});  // 秘密
  EXPECT_EQ(spans_of("\xE8\xBF\x99\xE6\x98\xAF\xE7\xA7\x98\xE5\xAF\x86\xE8\xAE\xA1\xE5\x88\x92", r),
            (std::vector<Span>{{2, 4}}));
  // An ASCII term right after Chinese text is still found.
  EXPECT_EQ(spans_of(kZhongwen + "damn", banned_rules({"damn"})), (std::vector<Span>{{2, 6}}));
}

TEST(LintBannedTerms, NonAsciiLettersCompareExactly) {
  auto r = banned_rules({"Caf" + kEacute});
  EXPECT_EQ(spans_of("caf" + kEacute + " CAF\xC3\x89", r), (std::vector<Span>{{0, 4}}));
}

TEST(LintBannedTerms, EveryOccurrenceIsReported) {
  EXPECT_EQ(spans_of("crap, crap and more crap", banned_rules({"crap"})).size(), 3u);
}

TEST(LintBannedTerms, DisabledOrEmptyListFindsNothing) {
  auto r = banned_rules({"damn"});
  r.banned_terms.enabled = false;
  EXPECT_TRUE(lint_post("damn", r).empty());
  EXPECT_TRUE(lint_post("damn", banned_rules({})).empty());
}

TEST(LintBannedTerms, GoldenRulesCatchProfanity) {
  auto f = lint_post("This is bullshit and you know it", golden_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "banned_terms");
  EXPECT_EQ(spans(f), (std::vector<Span>{{8, 16}}));
}

// ---------------------------------------------------------------- confidential terms

TEST(LintConfidentialTerms, FindsProjectCodeName) {
  auto f = lint_post("Project Falcon launches soon", confidential_rules({"project falcon"}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "confidential_terms");
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].start, 0u);
  EXPECT_EQ(f[0].end, 14u);
  EXPECT_EQ(f[0].message,
            "Remove \"Project Falcon\": it refers to confidential information, which must not "
            "appear in posts.");
  EXPECT_TRUE(lint_post("projectfalcon", confidential_rules({"project falcon"})).empty());
}

TEST(LintConfidentialTerms, StarCoversTheWholeWord) {
  EXPECT_EQ(spans_of("Two acquisitions closed. Acquisition!", confidential_rules({"acquisition*"})),
            (std::vector<Span>{{4, 16}, {25, 36}}));
}

TEST(LintConfidentialTerms, PhraseAcrossLineBreaks) {
  EXPECT_EQ(
      spans_of("No earnings\nbefore  release.", confidential_rules({"earnings before release"})),
      (std::vector<Span>{{3, 27}}));
}

TEST(LintConfidentialTerms, OffsetsAfterEmoji) {
  EXPECT_EQ(spans_of(kParty + " Project Falcon", confidential_rules({"project falcon"})),
            (std::vector<Span>{{2, 16}}));
}

TEST(LintConfidentialTerms, GoldenRulesCatchTheBriefExamples) {
  auto f =
      lint_post("Psst: project falcon and the acquisition talks are on track.", golden_rules());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "confidential_terms");
  EXPECT_EQ(spans(f), (std::vector<Span>{{6, 20}, {29, 46}}));
  // Everyday HR and sales words are not confidential.
  EXPECT_TRUE(lint_post("Our talent acquisition team hired 12 people.", golden_rules()).empty());
  EXPECT_EQ(spans_of("Share earnings before release? No.", golden_rules()),
            (std::vector<Span>{{6, 29}}));
}

// ---------------------------------------------------------------- personal data

TEST(LintPersonalData, EmailAddress) {
  auto f = lint_post("Contact jane.doe@example.com today.", personal_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "personal_data");
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].start, 8u);
  EXPECT_EQ(f[0].end, 28u);
  EXPECT_EQ(f[0].message, "Remove the email address: personal data must not appear in posts.");
}

TEST(LintPersonalData, EmailAtSentenceEndExcludesTheFullStop) {
  EXPECT_EQ(spans_of("Write to a@b.co.", personal_rules()), (std::vector<Span>{{9, 15}}));
  EXPECT_EQ(spans_of("x+tag@mail.example.org, y_z@sub-domain.io", personal_rules()),
            (std::vector<Span>{{0, 22}, {24, 41}}));
}

TEST(LintPersonalData, EmailAfterEmoji) {
  EXPECT_EQ(spans_of(kParty + " Email ceo@greenroom.example now", personal_rules()),
            (std::vector<Span>{{8, 29}}));
}

TEST(LintPersonalData, NotEmails) {
  EXPECT_TRUE(lint_post("Thanks @alice and @bob.smith! user@localhost a@b.c x @ y.com @ home",
                        personal_rules())
                  .empty());
}

TEST(LintPersonalData, InternationalPhoneNumber) {
  auto f = lint_post("Call +44 20 7946 0958 today", personal_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].start, 5u);
  EXPECT_EQ(f[0].end, 21u);
  EXPECT_EQ(f[0].message, "Remove the phone number: personal data must not appear in posts.");
  EXPECT_EQ(spans_of("+1 (555) 123-4567", personal_rules()), (std::vector<Span>{{0, 17}}));
  EXPECT_EQ(spans_of("+447946095800", personal_rules()), (std::vector<Span>{{0, 13}}));
  EXPECT_EQ(spans_of("+33 1 23 45 67 89", personal_rules()), (std::vector<Span>{{0, 17}}));
}

TEST(LintPersonalData, UsPhoneNumbers) {
  EXPECT_EQ(spans_of("Call (555) 123-4567.", personal_rules()), (std::vector<Span>{{5, 19}}));
  EXPECT_EQ(spans_of("Call 555-123-4567", personal_rules()), (std::vector<Span>{{5, 17}}));
  EXPECT_EQ(spans_of("555.123.4567", personal_rules()), (std::vector<Span>{{0, 12}}));
  EXPECT_EQ(spans_of("(555)123-4567", personal_rules()), (std::vector<Span>{{0, 13}}));
  EXPECT_EQ(spans_of("Dial 1-800-555-0199 now", personal_rules()), (std::vector<Span>{{5, 19}}));
}

TEST(LintPersonalData, NationalNumberWithTrunkPrefix) {
  EXPECT_EQ(spans_of("Ring 020 7946 0958", personal_rules()), (std::vector<Span>{{5, 18}}));
  EXPECT_EQ(spans_of("(020) 7946 0958", personal_rules()), (std::vector<Span>{{0, 15}}));
  EXPECT_EQ(spans_of("01 23 45 67 89", personal_rules()), (std::vector<Span>{{0, 14}}));
}

TEST(LintPersonalData, PhoneOffsetsAfterMultiByteCharacters) {
  EXPECT_EQ(spans_of(kPhone + " +44 20 7946 0958", personal_rules()), (std::vector<Span>{{2, 18}}));
  // 中文：555-123-4567 (with a fullwidth colon)
  EXPECT_EQ(spans_of(kZhongwen + "\xEF\xBC\x9A"
                                 "555-123-4567",
                     personal_rules()),
            (std::vector<Span>{{3, 15}}));
}

TEST(LintPersonalData, NumbersThatAreNotPhoneNumbers) {
  const char* texts[] = {
      "On 2024-05-01 we grew 12.5% to $1,234,567.",
      "Version 10.2.3 shipped; server 192.168.100.200 is up.",
      "Ext 555-1234, order 5551234567, ISBN 978-3-16-148410-0.",
      "Up +20% this year, score 3-2, dates 12.03.2024 and 2023-2024.",
      "Call 555-123-4567x",
      "id555-123-4567",
      "(555 123-4567",
  };
  for (const char* t : texts) EXPECT_TRUE(lint_post(t, personal_rules()).empty()) << t;
}

TEST(LintPersonalData, EmailAndPhoneSwitches) {
  std::string text = "a@example.com or 555-123-4567";
  EXPECT_EQ(spans_of(text, personal_rules(true, true)), (std::vector<Span>{{0, 13}, {17, 29}}));
  EXPECT_EQ(spans_of(text, personal_rules(false, true)), (std::vector<Span>{{17, 29}}));
  EXPECT_EQ(spans_of(text, personal_rules(true, false)), (std::vector<Span>{{0, 13}}));
}

// ---------------------------------------------------------------- shouting

TEST(LintShouting, RunOfCapitalWords) {
  auto f = lint_post("This is VERY VERY IMPORTANT news", shouting_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "shouting");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_EQ(f[0].start, 8u);
  EXPECT_EQ(f[0].end, 27u);
  EXPECT_EQ(f[0].message,
            "Avoid writing 3 words in a row in capitals: it reads as shouting. Keep capitals to "
            "at most 2 words in a row, such as an acronym.");
}

TEST(LintShouting, AcronymsAreNotShouting) {
  const char* texts[] = {
      "USA",
      "The USA and UK teams met the CEO",
      "Big news from NASA and ESA today",
      "FY24 Q3 KPI review",
      "#AI #ML #NLP are hot topics",
      "@ANN @BOB @CY thanks",
      "WELL DONE team",
  };
  for (const char* t : texts) EXPECT_TRUE(lint_post(t, shouting_rules()).empty()) << t;
}

TEST(LintShouting, SingleLetterWordsAndNumbersDoNotBreakARun) {
  EXPECT_EQ(spans_of("I AM SO HAPPY about this", shouting_rules()), (std::vector<Span>{{2, 13}}));
  EXPECT_EQ(spans_of("WE WON 2024 AWARDS", shouting_rules()), (std::vector<Span>{{0, 18}}));
  EXPECT_EQ(spans_of("STOP. NOW. PLEASE. ok", shouting_rules()), (std::vector<Span>{{0, 17}}));
}

TEST(LintShouting, ApostropheKeepsOneWord) {
  EXPECT_EQ(spans_of("DON'T DO THAT, please", shouting_rules()), (std::vector<Span>{{0, 13}}));
}

TEST(LintShouting, TwoSeparateRuns) {
  EXPECT_EQ(spans_of("ONE TWO THREE and FOUR FIVE SIX", shouting_rules()),
            (std::vector<Span>{{0, 13}, {18, 31}}));
}

TEST(LintShouting, OffsetsAfterEmoji) {
  EXPECT_EQ(spans_of(kRocket + " GO GO GO team", shouting_rules()), (std::vector<Span>{{2, 10}}));
}

TEST(LintShouting, NonAsciiCapitals) {
  // ПРИВЕТ ВСЕМ ДРУЗЬЯ
  EXPECT_EQ(spans_of("\xD0\x9F\xD0\xA0\xD0\x98\xD0\x92\xD0\x95\xD0\xA2 \xD0\x92\xD0\xA1\xD0\x95"
                     "\xD0\x9C \xD0\x94\xD0\xA0\xD0\xA3\xD0\x97\xD0\xAC\xD0\xAF",
                     shouting_rules()),
            (std::vector<Span>{{0, 18}}));
  // ÉTÉ ÉNORME SUCCÈS
  EXPECT_EQ(spans_of("\xC3\x89T\xC3\x89 \xC3\x89NORME SUCC\xC3\x88S", shouting_rules()),
            (std::vector<Span>{{0, 17}}));
  // Caseless scripts are never shouting.
  EXPECT_TRUE(lint_post(kZhongwen + " " + kZhongwen + " " + kZhongwen, shouting_rules()).empty());
}

TEST(LintShouting, MostlyCapitalsInALongPost) {
  std::string body = "  HELLO EVERYONE, THE LAUNCH WAS A SUCCESS AND WE ARE PROUD.  ";
  auto f = lint_post(body, ratio_only_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].start, 2u);
  EXPECT_EQ(f[0].end, 60u);
  EXPECT_EQ(f[0].message,
            "100% of the letters in this post are capitals, which reads as shouting. Keep "
            "capitals below 70% of the letters.");
}

TEST(LintShouting, RatioThresholdIsInclusive) {
  auto r = ratio_only_rules();
  r.shouting.caps_ratio_min_letters = 10;
  EXPECT_EQ(spans_of("ABCDEFGhij", r), (std::vector<Span>{{0, 10}}));
  EXPECT_TRUE(lint_post("ABCDEFghij", r).empty());
  EXPECT_TRUE(lint_post("ABCDEFGhi", r).empty());  // 9 letters: too short to judge
}

TEST(LintShouting, ShortCapitalTextIsNotJudgedByRatio) {
  EXPECT_TRUE(lint_post("OK THX", ratio_only_rules()).empty());
}

TEST(LintShouting, RatioAndRunTogether) {
  std::string body = kRocket + " WE ARE THRILLED TO ANNOUNCE OUR BEST QUARTER EVER";
  auto f = lint_post(body, shouting_rules());
  ASSERT_EQ(spans(f), (std::vector<Span>{{0, 51}, {2, 51}}));
  EXPECT_NE(f[0].message.find("% of the letters"), std::string::npos);
  EXPECT_NE(f[1].message.find("9 words in a row"), std::string::npos);
}

TEST(LintShouting, RepeatedExclamationMarks) {
  auto f = lint_post("Wow!!! Great", shouting_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].start, 3u);
  EXPECT_EQ(f[0].end, 6u);
  EXPECT_EQ(f[0].message,
            "Use a single exclamation mark instead of 3: repeated exclamation marks read as "
            "shouting.");
  EXPECT_EQ(spans_of("Yes!!", shouting_rules()), (std::vector<Span>{{3, 5}}));
}

TEST(LintShouting, SingleExclamationMarksAreFine) {
  EXPECT_TRUE(lint_post("Great! Yes! What?! ! !", shouting_rules()).empty());
}

TEST(LintShouting, ExclamationOffsetsAfterEmojiAndOtherForms) {
  EXPECT_EQ(spans_of(kRocket + kRocket + " Launch!!", shouting_rules()),
            (std::vector<Span>{{9, 11}}));
  EXPECT_EQ(spans_of("Done\xE2\x80\xBC", shouting_rules()), (std::vector<Span>{{4, 5}}));  // ‼
  // やった！！ (fullwidth exclamation marks)
  EXPECT_EQ(
      spans_of("\xE3\x82\x84\xE3\x81\xA3\xE3\x81\x9F\xEF\xBC\x81\xEF\xBC\x81", shouting_rules()),
      (std::vector<Span>{{3, 5}}));
}

TEST(LintShouting, ConfiguredExclamationLimit) {
  auto r = shouting_rules();
  r.shouting.max_exclamation_marks = 2;
  EXPECT_TRUE(lint_post("Go!!", r).empty());
  auto f = lint_post("Go!!!", r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(spans(f), (std::vector<Span>{{2, 5}}));
  EXPECT_EQ(f[0].message,
            "Use at most 2 exclamation marks in a row instead of 3: repeated exclamation marks "
            "read as shouting.");
}

TEST(LintShouting, ConfiguredRunLength) {
  auto r = shouting_rules();
  r.shouting.caps_run_words = 2;
  EXPECT_EQ(spans_of("WELL DONE team", r), (std::vector<Span>{{0, 9}}));
  EXPECT_TRUE(lint_post("USA", r).empty());
}

// ---------------------------------------------------------------- insecure links

TEST(LintInsecureLinks, HttpLink) {
  auto f = lint_post("See http://example.com/page.", link_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "insecure_links");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_EQ(f[0].start, 4u);
  EXPECT_EQ(f[0].end, 27u);
  EXPECT_EQ(f[0].message,
            "Use an https:// link instead of http://: links in posts must be secure.");
}

TEST(LintInsecureLinks, HttpsIsFine) {
  EXPECT_TRUE(
      lint_post("See https://example.com and HTTPS://EXAMPLE.COM/x?y=1", link_rules()).empty());
  EXPECT_TRUE(
      lint_post("the word http is fine, so is http: and http:// alone", link_rules()).empty());
}

TEST(LintInsecureLinks, UpperCaseScheme) {
  EXPECT_EQ(spans_of("HTTP://EXAMPLE.COM", link_rules()), (std::vector<Span>{{0, 18}}));
}

TEST(LintInsecureLinks, ParenthesesAndTrailingPunctuation) {
  EXPECT_EQ(spans_of("(see http://en.wikipedia.org/wiki/Foo_(bar))", link_rules()),
            (std::vector<Span>{{5, 43}}));
  EXPECT_EQ(spans_of("Links: http://a.example, http://b.example!", link_rules()),
            (std::vector<Span>{{7, 23}, {25, 41}}));
}

TEST(LintInsecureLinks, OffsetsAfterEmojiAndInternationalLinks) {
  EXPECT_EQ(spans_of(kParty + " http://a.example", link_rules()), (std::vector<Span>{{2, 18}}));
  // http://例子.中国/路径 ok
  EXPECT_EQ(spans_of("http://\xE4\xBE\x8B\xE5\xAD\x90.\xE4\xB8\xAD\xE5\x9B\xBD/"
                     "\xE8\xB7\xAF\xE5\xBE\x84 ok",
                     link_rules()),
            (std::vector<Span>{{0, 15}}));
}

TEST(LintInsecureLinks, ConfiguredAsError) {
  auto r = link_rules();
  r.insecure_links.severity = Severity::error;
  auto f = lint_post("http://x.example", r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_TRUE(has_errors(f));
}

// ---------------------------------------------------------------- hashtags

TEST(LintHashtags, TooManySpanTheExtraOnes) {
  auto f = lint_post("Go #one #two #three #four #five", hashtag_rules(3));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "hashtags");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_EQ(f[0].start, 20u);
  EXPECT_EQ(f[0].end, 31u);
  EXPECT_EQ(f[0].message, "Use at most 3 hashtags: this post has 5, so remove the last 2.");
}

TEST(LintHashtags, AtTheLimitIsFine) {
  EXPECT_TRUE(lint_post("#a #b #c", hashtag_rules(3)).empty());
}

TEST(LintHashtags, OneTooMany) {
  auto f = lint_post("#a #b #c #d", hashtag_rules(3));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(spans(f), (std::vector<Span>{{9, 11}}));
  EXPECT_EQ(f[0].message, "Use at most 3 hashtags: this post has 4, so remove the last one.");
  auto one = lint_post("#a #b", hashtag_rules(1));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].message, "Use at most 1 hashtag: this post has 2, so remove the last one.");
}

TEST(LintHashtags, ThingsThatAreNotHashtags) {
  EXPECT_TRUE(
      lint_post("We are #1 in C# and F#; see page#anchor, &#123; and ## here", hashtag_rules(0))
          .empty());
}

TEST(LintHashtags, NoneAllowed) {
  auto f = lint_post("Hello #team", hashtag_rules(0));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(spans(f), (std::vector<Span>{{6, 11}}));
  EXPECT_EQ(f[0].message, "Remove the hashtags: posts may not have any.");
}

TEST(LintHashtags, OffsetsWithEmojiAndNonAsciiTags) {
  EXPECT_EQ(spans_of(kRocket + " #a #b #c #d", hashtag_rules(3)), (std::vector<Span>{{11, 13}}));
  EXPECT_EQ(spans_of("#caf" + kEacute + " #" + kZhongwen + " #x #y", hashtag_rules(3)),
            (std::vector<Span>{{13, 15}}));
}

// ---------------------------------------------------------------- mentions

TEST(LintMentions, TooManySpanTheExtraOnes) {
  auto f = lint_post("Thanks @ann @bob @cy!", mention_rules(2));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "mentions");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_EQ(f[0].start, 17u);
  EXPECT_EQ(f[0].end, 20u);
  EXPECT_EQ(f[0].message, "Use at most 2 mentions: this post has 3, so remove the last one.");
}

TEST(LintMentions, EmailsAreNotMentions) {
  EXPECT_TRUE(lint_post("Mail ann@example.com, @bob and @cy", mention_rules(2)).empty());
}

TEST(LintMentions, DottedAndHyphenatedHandles) {
  EXPECT_EQ(spans_of("@first.last, @jean-luc and @x.", mention_rules(2)),
            (std::vector<Span>{{27, 29}}));
}

TEST(LintMentions, OffsetsAfterEmoji) {
  EXPECT_EQ(spans_of(kParty + kParty + " @a @b @c @d", mention_rules(2)),
            (std::vector<Span>{{9, 14}}));
}

// ---------------------------------------------------------------- several rules

TEST(Lint, FindingsAreSortedByStart) {
  auto f = lint_post("Damn!! Call 555-123-4567 or see http://x.example", golden_rules());
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].rule, "banned_terms");
  EXPECT_EQ(f[1].rule, "shouting");
  EXPECT_EQ(f[2].rule, "personal_data");
  EXPECT_EQ(f[3].rule, "insecure_links");
  EXPECT_EQ(spans(f), (std::vector<Span>{{0, 4}, {4, 6}, {12, 24}, {32, 48}}));
  EXPECT_TRUE(has_errors(f));
}

TEST(Lint, WarningsAloneAreNotErrors) {
  auto f = lint_post("Launch day!!", golden_rules());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_FALSE(has_errors(f));
  EXPECT_FALSE(has_errors({}));
}

TEST(Lint, FindingToJson) {
  LintFinding f{"shouting", "warning", "Use a single exclamation mark.", 3, 5};
  EXPECT_EQ(to_json(f), json({{"rule", "shouting"},
                              {"severity", "warning"},
                              {"message", "Use a single exclamation mark."},
                              {"start", 3},
                              {"end", 5}}));
}

TEST(Lint, LongPostStaysCorrect) {
  std::string body;
  for (int i = 0; i < 100; ++i) body += kRocket + " Great work, team. ";
  body += "Call 555-123-4567";
  auto f = lint_post(body, golden_rules());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "length");
  EXPECT_EQ(f[1].rule, "personal_data");
  EXPECT_EQ(f[0].start, 280u);
  EXPECT_EQ(f[0].end, 2017u);
  EXPECT_EQ(f[1].start, 2005u);  // 100 x 20 code points, then "Call "
  EXPECT_EQ(f[1].end, 2017u);
}

TEST(Lint, RandomTextGivesWellFormedSortedFindings) {
  // Pieces that trip every scanner, glued at random (fixed seed: deterministic).
  const std::vector<std::string> pieces = {" ",           "\n",
                                           "a",           "Z",
                                           "WOW",         "ok",
                                           "!",           "!!",
                                           "?",           "#",
                                           "@",           ".",
                                           "-",           "(",
                                           ")",           "+",
                                           "0",           "555",
                                           "123",         "4567",
                                           "020",         "+44",
                                           "http://",     "https://",
                                           "x.example",   "@ann",
                                           "#tag",        "jane@example.com",
                                           "damn",        "Project Falcon",
                                           "acquisition", "'",
                                           kRocket,       kEacute,
                                           kZhongwen,     "\xE2\x80\xBC",
                                           "\xC2\xA0"};
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), len(0, 80);
  PolicyRules rules = golden_rules();
  rules.length.max_characters = 150;
  rules.length.recommended_max_characters = 100;
  rules.hashtags.max_hashtags = 1;
  rules.mentions.max_mentions = 1;
  rules.shouting.caps_ratio_min_letters = 5;
  for (int round = 0; round < 3000; ++round) {
    std::string body;
    for (std::size_t n = len(rng); n > 0; --n) body += pieces[pick(rng)];
    auto findings = lint_post(body, rules);
    std::size_t count = code_point_count(body);
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      ASSERT_LT(f.start, f.end) << body;
      ASSERT_LE(f.end, count) << body;
      if (i > 0) {
        ASSERT_LE(findings[i - 1].start, f.start) << body;
      }
      ASSERT_TRUE(f.severity == "error" || f.severity == "warning" || f.severity == "info");
      ASSERT_FALSE(f.message.empty());
      ASSERT_EQ(f.message.back(), '.') << f.message;
    }
  }
}

// ---------------------------------------------------------------- severity names

TEST(Severity, Names) {
  EXPECT_EQ(to_string(Severity::error), "error");
  EXPECT_EQ(to_string(Severity::warning), "warning");
  EXPECT_EQ(to_string(Severity::info), "info");
  EXPECT_EQ(parse_severity("warning"), Severity::warning);
  EXPECT_FALSE(parse_severity("Warning"));
  EXPECT_FALSE(parse_severity("fatal"));
}

// ---------------------------------------------------------------- policy document

TEST(PolicyFile, ParsesAndRoundTrips) {
  json file = load_policy_file();
  PolicyRules p = parse_policy(file);
  EXPECT_EQ(p.version, 1u);
  EXPECT_TRUE(p.length.enabled);
  EXPECT_EQ(p.length.severity, Severity::error);
  EXPECT_EQ(p.length.recommended_max_characters, 280u);
  EXPECT_EQ(p.length.recommended_severity, Severity::warning);
  EXPECT_FALSE(p.banned_terms.terms.empty());
  auto has = [](const std::vector<std::string>& v, std::string_view t) {
    return std::find(v.begin(), v.end(), t) != v.end();
  };
  EXPECT_TRUE(has(p.confidential_terms.terms, "project falcon"));
  EXPECT_TRUE(has(p.confidential_terms.terms, "earnings before release"));
  EXPECT_TRUE(has(p.confidential_terms.terms, "acquisition talks"));
  EXPECT_EQ(p.confidential_terms.severity, Severity::error);
  EXPECT_EQ(p.personal_data.severity, Severity::error);
  EXPECT_TRUE(p.personal_data.emails);
  EXPECT_TRUE(p.personal_data.phone_numbers);
  EXPECT_TRUE(p.shouting.enabled);
  EXPECT_TRUE(p.insecure_links.enabled);
  EXPECT_TRUE(p.hashtags.enabled);
  EXPECT_TRUE(p.mentions.enabled);
  EXPECT_EQ(to_json(p), file);
}

TEST(PolicyFile, DefaultRulesRoundTrip) {
  PolicyRules p;
  json j = to_json(p);
  EXPECT_EQ(to_json(parse_policy(j)), j);
}

// Expect parse_policy to refuse `j` with a message containing `expected`.
void expect_refused(const json& j, const std::string& expected) {
  try {
    parse_policy(j);
    ADD_FAILURE() << "accepted: " << j.dump();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos)
        << "message: " << e.what() << "\nexpected to contain: " << expected;
  }
}

json with(const std::string& pointer, json value) {
  json j = load_policy_file();
  j[json::json_pointer(pointer)] = std::move(value);
  return j;
}

json without(const std::string& section, const std::string& key = "") {
  json j = load_policy_file();
  if (key.empty())
    j.erase(section);
  else
    j[section].erase(key);
  return j;
}

TEST(ParsePolicy, RefusesNonObjects) {
  expect_refused(json::array(), "policy must be a JSON object with the keys version, length,");
  expect_refused(json("rules"), "got \"rules\"");
  expect_refused(with("/length", json::array()),
                 "policy.length must be a JSON object with the keys enabled, severity, "
                 "max_characters, recommended_max_characters, recommended_severity; got an "
                 "array.");
}

TEST(ParsePolicy, RefusesUnknownKeys) {
  expect_refused(with("/colour", "green"),
                 "policy has an unknown key \"colour\"; the allowed keys are version, length, "
                 "banned_terms, confidential_terms, personal_data, shouting, insecure_links, "
                 "hashtags, mentions.");
  expect_refused(with("/length/maxx", 5),
                 "policy.length has an unknown key \"maxx\"; the allowed keys are enabled, "
                 "severity, max_characters, recommended_max_characters, recommended_severity.");
  expect_refused(with("/shouting/Enabled", true), "unknown key \"Enabled\"");
}

TEST(ParsePolicy, RefusesMissingKeys) {
  expect_refused(without("shouting"), "policy is missing the key \"shouting\"");
  expect_refused(without("version"), "policy is missing the key \"version\"");
  expect_refused(without("hashtags", "max_hashtags"),
                 "policy.hashtags is missing the key \"max_hashtags\"; it needs all of enabled, "
                 "severity, max_hashtags.");
}

TEST(ParsePolicy, RefusesWrongBooleans) {
  expect_refused(with("/length/enabled", "yes"),
                 "policy.length.enabled must be true or false; got \"yes\".");
  expect_refused(with("/personal_data/emails", 1),
                 "policy.personal_data.emails must be true or false; got 1.");
  expect_refused(with("/insecure_links/enabled", nullptr), "got null.");
}

TEST(ParsePolicy, RefusesWrongSeverities) {
  expect_refused(with("/mentions/severity", "fatal"),
                 "policy.mentions.severity must be one of \"error\", \"warning\", \"info\"; got "
                 "\"fatal\".");
  expect_refused(with("/length/recommended_severity", "Warning"), "got \"Warning\".");
  expect_refused(with("/shouting/severity", 2), "got 2.");
}

TEST(ParsePolicy, RefusesWrongNumbers) {
  const std::string range = "policy.length.max_characters must be a whole number from 1 to 100000";
  expect_refused(with("/length/max_characters", "300"), range + "; got \"300\".");
  expect_refused(with("/length/max_characters", 3.5), range + "; got 3.5.");
  expect_refused(with("/length/max_characters", 300.0), range);
  expect_refused(with("/length/max_characters", -1), range + "; got -1.");
  expect_refused(with("/length/max_characters", 0), range + "; got 0.");
  expect_refused(with("/length/max_characters", 100001), range + "; got 100001.");
  expect_refused(with("/length/max_characters", 18446744073709551615ull), range);
  expect_refused(with("/length/max_characters", true), range + "; got true.");
  expect_refused(with("/version", 0), "policy.version must be a whole number from 1 to");
  expect_refused(with("/version", "1"), "policy.version must be a whole number");
  expect_refused(with("/hashtags/max_hashtags", 101), "from 0 to 100; got 101.");
  expect_refused(with("/shouting/caps_run_words", 1),
                 "policy.shouting.caps_run_words must be a whole number from 2 to 50; got 1.");
  expect_refused(with("/shouting/caps_ratio_percent", 101), "from 1 to 100; got 101.");
  expect_refused(with("/shouting/max_exclamation_marks", 0), "from 1 to 20; got 0.");
}

TEST(ParsePolicy, RefusesRecommendedLengthAboveMaximum) {
  json j = with("/length/max_characters", 200);
  expect_refused(j,
                 "policy.length.recommended_max_characters (280) must not be more than "
                 "policy.length.max_characters (200).");
}

TEST(ParsePolicy, RefusesBadTermLists) {
  expect_refused(with("/banned_terms/terms", "damn"),
                 "policy.banned_terms.terms must be an array of at most 1000 strings; got "
                 "\"damn\".");
  expect_refused(with("/banned_terms/terms", json::array({"damn", 42})),
                 "policy.banned_terms.terms[1] must be a string; got 42.");
  expect_refused(with("/confidential_terms/terms", json::array({"  "})),
                 "policy.confidential_terms.terms[0] must be 1 to 100 characters of text, not "
                 "blank and without control characters; got \"  \".");
  expect_refused(with("/banned_terms/terms", json::array({""})), "terms[0] must be 1 to 100");
  expect_refused(with("/banned_terms/terms", json::array({"a\x01"
                                                          "b"})),
                 "terms[0] must be 1 to 100");
  expect_refused(with("/banned_terms/terms", json::array({std::string(101, 'x')})),
                 "terms[0] must be 1 to 100");
  json many = json::array();
  for (int i = 0; i < 1001; ++i) many.push_back("t" + std::to_string(i));
  expect_refused(with("/banned_terms/terms", many), "got 1001 items.");
}

TEST(ParsePolicy, RefusesDuplicateTerms) {
  expect_refused(with("/banned_terms/terms", json::array({"damn", "crap", "DAMN"})),
                 "policy.banned_terms.terms[2] \"DAMN\" repeats an earlier term; list each term "
                 "once (case and spacing do not matter).");
  expect_refused(
      with("/confidential_terms/terms", json::array({"project falcon", "Project  Falcon"})),
      "terms[1] \"Project  Falcon\" repeats an earlier term");
}

TEST(ParsePolicy, RefusesMisplacedStar) {
  for (const char* bad : {"*damn", "da*mn", "damn**", "damn *", "*", "(damn)*"})
    expect_refused(with("/banned_terms/terms", json::array({bad})),
                   "may use \"*\" only once, at the end, right after a letter or digit");
  EXPECT_NO_THROW(parse_policy(with("/banned_terms/terms", json::array({"damn*", "damn"}))));
}

TEST(ParsePolicy, AcceptsValidVariations) {
  json j = load_policy_file();
  j["version"] = 42;
  j["banned_terms"]["terms"] = json::array();
  j["hashtags"]["max_hashtags"] = 0;
  j["insecure_links"]["severity"] = "error";
  j["length"]["recommended_max_characters"] = j["length"]["max_characters"];
  PolicyRules p = parse_policy(j);
  EXPECT_EQ(p.version, 42u);
  EXPECT_TRUE(p.banned_terms.terms.empty());
  EXPECT_EQ(p.hashtags.max_hashtags, 0u);
  EXPECT_EQ(p.insecure_links.severity, Severity::error);
  EXPECT_EQ(to_json(p), j);
}

}  // namespace
}  // namespace greenroom::domain
