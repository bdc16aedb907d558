// domain::find_references: @mentions and #topics with code-point offsets.
#include <gtest/gtest.h>

#include "domain/references.hpp"

namespace greenroom::domain {
namespace {

using Kind = TextReference::Kind;

std::vector<std::string> values(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : find_references(text))
    out.push_back((r.kind == Kind::mention ? "@" : "#") + r.value);
  return out;
}

TEST(References, FindsMentionsAndTopicsWithOffsets) {
  auto refs = find_references("Thanks @Mia and @rui.d for #OKRs!");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].kind, Kind::mention);
  EXPECT_EQ(refs[0].value, "mia");
  EXPECT_EQ(refs[0].start, 7u);
  EXPECT_EQ(refs[0].end, 11u);
  EXPECT_EQ(refs[1].value, "rui.d");
  EXPECT_EQ(refs[2].kind, Kind::topic);
  EXPECT_EQ(refs[2].value, "okrs");
  EXPECT_EQ(refs[2].start, 27u);
  EXPECT_EQ(refs[2].end, 32u);
}

TEST(References, OffsetsCountCodePoints) {
  auto refs = find_references("Grüße 👋 @ana #ops #café");
  ASSERT_EQ(refs.size(), 2u);  // "#café" runs on into a non-ASCII letter: no topic
  EXPECT_EQ(refs[0].start, 8u);
  EXPECT_EQ(refs[0].end, 12u);
  EXPECT_EQ(refs[1].value, "ops");
  EXPECT_EQ(refs[1].start, 13u);
  EXPECT_EQ(refs[1].end, 17u);
}

TEST(References, TrailingPunctuationIsNotPartOfTheName) {
  EXPECT_EQ(values("ask @mia. Or @max-"), (std::vector<std::string>{"@mia", "@max"}));
  EXPECT_EQ(values("(@mia) [#ops], \"#q3-plan\""),
            (std::vector<std::string>{"@mia", "#ops", "#q3-plan"}));
}

TEST(References, AddressesLinksAndNumbersAreNotReferences) {
  EXPECT_TRUE(values("mail ana@example.com").empty());
  EXPECT_TRUE(values("see https://x.example/page#part and a=b#c").empty());
  EXPECT_TRUE(values("item #1, # alone, @ alone, @@mia, ##ops").empty());
  EXPECT_TRUE(values("café@mia").empty());
}

TEST(References, OverlongNamesAreIgnoredWhole) {
  EXPECT_TRUE(values("@" + std::string(65, 'a')).empty());
  EXPECT_EQ(values("@" + std::string(64, 'a')).size(), 1u);
  EXPECT_TRUE(values("#" + std::string(51, 'a')).empty());
  EXPECT_EQ(values("#" + std::string(50, 'a')).size(), 1u);
}

TEST(References, AtMostFiftyPerText) {
  std::string text;
  for (int i = 0; i < 80; ++i) text += "#t" + std::to_string(i) + " ";
  EXPECT_EQ(find_references(text).size(), kMaxReferencesPerText);
}

}  // namespace
}  // namespace greenroom::domain
