#include "domain/anchoring.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

// Code point index of the first occurrence of `needle` in `text` (test helper).
std::size_t cp_index(std::string_view text, std::string_view needle, std::size_t nth = 0) {
  auto pos = text.find(needle);
  for (std::size_t i = 0; i < nth; ++i) pos = text.find(needle, pos + 1);
  if (pos == std::string_view::npos) throw std::logic_error("needle not in text");
  return code_point_index_of(text, pos);
}

// Anchor the nth occurrence of `words` in `text`.
TextAnchor anchor_words(std::string_view text, std::string_view words, std::size_t nth = 0) {
  auto start = cp_index(text, words, nth);
  auto a = make_anchor(text, start, start + code_point_count(words));
  if (!a) throw std::logic_error("make_anchor failed");
  return *a;
}

// The words a re-anchor points at in `text`.
std::string words_at(std::string_view text, const Reanchor& r) {
  auto s = slice_code_points(text, r.start, r.end);
  return s ? std::string(*s) : std::string("<out of range>");
}

// ---------------------------------------------------------------- make_anchor

TEST(MakeAnchor, CapturesQuoteAndContext) {
  auto a = make_anchor("The quick brown fox jumps", 10, 15, 4);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "brown");
  EXPECT_EQ(a->prefix, "ick ");
  EXPECT_EQ(a->suffix, " fox");
  EXPECT_EQ(a->start, 10u);
  EXPECT_EQ(a->end, 15u);
}

TEST(MakeAnchor, DefaultContextIs32CodePoints) {
  std::string text(50, 'a');
  text += "TARGET";
  text += std::string(50, 'b');
  auto a = make_anchor(text, 50, 56);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "TARGET");
  EXPECT_EQ(a->prefix, std::string(32, 'a'));
  EXPECT_EQ(a->suffix, std::string(32, 'b'));
}

TEST(MakeAnchor, RangeAtTextStartHasEmptyPrefix) {
  auto a = make_anchor("Hello world", 0, 5);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "Hello");
  EXPECT_EQ(a->prefix, "");
  EXPECT_EQ(a->suffix, " world");
}

TEST(MakeAnchor, RangeAtTextEndHasEmptySuffix) {
  auto a = make_anchor("Hello world", 6, 11);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "world");
  EXPECT_EQ(a->prefix, "Hello ");
  EXPECT_EQ(a->suffix, "");
}

TEST(MakeAnchor, WholeText) {
  auto a = make_anchor("Hello", 0, 5);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "Hello");
  EXPECT_EQ(a->prefix, "");
  EXPECT_EQ(a->suffix, "");
}

TEST(MakeAnchor, ZeroContext) {
  auto a = make_anchor("Hello world", 6, 11, 0);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->prefix, "");
  EXPECT_EQ(a->suffix, "");
}

TEST(MakeAnchor, MultiByteOffsetsAreCodePoints) {
  // "Café 中文 rocks": C a f é ␠ 中 文 ␠ r o c k s
  std::string text = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 rocks";
  auto a = make_anchor(text, 5, 7, 2);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "\xE4\xB8\xAD\xE6\x96\x87");  // 中文
  EXPECT_EQ(a->prefix, "\xC3\xA9 ");                // "é "
  EXPECT_EQ(a->suffix, " r");
}

TEST(MakeAnchor, EmojiIsOneCodePoint) {
  std::string text = "Launch \xF0\x9F\x9A\x80 day";  // "Launch 🚀 day"
  auto a = make_anchor(text, 7, 8, 3);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->exact, "\xF0\x9F\x9A\x80");
  EXPECT_EQ(a->prefix, "ch ");
  EXPECT_EQ(a->suffix, " da");
}

TEST(MakeAnchor, EmptyRangeIsRefused) {
  EXPECT_FALSE(make_anchor("Hello", 2, 2));
  EXPECT_FALSE(make_anchor("Hello", 3, 2));
  EXPECT_FALSE(make_anchor("", 0, 0));
}

