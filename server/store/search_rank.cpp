#include "store/search_rank.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace greenroom::store {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr sqlite3_int64 kCachedFromDocs = 1000;   // rarer phrases are counted every time
constexpr sqlite3_int64 kCachedFromRows = 10000;  // smaller indexes are counted every time
constexpr auto kMaxAge = std::chrono::minutes(10);

struct CachedCount {
  sqlite3_int64 docs = 0;
  sqlite3_int64 rows = 0;  // the index's row count when counted
  int tokens = 0;          // the phrase's token count, a check that the key fits the phrase
  Clock::time_point at;
};

std::mutex cache_mutex;
// One count at a time in a big index: the searches that come while a common word is being
// counted wait for that count instead of each reading the same 1,000,000 entries (16 at
// once when a benchmark starts).
std::mutex count_mutex;
std::unordered_map<std::string, CachedCount> cache;

bool still_good(const CachedCount& c, sqlite3_int64 rows, int tokens, Clock::time_point now) {
  return c.tokens == tokens && now - c.at < kMaxAge && std::llabs(rows - c.rows) * 50 <= c.rows;
}

std::optional<sqlite3_int64> cached(const std::string& key, sqlite3_int64 rows, int tokens) {
  std::lock_guard lock(cache_mutex);
  auto it = cache.find(key);
  if (it == cache.end() || !still_good(it->second, rows, tokens, Clock::now())) return std::nullopt;
  return it->second.docs;
}

void remember(std::string key, CachedCount c) {
  std::lock_guard lock(cache_mutex);
  if (cache.size() > 4096) cache.clear();  // a bound, not an eviction policy: refills cheaply
  cache[std::move(key)] = c;
}

// Rows counted by xQueryPhrase, stopped (SQLITE_DONE) at `limit`.
struct Tally {
  sqlite3_int64 count = 0;
  sqlite3_int64 limit = 0;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  auto* t = static_cast<Tally*>(user);
  return ++t->count >= t->limit ? SQLITE_DONE : SQLITE_OK;
}

// Per statement: the average document length, each phrase's idf (0: not scored), and the
// word prefixes read from each row with their idf.
struct Stats {
  double avgdl = 1;
  std::vector<double> idf;
  std::vector<std::string> prefixes;
  std::vector<double> prefix_idf;
  std::vector<int> prefix_tf;  // the current row's count per prefix (kept to reuse its memory)
  int misses = 0;              // candidate rows without a prefix so far
  // The last row's answer: SQLite may call the function twice per row (WHERE and result).
  sqlite3_int64 last_rowid = 0;
  bool has_last = false;
  std::optional<double> last;
};

double idf_of(sqlite3_int64 rows, sqlite3_int64 docs) {
  double idf =
      std::log((static_cast<double>(rows - docs) + 0.5) / (static_cast<double>(docs) + 0.5));
  return idf > 0 ? idf : 1e-6;
}

// A statement run beside the one being ranked, on the same connection.
class Query {
 public:
  Query(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  int rc() const { return rc_; }
  sqlite3_stmt* get() { return st_; }
  // true for a row; false at the end or on an error (then rc() says which).
  bool step() {
    if (rc_ != SQLITE_OK) return false;
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) rc_ = rc;
    return false;
  }
  void reset() { sqlite3_reset(st_); }

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
};

// Each token of a row's text, in order (the table's own tokenizer: folded as indexed).
struct Tokens {
  std::vector<std::string> list;
};

int add_token(void* ctx, int, const char* token, int n, int, int) {
  static_cast<Tokens*>(ctx)->list.emplace_back(token, static_cast<std::size_t>(n));
  return SQLITE_OK;
}

int row_tokens(const Fts5ExtensionApi* api, Fts5Context* fts, Tokens& out) {
  const char* text = nullptr;
  int n = 0;
  int rc = api->xColumnText(fts, 0, &text, &n);
  if (rc != SQLITE_OK || !text) return rc;
  return api->xTokenize(fts, text, n, &out, add_token);
}

bool starts_with(std::string_view token, const std::string& prefix) {
  return token.size() >= prefix.size() && token.compare(0, prefix.size(), prefix) == 0;
}

// How often a row's words start with each prefix, counted as the tokenizer hands them over:
// nothing is copied or allocated per row (the ranking reads up to 1,000 rows per search).
struct PrefixCounts {
  const std::vector<std::string>* prefixes = nullptr;
  std::vector<int>* counts = nullptr;
  int tokens = 0;  // all of the row's tokens: its length as FTS5 counted it when indexing
};

