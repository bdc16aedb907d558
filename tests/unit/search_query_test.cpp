// The search query translator: user syntax to a safe FTS5 expression, and plain refusals.
#include <gtest/gtest.h>

#include "domain/search_query.hpp"

namespace d = greenroom::domain;

namespace {

std::string fts(std::string_view in) {
  auto r = d::translate_search_query(in);
  EXPECT_TRUE(r.query) << in << ": " << r.error;
  return r.query ? r.query->fts : std::string();
}

std::string refusal(std::string_view in) {
  auto r = d::translate_search_query(in);
  EXPECT_FALSE(r.query) << in;
  return r.error;
}

}  // namespace

TEST(SearchQuery, WordsAreQuotedAndJoinedWithAnd) {
  EXPECT_EQ(fts("quarterly results"), "\"quarterly\" AND \"results\"");
  EXPECT_EQ(fts("  budget  "), "\"budget\"");
}

TEST(SearchQuery, PhrasesPrefixesAndExclusions) {
  EXPECT_EQ(fts("\"town hall\" meeting"), "\"town hall\" AND \"meeting\"");
  EXPECT_EQ(fts("manag*"), "\"manag\"*");
  EXPECT_EQ(fts("results -draft -\"old plan\""), "(\"results\") NOT \"draft\" NOT \"old plan\"");
  EXPECT_EQ(fts("\"town h\"*"), "\"town h\"*");
}

TEST(SearchQuery, PositivePhrasesAreListedForRanking) {
  auto r = d::translate_search_query("results \"town hall\" manag* -draft");
  ASSERT_TRUE(r.query);
  EXPECT_EQ(r.query->phrases,
            (std::vector<std::string>{"\"results\"", "\"town hall\"", "\"manag\"*"}));
  EXPECT_EQ(r.query->phrase_count, 4);
}

TEST(SearchQuery, WordPrefixesBesideOtherTermsCanBeReadFromRows) {
  auto r = d::translate_search_query("Custom* hiring -\"old plan\"");
  ASSERT_TRUE(r.query);
  const auto& q = *r.query;
  EXPECT_EQ(q.word_prefixes, std::vector<std::string>{"custom"});
  EXPECT_EQ(q.narrow_phrases, std::vector<std::string>{"\"hiring\""});
  EXPECT_EQ(q.negative_count, 1);
  EXPECT_EQ(d::narrow_expression(q), "(\"hiring\") NOT \"old plan\"");
  EXPECT_EQ(d::narrow_expression(q, {"\"customer\" OR \"customers\""}),
            "(\"hiring\" AND (\"customer\" OR \"customers\")) NOT \"old plan\"");
  // Alone, a phrase prefix, or not plain ASCII letters and digits: FTS5 matches the prefix.
  EXPECT_TRUE(d::translate_search_query("custom*").query->word_prefixes.empty());
  EXPECT_TRUE(d::translate_search_query("\"town h\"* budget").query->word_prefixes.empty());
  EXPECT_TRUE(d::translate_search_query("café* budget").query->word_prefixes.empty());
  EXPECT_TRUE(d::translate_search_query("budget -custom*").query->word_prefixes.empty());
}

TEST(SearchQuery, Fts5SyntaxInTheInputStaysLiteral) {
  EXPECT_EQ(fts("NEAR(a b)"), "\"NEAR(a\" AND \"b)\"");
  EXPECT_EQ(fts("body:secret"), "\"body:secret\"");
  EXPECT_EQ(fts("x OR y"), "\"x\" AND \"OR\" AND \"y\"");
  EXPECT_EQ(fts("^start"), "\"^start\"");
}

TEST(SearchQuery, PunctuationAloneIsIgnored) {
  EXPECT_EQ(fts("budget ... !!"), "\"budget\"");
  EXPECT_EQ(fts("café 😀"), "\"café\" AND \"😀\"");
}

TEST(SearchQuery, RefusesWhatItCannotRead) {
  EXPECT_NE(refusal("").find("Type a word"), std::string::npos);
  EXPECT_NE(refusal("  ...  ").find("Type a word"), std::string::npos);
  EXPECT_NE(refusal("\"unclosed phrase").find("not closed"), std::string::npos);
  EXPECT_NE(refusal("-only -these").find("not only what to leave out"), std::string::npos);
  EXPECT_FALSE(refusal("a\"b").empty());
  EXPECT_FALSE(refusal("wo*rd").empty());
  EXPECT_FALSE(refusal("- word").empty());
  EXPECT_FALSE(refusal("\"\" x").empty());
  EXPECT_FALSE(refusal("* x").empty());
  EXPECT_FALSE(refusal(std::string(300, 'a')).empty());
  EXPECT_FALSE(refusal("\xff\xfe").empty());
  std::string many;
  for (int i = 0; i < 20; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_NE(refusal(many).find("too many"), std::string::npos);
}

TEST(SearchQuery, SnippetSegmentsMarkHits) {
  auto segs = d::snippet_segments("the \x01quarterly\x02 <b>results</b> \x01now\x02");
  ASSERT_EQ(segs.size(), 4u);
  EXPECT_EQ(segs[0].text, "the ");
  EXPECT_FALSE(segs[0].hit);
  EXPECT_EQ(segs[1].text, "quarterly");
  EXPECT_TRUE(segs[1].hit);
  EXPECT_EQ(segs[2].text, " <b>results</b> ");  // text stays text: the client renders it so
  EXPECT_EQ(segs[3].text, "now");
  EXPECT_TRUE(segs[3].hit);
}

TEST(SearchQuery, UnbalancedMarkersGiveOnePlainSegment) {
  auto segs = d::snippet_segments(
      "a \x01"
      "b c");
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(segs[0].text, "a b c");
  EXPECT_FALSE(segs[0].hit);
}

TEST(SearchQuery, RecencyIsAGentlePreference) {
  // Better bm25 (more negative) wins over a small age difference...
  EXPECT_GT(d::search_score(-3.0, 365), d::search_score(-2.0, 0));
  // ...and between equal matches the newer one wins.
  EXPECT_GT(d::search_score(-2.0, 1), d::search_score(-2.0, 90));
  EXPECT_LE(d::search_score(-1.0, 0), 1.2 + 1e-9);
}