TEST(MakeAnchor, OutOfRangeIsRefused) {
  EXPECT_FALSE(make_anchor("Hello", 0, 6));
  EXPECT_FALSE(make_anchor("Hello", 5, 6));
  EXPECT_FALSE(make_anchor("Hello", 100, 200));
  EXPECT_FALSE(make_anchor("", 0, 1));
  // 4 code points but 7 bytes: byte counts are not accepted as code point offsets.
  EXPECT_FALSE(
      make_anchor("\xF0\x9F\x9A\x80"
                  "abc",
                  0, 5));
  EXPECT_TRUE(
      make_anchor("\xF0\x9F\x9A\x80"
                  "abc",
                  0, 4));
}

TEST(MakeAnchor, InvalidUtf8IsRefused) {
  EXPECT_FALSE(make_anchor("ab\xC3", 0, 2));
  EXPECT_FALSE(
      make_anchor("ab\xFF"
                  "cd",
                  0, 2));
}

// ---------------------------------------------------------------- reanchor

const std::string kPost = "Our team shipped the new onboarding flow this week. Proud of everyone!";

TEST(Reanchor, UnchangedTextKeepsPosition) {
  auto a = anchor_words(kPost, "onboarding flow");
  auto r = reanchor(a, kPost);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start);
  EXPECT_EQ(r.end, a.end);
}

TEST(Reanchor, EditBeforeRangeShiftsOffsets) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "Big news: " + kPost;
  auto r = reanchor(a, revised);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start + 10);
  EXPECT_EQ(r.end, a.end + 10);
  EXPECT_EQ(words_at(revised, r), "onboarding flow");
}

TEST(Reanchor, DeletionBeforeRangeShiftsOffsetsLeft) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "We shipped the new onboarding flow this week. Proud of everyone!";
  auto r = reanchor(a, revised);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start - 6);
  EXPECT_EQ(words_at(revised, r), "onboarding flow");
}

TEST(Reanchor, EditRightBeforeRangeChangesPrefixButStillFound) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised =
      "Our team shipped the redesigned onboarding flow this week. Proud of everyone!";
  auto r = reanchor(a, revised);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(words_at(revised, r), "onboarding flow");
  EXPECT_EQ(r.start, cp_index(revised, "onboarding flow"));
}

TEST(Reanchor, EditInsideRangeOrphans) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "Our team shipped the new onboarding process this week. Proud of everyone!";
  auto r = reanchor(a, revised);
  EXPECT_TRUE(r.orphaned);
  EXPECT_EQ(r.start, 0u);
  EXPECT_EQ(r.end, 0u);
}

TEST(Reanchor, CaseChangeInsideRangeOrphans) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "Our team shipped the new Onboarding Flow this week. Proud of everyone!";
  EXPECT_TRUE(reanchor(a, revised).orphaned);
}

TEST(Reanchor, EditAfterRangeKeepsPosition) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised =
      "Our team shipped the new onboarding flow today. Thank you all, proud of everyone!";
  auto r = reanchor(a, revised);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start);
  EXPECT_EQ(r.end, a.end);
}

TEST(Reanchor, AppendingTextKeepsPosition) {
  auto a = anchor_words(kPost, "Proud of everyone!");
  std::string revised = kPost + " #teamwork";
  auto r = reanchor(a, revised);
  EXPECT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start);
  EXPECT_EQ(r.end, a.end);
}

TEST(Reanchor, DeletedWordsOrphan) {
  auto a = anchor_words(kPost, "Proud of everyone!");
  std::string revised = "Our team shipped the new onboarding flow this week.";
  EXPECT_TRUE(reanchor(a, revised).orphaned);
}

TEST(Reanchor, PartlyDeletedWordsOrphan) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "Our team shipped the new onboarding this week. Proud of everyone!";
  EXPECT_TRUE(reanchor(a, revised).orphaned);
}

TEST(Reanchor, EmptyNewTextOrphans) {
  auto a = anchor_words(kPost, "team");
  EXPECT_TRUE(reanchor(a, "").orphaned);
}

TEST(Reanchor, DoesNotFuzzyMatchASimilarPhrase) {
  auto a = anchor_words("We love great coffee.", "great coffee");
  EXPECT_TRUE(reanchor(a, "We love great tea and good coffee.").orphaned);
  EXPECT_TRUE(reanchor(a, "We love great  coffee.").orphaned);
}