int count_token(void* ctx, int flags, const char* token, int n, int, int) {
  auto* c = static_cast<PrefixCounts*>(ctx);
  if (!(flags & FTS5_TOKEN_COLOCATED)) ++c->tokens;
  const std::string_view word(token, static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < c->prefixes->size(); ++i)
    if (starts_with(word, (*c->prefixes)[i])) ++(*c->counts)[i];
  return SQLITE_OK;
}

// Counts `text`'s words per prefix into `counts` and all of them into `length`.
int count_words(const Fts5ExtensionApi* api, Fts5Context* fts, const char* text, int n,
                const std::vector<std::string>& prefixes, std::vector<int>& counts, int& length) {
  counts.assign(prefixes.size(), 0);
  length = 0;
  if (!text) return SQLITE_OK;
  PrefixCounts ctx{&prefixes, &counts};
  int rc = api->xTokenize(fts, text, n, &ctx, count_token);
  length = ctx.tokens;
  return rc;
}

// `given`: the row's text as the caller read it from its own table (the one the index was
// written from), which saves FTS5 a lookup of its content row; null: FTS5 reads it.
int count_prefixes(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* given,
                   const std::vector<std::string>& prefixes, std::vector<int>& counts,
                   int& length) {
  const char* text = nullptr;
  int n = 0;
  if (given && sqlite3_value_type(given) == SQLITE_TEXT) {
    text = reinterpret_cast<const char*>(sqlite3_value_text(given));
    n = sqlite3_value_bytes(given);
  } else {
    int rc = api->xColumnText(fts, 0, &text, &n);
    if (rc != SQLITE_OK) return rc;
  }
  return count_words(api, fts, text, n, prefixes, counts, length);
}

// The rows of search_index holding a word that starts with `prefix` (an FTS5 prefix query,
// run beside the statement that ranks; cached like a phrase count).
int count_prefix(sqlite3* db, const std::string& prefix, sqlite3_int64& out) {
  const std::string expr = "\"" + prefix + "\"*";  // ASCII letters and digits only
  Query q(db, "SELECT count(*) FROM search_index WHERE search_index MATCH ?1");  // after expr
  sqlite3_bind_text(q.get(), 1, expr.c_str(), static_cast<int>(expr.size()), SQLITE_STATIC);
  if (!q.step()) return q.rc() == SQLITE_OK ? SQLITE_ERROR : q.rc();
  out = sqlite3_column_int64(q.get(), 0);
  return SQLITE_OK;
}

// Estimated counts (store/search_rank.hpp): a spread sample of the index, kSampleSlices runs
// of consecutive rows across its rowid range.
std::atomic<sqlite3_int64> estimate_from_rows{200000};
std::atomic<sqlite3_int64> estimate_from_docs{50000};  // fewer: counted exactly, which is cheap
std::atomic<std::uint64_t> estimates{0};
constexpr int kSampleSlices = 32;
constexpr int kSliceRows = 500;  // per slice, for a phrase (FTS5 counts them by rowid range)
constexpr int kSliceTexts = 64;  // per slice, rows whose words are read for a word prefix

struct Slice {
  sqlite3_int64 first = 0, last = 0, rows = 0;
  // The rows of the rowid range up to the next slice that this slice stands for, from its
  // own density: posts, replies and questions number their ids apart, so rows are not spread
  // evenly over the rowid range (the top of it may hold replies only), and each slice's rate
  // is weighted by the rows it stands for, not counted once.
  double represents = 0;
};

int sample_slices(sqlite3* db, std::vector<Slice>& out) {
  Query range(db,
              "SELECT (SELECT min(id) FROM search_index_docsize), "
              "(SELECT max(id) FROM search_index_docsize)");
  if (!range.step()) return range.rc();
  const sqlite3_int64 lo = sqlite3_column_int64(range.get(), 0);
  const sqlite3_int64 hi = sqlite3_column_int64(range.get(), 1);
  Query slice(db,
              "SELECT min(id), max(id), count(*) FROM (SELECT id FROM search_index_docsize "
              "WHERE id >= ?1 ORDER BY id LIMIT ?2)");
  sqlite3_int64 next = lo;
  for (int k = 0; k < kSampleSlices && slice.rc() == SQLITE_OK; ++k) {
    const sqlite3_int64 start = std::max(next, lo + (hi - lo) / kSampleSlices * k);
    slice.reset();
    sqlite3_bind_int64(slice.get(), 1, start);
    sqlite3_bind_int(slice.get(), 2, kSliceRows);
    if (!slice.step() || sqlite3_column_int64(slice.get(), 2) == 0) break;
    Slice s{sqlite3_column_int64(slice.get(), 0), sqlite3_column_int64(slice.get(), 1),
            sqlite3_column_int64(slice.get(), 2)};
    out.push_back(s);
    next = s.last + 1;
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    auto& s = out[k];
    const sqlite3_int64 end = k + 1 < out.size() ? out[k + 1].first : hi + 1;
    s.represents = static_cast<double>(s.rows) * static_cast<double>(end - s.first) /
                   static_cast<double>(s.last - s.first + 1);
  }
  return slice.rc();
}

