// greenroom_rank (store/search_rank.hpp) against FTS5's own bm25() on the same rows: the same
// score for words, phrases, prefixes and left-out words, also when a word prefix is read from
// the rows instead of matched by FTS5; and the snippet words of a prefix.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "domain/search_query.hpp"
#include "store/database.hpp"
#include "store/search_rank.hpp"

namespace greenroom::store {
namespace {

namespace d = greenroom::domain;

class SearchRank : public ::testing::Test {
 protected:
  Connection c{":memory:", Connection::Mode::read_write};

  void SetUp() override {
    c.exec(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, item_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')");
    const char* bodies[] = {
        "Quarterly update on Customer satisfaction and hiring",
        "Hiring, hiring and more hiring: the customers come first",
        "A long note about the town hall, the customer desk, the café and other places",
        "Town hall on Friday: customisation of the hiring plan",
        "Nothing about it at all",
        "customer customer customer",
    };
    int id = 1;
    for (const char* body : bodies) {
      auto q = c.prepare(
          "INSERT INTO search_index(rowid, body, kind, item_id) VALUES (?1 * 16, ?2, 'post', ?1)");
      q.bind(1, id++).bind(2, body);
      q.run();
    }
    register_search_rank(c);
  }

  static std::string keys(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : std::string(1, kRankKeySeparator)) + p;
    return out;
  }

  // rowid -> score, by bm25() over the whole expression.
  std::map<std::int64_t, double> bm25(const d::SearchQuery& q) {
    std::map<std::int64_t, double> out;
    auto s =
        c.prepare("SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ?1");
    s.bind(1, q.fts);
    while (s.step()) out[s.int64(0)] = s.real(1);
    return out;
  }

  // rowid -> score, by greenroom_rank; `narrow`: the word prefixes read from the rows;
  // `given`: the row's text passed in (as the store passes posts.body), so the length and
  // the prefixes are counted from it instead of FTS5's size record and content.
  std::map<std::int64_t, double> ranked(const d::SearchQuery& q, bool narrow, bool given = false) {
    std::map<std::int64_t, double> out;
    auto s = c.prepare(given ? "SELECT rowid, greenroom_rank(search_index, ?2, ?3, ?4, body) AS "
                               "score FROM search_index "
                               "WHERE search_index MATCH ?1 AND score IS NOT NULL"
                             : "SELECT rowid, greenroom_rank(search_index, ?2, ?3, ?4) AS score "
                               "FROM search_index "
                               "WHERE search_index MATCH ?1 AND score IS NOT NULL");
    if (narrow)
      s.bind(1, d::narrow_expression(q))
          .bind(2, static_cast<int>(q.narrow_phrases.size()) + q.negative_count)
          .bind(3, keys(q.narrow_phrases))
          .bind(4, keys(q.word_prefixes));
    else
      s.bind(1, q.fts).bind(2, q.phrase_count).bind(3, keys(q.phrases)).bind(4, "");
    while (s.step()) out[s.int64(0)] = s.real(1);
    return out;
  }

  // Lets a test index of tens of thousands of rows use the estimates (store/search_rank.hpp),
  // and leaves the defaults and an empty count cache behind.
  struct SmallIndexThresholds {
    SmallIndexThresholds() {
      clear_cached_counts();
      set_estimate_thresholds(20000, 1000);
    }
    ~SmallIndexThresholds() {
      set_estimate_thresholds(200000, 50000);
      clear_cached_counts();
    }
  };

  // Every row's score, the row's text given, within `tolerance` (relative) of bm25()'s.
  void expect_near_bm25(const char* text, bool narrow, double tolerance) {
    auto q = d::translate_search_query(text).query;
    ASSERT_TRUE(q) << text;
    auto want = bm25(*q);
    auto got = ranked(*q, narrow, true);
    ASSERT_EQ(want.size(), got.size()) << text;
    for (const auto& [rowid, score] : want)
      EXPECT_NEAR(score, got.at(rowid), std::abs(score) * tolerance) << text << " row " << rowid;
  }