const std::string kGreat =
    "The launch was great. The team was great. The customers said it was great.";

TEST(Reanchor, RepeatedQuoteContextPicksTheRightOneWhenShifted) {
  for (std::size_t nth = 0; nth < 3; ++nth) {
    auto a = anchor_words(kGreat, "great", nth);
    std::string revised = "Honestly? " + kGreat;
    auto r = reanchor(a, revised);
    ASSERT_FALSE(r.orphaned) << nth;
    EXPECT_EQ(r.start, cp_index(revised, "great", nth)) << nth;
    EXPECT_EQ(words_at(revised, r), "great");
  }
}

TEST(Reanchor, RepeatedQuoteContextBeatsOldPosition) {
  // Anchor the third "great"; then the first two sentences are removed, so the old position
  // is past the end, and a new "great" appears near the old position with other context.
  auto a = anchor_words(kGreat, "great", 2);
  std::string revised =
      "The customers said it was great. Also a great many thanks to the great people here.";
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, cp_index(revised, "great", 0));
}

TEST(Reanchor, RepeatedQuoteWhenAnotherOccurrenceMovesOntoOldPosition) {
  // "great" #2 is anchored at code point 19. The edit swaps two sentences, so another "great"
  // sits at code point 19 now, but with other context: context wins over position.
  std::string text = "Good: great. Fine: great. Also: x great.";
  auto a = anchor_words(text, "great", 1);
  EXPECT_EQ(a.start, 19u);
  std::string revised = "Good: great. Also: great. Fine: great.";
  ASSERT_EQ(cp_index(revised, "great", 1), 19u);
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, cp_index(revised, "great", 2));
}

TEST(Reanchor, RepeatedQuoteWithOneOccurrenceRemoved) {
  auto a = anchor_words(kGreat, "great", 2);
  // The middle sentence is removed; the third "great" is now the second one.
  std::string revised = "The launch was great. The customers said it was great.";
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, cp_index(revised, "great", 1));
}

TEST(Reanchor, RepeatedQuoteTieGoesToClosestToOldPosition) {
  // No context at all: every occurrence scores 0, so the closest one wins.
  std::string text = "ab ab ab ab";
  auto a = make_anchor(text, 6, 8, 0);
  ASSERT_TRUE(a);
  std::string revised = "xab ab ab ab";
  auto r = reanchor(*a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 7u);  // occurrences at 1, 4, 7, 10: 7 is closest to 6
}

TEST(Reanchor, EquidistantTieGoesToEarlierOccurrence) {
  auto a = make_anchor("..ab..", 2, 4, 0);
  ASSERT_TRUE(a);
  auto r = reanchor(*a, "ab....ab");  // occurrences at 0 (2 away) and 6 (4 away)
  EXPECT_EQ(r.start, 0u);
  auto r2 = reanchor(*a, "ab..ab");  // 0 and 4: both 2 away from the old start 2
  EXPECT_EQ(r2.start, 0u);
}

TEST(Reanchor, OverlappingOccurrencesAreConsidered) {
  std::string text = "aaaa";
  auto a = make_anchor(text, 1, 3, 1);  // "aa", prefix "a", suffix "a"
  ASSERT_TRUE(a);
  auto r = reanchor(*a, "aaaa");
  EXPECT_EQ(r.start, 1u);
  EXPECT_EQ(r.end, 3u);
  auto r2 = reanchor(*a, "baaab");  // "aa" at 1 and 2; at 2: prefix "a" matches, suffix "b" not
  EXPECT_FALSE(r2.orphaned);
  EXPECT_EQ(r2.start, 1u);  // at 1: prefix "b" vs "a" 0 + suffix "a" 1 = 1; at 2: 1 + 0 = 1; tie
}

TEST(Reanchor, MultiByteEditBeforeRange) {
  // "Café 中文 team: great work"
  std::string text = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 team: great work";
  auto a = anchor_words(text, "great work");
  EXPECT_EQ(a.start, 14u);
  std::string revised = "\xC3\x89t\xC3\xA9 " + text;  // "Été " prepended: 4 code points, 6 bytes
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 18u);
  EXPECT_EQ(r.end, 28u);
  EXPECT_EQ(words_at(revised, r), "great work");
}