// Each slice's rate of rows holding the term, weighted by the rows it stands for.
struct Rate {
  double weighted = 0, weight = 0;
  void add(const Slice& s, double hits, double sampled) {
    if (sampled <= 0) return;
    weighted += hits / sampled * s.represents;
    weight += s.represents;
  }
  sqlite3_int64 of(sqlite3_int64 rows) const {
    if (weight <= 0) return 0;
    const double n = weighted / weight * static_cast<double>(rows);
    return std::min(rows, static_cast<sqlite3_int64>(std::llround(n)));
  }
};

// The rows holding an FTS5 phrase (no '*': a prefix phrase merges every doclist it reaches,
// whatever the rowid range), estimated from the sample.
int estimate_phrase(sqlite3* db, const std::vector<Slice>& slices, const std::string& phrase,
                    sqlite3_int64 rows, sqlite3_int64& out) {
  Query q(db,
          "SELECT count(*) FROM search_index WHERE search_index MATCH ?1 "
          "AND rowid BETWEEN ?2 AND ?3");
  Rate rate;
  for (const auto& s : slices) {
    q.reset();
    sqlite3_bind_text(q.get(), 1, phrase.c_str(), static_cast<int>(phrase.size()), SQLITE_STATIC);
    sqlite3_bind_int64(q.get(), 2, s.first);
    sqlite3_bind_int64(q.get(), 3, s.last);
    if (!q.step()) return q.rc() == SQLITE_OK ? SQLITE_ERROR : q.rc();
    rate.add(s, static_cast<double>(sqlite3_column_int64(q.get(), 0)), static_cast<double>(s.rows));
  }
  out = rate.of(rows);
  return SQLITE_OK;
}

// The rows holding a word that starts with `prefix`, estimated from the first kSliceTexts
// rows of each slice, their words read with the table's own tokenizer.
int estimate_prefix(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db,
                    const std::vector<Slice>& slices, const std::string& prefix, sqlite3_int64 rows,
                    sqlite3_int64& out) {
  Query q(db, "SELECT c0 FROM search_index_content WHERE id BETWEEN ?1 AND ?2 LIMIT ?3");
  const std::vector<std::string> one{prefix};
  std::vector<int> counts;
  Rate rate;
  for (const auto& s : slices) {
    q.reset();
    sqlite3_bind_int64(q.get(), 1, s.first);
    sqlite3_bind_int64(q.get(), 2, s.last);
    sqlite3_bind_int(q.get(), 3, kSliceTexts);
    double hits = 0, sampled = 0;
    while (q.step()) {
      sampled += 1;
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0));
      int length = 0;
      int rc = count_words(api, fts, text, sqlite3_column_bytes(q.get(), 0), one, counts, length);
      if (rc != SQLITE_OK) return rc;
      if (counts[0] > 0) hits += 1;
    }
    if (q.rc() != SQLITE_OK) return q.rc();
    rate.add(s, hits, sampled);
  }
  out = rate.of(rows);
  return SQLITE_OK;
}