  static void expect_same(const std::map<std::int64_t, double>& want,
                          const std::map<std::int64_t, double>& got, const std::string& what) {
    ASSERT_EQ(want.size(), got.size()) << what;
    for (const auto& [rowid, score] : want) {
      ASSERT_TRUE(got.contains(rowid)) << what << " row " << rowid;
      EXPECT_NEAR(score, got.at(rowid), 1e-9) << what << " row " << rowid;
    }
  }
};

TEST_F(SearchRank, ScoresAsBm25DoesForWordsPhrasesPrefixesAndExclusions) {
  for (const char* text :
       {"hiring", "customer hiring", "\"town hall\"", "custom*", "hiring -friday",
        "\"town h\"* customer", "cafe", "hiring -\"town hall\" custom*"}) {
    auto q = d::translate_search_query(text).query;
    ASSERT_TRUE(q) << text;
    auto want = bm25(*q);
    EXPECT_FALSE(want.empty()) << text;
    expect_same(want, ranked(*q, false), text);
    expect_same(want, ranked(*q, false, true), std::string(text) + " text given");
    if (!q->word_prefixes.empty()) {
      expect_same(want, ranked(*q, true), std::string(text) + " narrow");
      expect_same(want, ranked(*q, true, true), std::string(text) + " narrow, text given");
    }
  }
}

TEST_F(SearchRank, TheBetterMatchScoresLower) {
  auto q = d::translate_search_query("customer").query;
  auto got = ranked(*q, false);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_LT(got.at(6 * 16), got.at(1 * 16));  // three times, in a short text
  EXPECT_LT(got.at(1 * 16), got.at(3 * 16));  // once, in a short text rather than a long one
}

TEST_F(SearchRank, AnotherPhraseCountThanExpectedStillScoresEveryPhrase) {
  auto q = d::translate_search_query("customer hiring").query;
  auto want = bm25(*q);
  std::map<std::int64_t, double> got;
  auto s = c.prepare(
      "SELECT rowid, greenroom_rank(search_index, 7, 'x', '') FROM search_index "
      "WHERE search_index MATCH ?1");
  s.bind(1, q->fts);
  while (s.step()) got[s.int64(0)] = s.real(1);
  expect_same(want, got, "mismatched phrase count");
}

// The other words are common and the prefix rare: the statement stops (the store then lets
// FTS5 match the prefix) instead of reading every row.
TEST_F(SearchRank, GivesUpAfterTooManyRowsWithoutThePrefix) {
  c.exec("BEGIN");
  for (int i = 0; i < kMaxMisses + 10; ++i) {
    auto q = c.prepare(
        "INSERT INTO search_index(rowid, body, kind, item_id) "
        "VALUES ((100 + ?1) * 16, 'hiring news ' || ?1, 'post', 100 + ?1)");
    q.bind(1, i);
    q.run();
  }
  c.exec("COMMIT");
  auto q = d::translate_search_query("zebra* hiring").query;
  ASSERT_TRUE(q && !q->word_prefixes.empty());
  try {
    ranked(*q, true);
    ADD_FAILURE() << "expected the rank function to give up";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(kTooManyCandidates), std::string::npos) << e.what();
  }
  // A prefix most rows have is read from them without giving up.
  auto common = d::translate_search_query("new* hiring").query;
  EXPECT_EQ(ranked(*common, true).size(), static_cast<std::size_t>(kMaxMisses + 10));
}

// A big index: the count of a common word or prefix is estimated from a spread sample and
// scores almost as bm25() does; a rare word is still counted exactly.
TEST_F(SearchRank, EstimatesCommonCountsInABigIndexFromASample) {
  SmallIndexThresholds small;
  c.exec("BEGIN");
  for (int i = 0; i < 40000; ++i) {
    std::string body = "row " + std::to_string(i);
    if (i % 10 == 0) body += " alpha";
    if (i % 20 == 0) body += " beta";
    if (i % 8 == 0) body += " gammaray";
    if (i % 800 == 0) body += " delta";
    auto q = c.prepare(
        "INSERT INTO search_index(rowid, body, kind, item_id) "
        "VALUES ((100 + ?1) * 16, ?2, 'post', 100 + ?1)");
    q.bind(1, i).bind(2, body);
    q.run();
  }
  c.exec("COMMIT");
  const auto before = estimated_counts();
  expect_near_bm25("alpha beta", false, 0.02);
  EXPECT_EQ(estimated_counts() - before, 2u) << "alpha (4,000 rows) and beta (2,000)";
  expect_near_bm25("gamm* alpha", true, 0.02);
  EXPECT_EQ(estimated_counts() - before, 3u) << "the prefix gamm (5,000 rows); alpha is cached";
  auto rare = d::translate_search_query("delta").query;
  expect_same(bm25(*rare), ranked(*rare, false, true), "a rare word, counted exactly");
  EXPECT_EQ(estimated_counts() - before, 3u) << "delta (50 rows) is not estimated";
}

// Posts and replies number their ids apart, so the top of the rowid range may hold replies
// only: a sample spread by rowid sees fewer posts than there are, and each slice is weighted
// by the rows it stands for. Here 10,000 posts (4,000 with the words) share the bottom fifth
// of the range with replies, and 30,000 more replies fill the rest: unweighted, the estimate
// would be 2,500.
TEST_F(SearchRank, EstimatesWeighTheSampleByHowDenselyRowsLie) {
  SmallIndexThresholds small;
  c.exec("BEGIN");
  for (int id = 100; id < 40100; ++id) {
    if (id < 10100) {
      auto post = c.prepare(
          "INSERT INTO search_index(rowid, body, kind, item_id) VALUES (?1 * 16, ?2, 'post', ?1)");
      post.bind(1, id).bind(2, id % 5 < 2 ? "post about epsilon and zetaword" : "post");
      post.run();
    }
    auto reply = c.prepare(
        "INSERT INTO search_index(rowid, body, kind, item_id) "
        "VALUES (?1 * 16 + 1, 'a reply', 'reply', ?1)");
    reply.bind(1, id);
    reply.run();
  }
  c.exec("COMMIT");
  const auto before = estimated_counts();
  expect_near_bm25("epsilon", false, 0.03);
  expect_near_bm25("zeta* epsilon", true, 0.03);
  EXPECT_EQ(estimated_counts() - before, 2u) << "epsilon (then cached) and the prefix zeta";
}

TEST_F(SearchRank, PrefixWordsAreTheRowsOwnFoldedWords) {
  auto s = c.prepare(
      "SELECT rowid, greenroom_prefix_words(search_index, ?1) FROM search_index ORDER BY rowid");
  s.bind(1, std::string("custom") + kRankKeySeparator + "hir");
  std::map<std::int64_t, std::string> got;
  while (s.step()) got[s.int64(0) / 16] = s.is_null(1) ? "NULL" : s.text(1);
  const std::string sep(1, kRankKeySeparator);
  EXPECT_EQ(got[1], "customer" + sep + "hiring");
  EXPECT_EQ(got[2], "customers" + sep + "hiring");
  EXPECT_EQ(got[3], "NULL");  // no word starting "hir"
  EXPECT_EQ(got[4], "customisation" + sep + "hiring");
  EXPECT_EQ(got[6], "NULL");
}

}  // namespace
}  // namespace greenroom::store