TEST(Reanchor, MultiByteQuote) {
  std::string text =
      "Bonjour \xC3\xA0 tous, \xE4\xB8\xAD\xE6\x96\x87 ok";  // "Bonjour à tous, 中文 ok"
  auto a = anchor_words(text, "\xE4\xB8\xAD\xE6\x96\x87");
  EXPECT_EQ(a.start, 16u);
  std::string revised = "Salut \xC3\xA0 tous, \xE4\xB8\xAD\xE6\x96\x87 ok";
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 14u);
  EXPECT_EQ(r.end, 16u);
}

TEST(Reanchor, SuffixSharingOnlyALeadByteDoesNotScore) {
  // Stored suffix "é" (C3 A9). In the revision one "ab" is followed by "è" (C3 A8), which
  // shares the lead byte but is a different character, and must score 0 like the other one;
  // the tie then goes to the occurrence at the old position.
  auto a = make_anchor("ab\xC3\xA9", 0, 2, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->suffix, "\xC3\xA9");
  auto r = reanchor(*a, "ab. ab\xC3\xA8");
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 0u);
}

TEST(Reanchor, PrefixSharingOnlyAContinuationByteDoesNotScore) {
  // Stored prefix "é" (C3 A9); "ũ" (C5 A9) shares its last byte only.
  auto a = make_anchor(
      "xyz \xC3\xA9"
      "ab",
      5, 7, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->prefix, "\xC3\xA9");
  auto r = reanchor(*a,
                    "\xC5\xA9"
                    "ab xyz ab");  // "ũab xyz ab": "ab" at 1 and 8
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 8u);  // both score 0; 8 is closer to the old start 5 than 1 is
}

TEST(Reanchor, AccentedContextScoresWholeCharacters) {
  std::string text = "\xC3\xA9 ab";     // "é ab"
  auto a = make_anchor(text, 2, 4, 2);  // prefix "é "
  ASSERT_TRUE(a);
  std::string revised = "\xC3\xA8 ab \xC3\xA9 ab";  // "è ab é ab": the second has the full prefix
  auto r = reanchor(*a, revised);
  EXPECT_EQ(r.start, 7u);
}

TEST(Reanchor, EmojiBeforeRangeCountsAsOneCodePoint) {
  std::string text = "Launch day: we did it";
  auto a = anchor_words(text, "we did it");
  std::string revised = "\xF0\x9F\x9A\x80 Launch day: we did it";  // "🚀 " prepended
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, a.start + 2);
  EXPECT_EQ(r.end, a.end + 2);
  EXPECT_EQ(words_at(revised, r), "we did it");
}

TEST(Reanchor, EmojiInsideQuote) {
  std::string text = "Ready for \xF0\x9F\x9A\x80 liftoff today";
  auto a = anchor_words(text, "\xF0\x9F\x9A\x80 liftoff");
  EXPECT_EQ(a.end - a.start, 9u);
  std::string revised = "Are we ready for \xF0\x9F\x9A\x80 liftoff today";
  auto r = reanchor(a, revised);
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 17u);
  EXPECT_EQ(r.end, 26u);
  // Replacing the rocket with another emoji orphans the quote.
  EXPECT_TRUE(reanchor(a, "Ready for \xF0\x9F\x8E\x89 liftoff today").orphaned);
}

TEST(Reanchor, RangeAtTextStart) {
  std::string text = "Thrilled to announce our results";
  auto a = anchor_words(text, "Thrilled");
  EXPECT_EQ(a.start, 0u);
  auto same = reanchor(a, text + "!");
  EXPECT_EQ(same.start, 0u);
  auto r = reanchor(a, "Truly Thrilled to announce our results");
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 6u);
  EXPECT_TRUE(reanchor(a, "Happy to announce our results").orphaned);
}

TEST(Reanchor, RangeAtTextEnd) {
  std::string text = "Thrilled to announce our results";
  auto a = anchor_words(text, "results");
  EXPECT_EQ(a.end, code_point_count(text));
  auto r = reanchor(a, "So thrilled to announce our results");
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.end, 35u);
  EXPECT_EQ(r.start, 28u);
  EXPECT_TRUE(reanchor(a, "Thrilled to announce our numbers").orphaned);
}