std::vector<std::string> split_keys(std::string_view joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    auto end = joined.find(kRankKeySeparator, start);
    out.emplace_back(joined.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

int load_stats(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args,
               sqlite3_value** args, Stats& s) {
  sqlite3_int64 rows = 0, total = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total);
  if (rc != SQLITE_OK) return rc;
  s.avgdl = rows > 0 && total > 0 ? static_cast<double>(total) / static_cast<double>(rows) : 1.0;
  const int phrases = api->xPhraseCount(fts);
  std::vector<std::string> keys;
  bool keyed = false;
  if (n_args >= 2 && sqlite3_value_int(args[0]) == phrases) {
    const auto* text = sqlite3_value_text(args[1]);
    keys = split_keys(text ? reinterpret_cast<const char*>(text) : "");
    keyed = static_cast<int>(keys.size()) <= phrases;
  }
  std::string db;
  sqlite3* handle = sqlite3_context_db_handle(ctx);
  if (const char* name = sqlite3_db_filename(handle, "main")) db = name;
  if (n_args >= 3) {
    const auto* text = sqlite3_value_text(args[2]);
    s.prefixes = split_keys(text ? reinterpret_cast<const char*>(text) : "");
  }
  // A big index: a common phrase's count is estimated from a sample (a few milliseconds)
  // instead of read from its whole doclist (60 ms for a word all of 1,000,000 posts have);
  // a phrase in fewer than estimate_from_docs rows is counted exactly.
  const bool sampling = rows >= estimate_from_rows.load();
  std::vector<Slice> slices;
  bool sampled = false;
  const auto sample = [&]() -> int {
    if (sampled) return SQLITE_OK;
    sampled = true;
    return sample_slices(handle, slices);
  };
  for (const auto& p : s.prefixes) {
    const bool cacheable = rows >= kCachedFromRows;
    std::string key = db + "\n*" + p;
    std::optional<sqlite3_int64> docs;
    std::unique_lock<std::mutex> counting;
    if (cacheable && !(docs = cached(key, rows, 1))) {
      counting = std::unique_lock(count_mutex);
      docs = cached(key, rows, 1);
    }
    // A prefix the sample found rare is remembered as such (its count is exact every time,
    // and cheap), so the sample is not taken again for it.
    const std::string rare_key = key + "\n?";
    if (!docs && sampling && !(cacheable && cached(rare_key, rows, 1))) {
      sqlite3_int64 estimate = 0;
      if ((rc = sample()) != SQLITE_OK) return rc;
      rc = estimate_prefix(api, fts, handle, slices, p, rows, estimate);
      if (rc != SQLITE_OK) return rc;
      if (estimate >= estimate_from_docs.load()) {
        docs = estimate;
        ++estimates;
        remember(key, {estimate, rows, 1, Clock::now()});
      } else if (cacheable) {
        remember(rare_key, {estimate, rows, 1, Clock::now()});
      }
    }
    if (!docs) {
      sqlite3_int64 counted = 0;
      rc = count_prefix(handle, p, counted);
      if (rc != SQLITE_OK) return rc;
      docs = counted;
      if (cacheable && counted >= kCachedFromDocs)
        remember(std::move(key), {counted, rows, 1, Clock::now()});
    }
    s.prefix_idf.push_back(idf_of(rows, *docs));
  }
  s.idf.assign(static_cast<std::size_t>(phrases), 0.0);
  for (int i = 0; i < phrases; ++i) {
    // A NOT phrase is in no matching row: nothing to score.
    if (keyed && i >= static_cast<int>(keys.size())) continue;
    const int tokens = api->xPhraseSize(fts, i);
    const bool cacheable = keyed && rows >= kCachedFromRows;
    std::string key = cacheable ? db + '\n' + keys[static_cast<std::size_t>(i)] : std::string();
    std::optional<sqlite3_int64> docs;
    std::unique_lock<std::mutex> counting;
    if (cacheable && !(docs = cached(key, rows, tokens))) {
      counting = std::unique_lock(count_mutex);
      docs = cached(key, rows, tokens);
    }
    if (!docs) {
      // Counted exactly up to estimate_from_docs rows (cheap), estimated beyond.
      const std::string phrase = cacheable ? keys[static_cast<std::size_t>(i)] : std::string();
      const bool may_estimate = sampling && !phrase.empty() && phrase.back() != '*';
      Tally tally{0, may_estimate ? estimate_from_docs.load() : rows + 1};
      rc = api->xQueryPhrase(fts, i, &tally, count_row);
      if (rc != SQLITE_OK) return rc;
      docs = tally.count;
      if (may_estimate && tally.count >= tally.limit) {
        sqlite3_int64 estimate = 0;
        if ((rc = sample()) != SQLITE_OK) return rc;
        rc = estimate_phrase(handle, slices, phrase, rows, estimate);
        if (rc != SQLITE_OK) return rc;
        docs = std::max(estimate, tally.count);
        ++estimates;
      }
      if (cacheable && *docs >= kCachedFromDocs)
        remember(std::move(key), {*docs, rows, tokens, Clock::now()});
    }
    s.idf[static_cast<std::size_t>(i)] = idf_of(rows, *docs);
  }
  return SQLITE_OK;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args,
          sqlite3_value** args) {
  auto* s = static_cast<Stats*>(api->xGetAuxdata(fts, 0));
  if (!s) {
    auto fresh = std::make_unique<Stats>();
    int rc = load_stats(api, fts, ctx, n_args, args, *fresh);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    s = fresh.release();  // FTS5 owns it now, and deletes it even when it fails here
    rc = api->xSetAuxdata(fts, s, [](void* p) { delete static_cast<Stats*>(p); });
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
  }
  const sqlite3_int64 rowid = api->xRowid(fts);
  if (s->has_last && s->last_rowid == rowid) {
    if (s->last) sqlite3_result_double(ctx, *s->last);
    return;
  }
  s->has_last = false;
  // The row's length: counted from its text when the caller gave it (the words are read for
  // the prefixes anyway, or are cheaper to count than FTS5's lookup of its size record).
  sqlite3_value* text =
      n_args >= 4 && sqlite3_value_type(args[3]) == SQLITE_TEXT ? args[3] : nullptr;
  int length = 0;
  int rc = SQLITE_OK;
  if (text || !s->prefixes.empty())
    rc = count_prefixes(api, fts, text, s->prefixes, s->prefix_tf, length);
  if (rc == SQLITE_OK && !text) rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / s->avgdl);
  double score = 0;
  for (std::size_t i = 0; i < s->idf.size(); ++i) {
    if (s->idf[i] == 0) continue;
    Fts5PhraseIter it;
    int col = 0, off = 0;
    double tf = 0;
    rc = api->xPhraseFirst(fts, static_cast<int>(i), &it, &col, &off);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) tf += 1;
    if (tf > 0) score += s->idf[i] * tf * (kK1 + 1) / (tf + norm);
  }
  if (!s->prefixes.empty()) {
    for (std::size_t p = 0; p < s->prefixes.size(); ++p) {
      const double tf = s->prefix_tf[p];
      if (tf == 0) {  // NULL: the row lacks the prefix, so it does not match
        if (++s->misses > kMaxMisses) {
          sqlite3_result_error(ctx, kTooManyCandidates, -1);
          return;
        }
        s->last_rowid = rowid;
        s->has_last = true;
        s->last.reset();
        return;
      }
      score += s->prefix_idf[p] * tf * (kK1 + 1) / (tf + norm);
    }
  }
  s->last_rowid = rowid;
  s->has_last = true;
  s->last = -score;
  sqlite3_result_double(ctx, -score);
}

