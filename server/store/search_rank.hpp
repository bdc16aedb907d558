#pragma once
// greenroom_rank: the FTS5 auxiliary function search ranks by (registered per connection).
//
//   greenroom_rank(search_index, phrase_count, keys, prefixes [, text])
//
// It is Okapi BM25 as FTS5's bm25() computes it (k1 1.2, b 0.75, idf log((N - n + 0.5) /
// (n + 0.5)) floored at 1e-6, term frequency per phrase, length normalised by the average
// document length) and returns the same sign (lower is better). The difference is where n,
// the number of documents a phrase occurs in, comes from: bm25() counts it by reading the
// phrase's whole doclist (xQueryPhrase) in every statement, which is 50 ms for a word all of
// 1,000,000 posts have. Here a count of 1,000 or more in an index of 10,000 rows or more is
// kept in a process-wide cache for up to ten minutes while the row count moves by less than
// 2%; a common word's idf hardly moves in that time. Rarer phrases and small indexes are
// counted every time (cheap), so they are exact.
//
// phrase_count is the number of phrases the MATCH expression holds; keys are the positive
// phrases' FTS5 texts in order, joined by kRankKeySeparator (the cache keys). The phrases
// after them (the NOT ones) are never in a matching row, so they are not counted. When FTS5
// sees another number of phrases than phrase_count, every phrase is counted as bm25() does.
//
// prefixes (joined the same way) are word prefixes the MATCH expression leaves out
// (domain::SearchQuery::word_prefixes): each is scored like a phrase from the row's own words
// (the table's tokenizer, so folded as indexed: "custom" counts "Customers"), its document
// count that of the FTS5 query "custom"* (cached as above), and a row without one of them
// gets NULL (no match). `text`, when given, is the row's indexed text read by the caller from
// the table it came from (posts.body for a post's row): the same words, without FTS5 looking
// up its own copy (a third of the cost per row). After kMaxMisses such rows the statement fails
// with kTooManyCandidates: the other words are common and the prefix rare, so FTS5's own prefix
// query is the cheaper way.
//
// greenroom_prefix_words(search_index, prefixes): per prefix, the row's distinct words that
// start with it (joined by kRankWordSeparator; the groups by kRankKeySeparator), or NULL when
// one has none, so snippet() can mark them without a prefix query.
#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace greenroom::store {

inline constexpr char kRankKeySeparator = '\x01';
inline constexpr char kRankWordSeparator = '\x02';  // between words in greenroom_prefix_words
// The error greenroom_rank stops a statement with after kMaxMisses candidate rows without
// one of the prefixes (the caller then lets FTS5 match the prefixes itself).
inline constexpr const char* kTooManyCandidates = "greenroom_rank: too many candidates";
inline constexpr int kMaxMisses = 5000;

// Registers greenroom_rank on the connection once (idempotent).
// In an index of 200,000 rows or more, the count of a phrase or word prefix not in the cache
// may be estimated from a spread sample (32 runs of consecutive rows across the rowid range:
// 500 rows each counted by FTS5 for a phrase, 64 read with the table's tokenizer for a
// prefix). A phrase is counted exactly up to 50,000 rows, and estimated only beyond. A
// prefix is estimated first: 50,000 rows or more, the estimate is used; fewer, it is
// counted exactly (and remembered as rare, so the sample is not taken again for it).
// The first search for a common word then costs a few milliseconds instead of 60 (a phrase)
// or 100 ms (a prefix) in a 1,000,000-post index.

// For tests: the two thresholds above, how many estimates were used, a cache emptied.
void set_estimate_thresholds(std::int64_t rows, std::int64_t docs);
std::uint64_t estimated_counts();
void clear_cached_counts();
void register_search_rank(Connection& c);

}  // namespace greenroom::store
