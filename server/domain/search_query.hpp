#pragma once
// Search queries: the user's syntax (words, "phrases", prefix*, -word) translated into a
// safe SQLite FTS5 expression. Every term reaches FTS5 as a double-quoted string (quotes
// doubled), so no user text is ever read as FTS5 syntax (AND, OR, NEAR, column filters,
// parentheses, ^). Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace greenroom::domain {

inline constexpr std::size_t kMaxQueryBytes = 256;
inline constexpr std::size_t kMaxQueryTerms = 16;

struct SearchTerm {
  std::string text;  // the words of the term, as the user wrote them (no quotes, no '-', '*')
  bool phrase = false;
  bool prefix = false;
  bool negated = false;
};

struct SearchQuery {
  std::vector<SearchTerm> terms;
  std::string fts;  // the FTS5 MATCH expression
};

// The translated query, or a plain message saying what is wrong (shown with 400).
struct SearchQueryResult {
  std::optional<SearchQuery> query;
  std::string error;
};

SearchQueryResult translate_search_query(std::string_view input);

// One piece of a snippet: text to show as is (the client escapes it by rendering it as
// text), marked when it matched the query.
struct SnippetSegment {
  std::string text;
  bool hit = false;
};

// Splits a snippet made by FTS5 snippet() with the markers kHitOpen/kHitClose into
// segments. Text that itself holds a marker character yields one plain segment (no marks).
inline constexpr char kHitOpen = '\x01';
inline constexpr char kHitClose = '\x02';
std::vector<SnippetSegment> snippet_segments(std::string_view marked);

// The ranking score (higher is better): relevance from bm25 (FTS5's bm25() is lower for
// better matches, so its negation) with a gentle preference for recent items: an item a
// day old counts up to 20% more than a very old one, halving every 30 days.
double search_score(double bm25, double age_days);

}  // namespace greenroom::domain