TEST(Reanchor, OldPositionPastEndOfShorterText) {
  std::string text = "Lots of words here before the end: finale";
  auto a = anchor_words(text, "finale");
  auto r = reanchor(a, "finale");
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 0u);
  EXPECT_EQ(r.end, 6u);
}

TEST(Reanchor, EmptyQuoteOrphans) {
  TextAnchor a;
  a.start = 0;
  a.end = 0;
  EXPECT_TRUE(reanchor(a, "anything").orphaned);
}

TEST(Reanchor, InvalidUtf8NewTextOrphans) {
  auto a = anchor_words("hello world", "world");
  EXPECT_TRUE(reanchor(a, "hello world\xFF").orphaned);
}

TEST(Reanchor, StaleOffsetsInAnchorAreHarmless) {
  // An anchor whose stored offsets are out of date is still found by its quote.
  TextAnchor a{.exact = "world", .prefix = "hello ", .suffix = "", .start = 500, .end = 505};
  auto r = reanchor(a, "hello world");
  ASSERT_FALSE(r.orphaned);
  EXPECT_EQ(r.start, 6u);
  EXPECT_EQ(r.end, 11u);
}

TEST(Reanchor, ReanchorThenMakeAnchorRoundTrips) {
  auto a = anchor_words(kPost, "onboarding flow");
  std::string revised = "Update: " + kPost;
  auto r = reanchor(a, revised);
  auto b = make_anchor(revised, r.start, r.end);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->exact, a.exact);
  EXPECT_EQ(reanchor(*b, revised), r);
}

