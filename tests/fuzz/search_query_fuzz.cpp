// Fuzz target for search query translation (domain/search_query). Invariants: a translated
// query is accepted by a real SQLite FTS5 MATCH (never a syntax error), every term holds a
// word, a refused query has a message; snippet segments give back the text without markers.
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  namespace d = greenroom::domain;
  auto r = d::translate_search_query(in);
  if (!r.query) {
    check(!r.error.empty());
  } else {
    check(!r.query->terms.empty() && r.query->terms.size() <= d::kMaxQueryTerms);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(index_db(), "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st,
                             nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, r.query->fts.data(), static_cast<int>(r.query->fts.size()),
                      SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    check(rc == SQLITE_DONE);  // FTS5 understood the expression
    sqlite3_finalize(st);
  }
  std::string plain;
  for (char ch : in)
    if (ch != d::kHitOpen && ch != d::kHitClose) plain += ch;
  std::string joined;
  for (const auto& s : d::snippet_segments(in)) joined += s.text;
  check(joined == plain);
  return 0;
}
