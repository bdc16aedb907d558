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
  // Each word or phrase to look for (not the '-' ones) as the FTS5 text it has in `fts`, in
  // order: FTS5's phrases 0 .. n-1 (the left-out ones follow), for ranking.
  std::vector<std::string> phrases;
  int phrase_count = 0;  // every phrase of `fts`, the left-out ones included

  // A prefix word of ASCII letters and digits (`custom*`) is one token for the index, so the
  // store may find it by reading the words of each row the other terms match, instead of
  // having FTS5 merge the doclist of every word it starts (a cost that grows with the whole
  // index, in every statement). Set only when at least one other positive term remains:
  // word_prefixes (lower case, no '*'), and `narrow`, the query without them: its positive
  // terms (`narrow_positive`, AND-joined; FTS5 texts in `narrow_phrases`) and the left-out
  // terms (`negative`, " NOT ..."). See narrow_expression.
  std::vector<std::string> word_prefixes;
  std::string narrow_positive;
  std::vector<std::string> narrow_phrases;
  std::string negative;
  int negative_count = 0;
};

// The FTS5 expression of q.narrow_positive AND each of `groups` (FTS5 expressions, such as
// the words of one row a prefix matched: ("customer" OR "customers")), then q.negative.
std::string narrow_expression(const SearchQuery& q, const std::vector<std::string>& groups = {});

// An FTS5 string literal for `s` (double quotes around, inner quotes doubled, control
// characters as spaces): FTS5 reads it as words only, never as syntax.
std::string fts5_quoted(std::string_view s);

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
