// Fuzz target for search query translation (domain/search_query). Invariants: a translated
// query is accepted by a real SQLite FTS5 MATCH (never a syntax error), and so are its narrow
// forms without the word prefixes (store/search_rank.hpp), every term holds a word, a refused
// query has a message; snippet segments give back the text without markers.
#include <sqlite3.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/search_query.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

sqlite3* index_db() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    check(sqlite3_open(":memory:", &d) == SQLITE_OK);
    check(sqlite3_exec(d,
                       "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 "
                       "remove_diacritics 2');"
                       "INSERT INTO t VALUES ('Quarterly results: managers meet on Friday');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    return d;
  }();
  return db;
}

// FTS5 runs the expression without a syntax error.
void accepted(const std::string& fts) {
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(index_db(), "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, nullptr) ==
        SQLITE_OK);
  sqlite3_bind_text(st, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  check(rc == SQLITE_DONE);
  sqlite3_finalize(st);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  namespace d = greenroom::domain;
  auto r = d::translate_search_query(in);
  if (!r.query) {
    check(!r.error.empty());
  } else {
    check(!r.query->terms.empty() && r.query->terms.size() <= d::kMaxQueryTerms);
    const auto& q = *r.query;
    check(static_cast<int>(q.phrases.size()) <= q.phrase_count);
    accepted(q.fts);
    if (!q.word_prefixes.empty()) {
      // Without the word prefixes, and with them as the words of a row: both parse.
      check(!q.narrow_positive.empty() && q.narrow_phrases.size() < q.phrases.size());
      for (const auto& p : q.word_prefixes)
        for (char ch : p) check(std::isalnum(static_cast<unsigned char>(ch)) && !std::isupper(ch));
      accepted(d::narrow_expression(q));
      std::vector<std::string> groups;
      for (const auto& p : q.word_prefixes)
        groups.push_back(d::fts5_quoted(p + "s") + " OR " + d::fts5_quoted(p));
      accepted(d::narrow_expression(q, groups));
    }
  }
  std::string plain;
  for (char ch : in)
    if (ch != d::kHitOpen && ch != d::kHitClose) plain += ch;
  std::string joined;
  for (const auto& s : d::snippet_segments(in)) joined += s.text;
  check(joined == plain);
  return 0;
}