// greenroom_prefix_words (store/search_rank.hpp).
void prefix_words(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args,
                  sqlite3_value** args) {
  if (n_args < 1) return;
  const auto* text = sqlite3_value_text(args[0]);
  auto prefixes = split_keys(text ? reinterpret_cast<const char*>(text) : "");
  Tokens tokens;
  int rc = row_tokens(api, fts, tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::string out;
  for (std::size_t p = 0; p < prefixes.size(); ++p) {
    std::vector<std::string> seen;
    std::string group;
    for (const auto& t : tokens.list) {
      if (!starts_with(t, prefixes[p])) continue;
      bool dup = false;
      for (const auto& x : seen) dup = dup || x == t;
      if (dup) continue;
      seen.push_back(t);
      if (!group.empty()) group += kRankWordSeparator;
      group += t;
    }
    if (group.empty()) return;
    if (p > 0) out += kRankKeySeparator;
    out += group;
  }
  sqlite3_result_text(ctx, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// The connections greenroom_rank is registered on; FTS5 drops the function, and calls
// forget() for it, when the connection closes, so a reused handle address is never stale.
std::mutex registered_mutex;
std::unordered_set<sqlite3*> registered;

void forget(void* db) {
  std::lock_guard lock(registered_mutex);
  registered.erase(static_cast<sqlite3*>(db));
}

}  // namespace

void set_estimate_thresholds(std::int64_t rows, std::int64_t docs) {
  estimate_from_rows = rows;
  estimate_from_docs = docs;
}

void clear_cached_counts() {
  std::lock_guard lock(cache_mutex);
  cache.clear();
}

std::uint64_t estimated_counts() {
  return estimates.load();
}

void register_search_rank(Connection& c) {
  {
    std::lock_guard lock(registered_mutex);
    if (registered.contains(c.handle())) return;
  }
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(c.handle(), "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_OK || !api || api->iVersion < 2) c.fail(rc, "fts5_api");
  rc = api->xCreateFunction(api, "greenroom_rank", c.handle(), rank, forget);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction(api, "greenroom_prefix_words", nullptr, prefix_words, nullptr);
  if (rc != SQLITE_OK) c.fail(rc, "register greenroom_rank");
  std::lock_guard lock(registered_mutex);
  registered.insert(c.handle());
}

}  // namespace greenroom::store