TEST(Reanchor, RandomEditsNeverPointAtOtherWords) {
  // Random texts and edits (fixed seed): a re-anchor is either orphaned, exactly when the
  // quote is gone, or points at the exact quote; edits before or after it never orphan it.
  const std::vector<std::string> pieces = {
      "great", " ", "team", ". ", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x9A\x80", "a", "b", "\n"};
  std::mt19937 rng(7);
  auto random_text = [&](std::size_t max_pieces) {
    std::string t;
    std::size_t n = std::uniform_int_distribution<std::size_t>(0, max_pieces)(rng);
    for (std::size_t i = 0; i < n; ++i)
      t += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
    return t;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text = random_text(30);
    std::size_t count = code_point_count(text);
    if (count == 0) continue;
    std::uniform_int_distribution<std::size_t> at(0, count - 1);
    std::size_t start = at(rng), end = start + 1 + at(rng) % 6;
    if (end > count) end = count;
    auto a = make_anchor(text, start, end);
    ASSERT_TRUE(a);
    ASSERT_EQ(code_point_count(a->exact), end - start);

    // Insert random text at a random place (possibly inside the quote).
    std::size_t where = std::uniform_int_distribution<std::size_t>(0, count)(rng);
    std::string revised = apply_replacement(text, where, where, random_text(3));
    auto r = reanchor(*a, revised);
    if (r.orphaned) {
      EXPECT_EQ(revised.find(a->exact), std::string::npos) << text << " -> " << revised;
      EXPECT_GT(where, start) << "an edit before the quote orphaned it";
      EXPECT_LT(where, end) << "an edit after the quote orphaned it";
    } else {
      EXPECT_EQ(words_at(revised, r), a->exact) << text << " -> " << revised;
    }
  }
}

// ---------------------------------------------------------------- apply_replacement

TEST(ApplyReplacement, ReplacesCodePointRange) {
  EXPECT_EQ(apply_replacement("We are super excited", 7, 20, "pleased"), "We are pleased");
}

TEST(ApplyReplacement, AtStartAndEnd) {
  EXPECT_EQ(apply_replacement("Hello world", 0, 5, "Goodbye"), "Goodbye world");
  EXPECT_EQ(apply_replacement("Hello world", 6, 11, "team"), "Hello team");
  EXPECT_EQ(apply_replacement("Hello", 0, 5, ""), "");
}

TEST(ApplyReplacement, EmptyRangeInserts) {
  EXPECT_EQ(apply_replacement("Hello world", 5, 5, ","), "Hello, world");
  EXPECT_EQ(apply_replacement("", 0, 0, "Hi"), "Hi");
  EXPECT_EQ(apply_replacement("Hi", 2, 2, "!"), "Hi!");
}

TEST(ApplyReplacement, EmptyReplacementDeletes) {
  EXPECT_EQ(apply_replacement("Hello big world", 5, 9, ""), "Hello world");
}

TEST(ApplyReplacement, WithEmoji) {
  // "Go 🚀 team": replace the rocket (one code point, four bytes) with "🎉🎉".
  std::string text = "Go \xF0\x9F\x9A\x80 team";
  EXPECT_EQ(apply_replacement(text, 3, 4, "\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89"),
            "Go \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 team");
  // Replace the word after the emoji: offsets count the emoji as one.
  EXPECT_EQ(apply_replacement(text, 5, 9, "crew"), "Go \xF0\x9F\x9A\x80 crew");
  // Replace text with an emoji.
  EXPECT_EQ(apply_replacement("Go team", 3, 7, "\xF0\x9F\x9A\x80"), "Go \xF0\x9F\x9A\x80");
}

TEST(ApplyReplacement, WithMultiByteCharacters) {
  std::string text = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87!";  // "Café 中文!"
  EXPECT_EQ(apply_replacement(text, 5, 7, "Chinese"), "Caf\xC3\xA9 Chinese!");
  EXPECT_EQ(apply_replacement(text, 3, 4, "e"), "Cafe \xE4\xB8\xAD\xE6\x96\x87!");
}

TEST(ApplyReplacement, BadRangeThrowsOutOfRange) {
  EXPECT_THROW(apply_replacement("Hello", 3, 2, "x"), std::out_of_range);
  EXPECT_THROW(apply_replacement("Hello", 0, 6, "x"), std::out_of_range);
  EXPECT_THROW(apply_replacement("Hello", 6, 6, "x"), std::out_of_range);
  EXPECT_THROW(apply_replacement("", 0, 1, "x"), std::out_of_range);
  // Byte offsets of a four-byte emoji are not code point offsets.
  EXPECT_THROW(apply_replacement("\xF0\x9F\x9A\x80", 0, 4, "x"), std::out_of_range);
}

TEST(ApplyReplacement, InvalidUtf8Throws) {
  EXPECT_THROW(apply_replacement("Hel\xFFlo", 0, 1, "x"), std::invalid_argument);
  EXPECT_THROW(apply_replacement("Hello", 0, 1, "\xC3"), std::invalid_argument);
}

TEST(ApplyReplacement, AppliedRewriteOrphansTheReplacedQuote) {
  std::string text = "We are super duper excited to share this.";
  auto start = cp_index(text, "super duper excited");
  auto rewritten = apply_replacement(text, start, start + 19, "pleased");
  EXPECT_EQ(rewritten, "We are pleased to share this.");
  auto a = anchor_words(text, "super duper excited");
  EXPECT_TRUE(reanchor(a, rewritten).orphaned);
}

// ---------------------------------------------------------------- text helpers

TEST(TextDecode, DecodeAtAndBefore) {
  std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80";  // a é 中 🚀
  EXPECT_EQ(decode_at(s, 0).value, U'a');
  EXPECT_EQ(decode_at(s, 1).value, U'\u00E9');
  EXPECT_EQ(decode_at(s, 1).length, 2u);
  EXPECT_EQ(decode_at(s, 3).value, U'\u4E2D');
  EXPECT_EQ(decode_at(s, 6).value, U'\U0001F680');
  EXPECT_EQ(decode_at(s, 6).length, 4u);
  EXPECT_EQ(decode_at(s, s.size()).length, 0u);
  EXPECT_EQ(decode_before(s, s.size()).value, U'\U0001F680');
  EXPECT_EQ(decode_before(s, 6).value, U'\u4E2D');
  EXPECT_EQ(decode_before(s, 3).value, U'\u00E9');
  EXPECT_EQ(decode_before(s, 1).value, U'a');
  EXPECT_EQ(decode_before(s, 0).length, 0u);
}

}  // namespace
}  // namespace greenroom::domain
