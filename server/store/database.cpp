#include "store/database.hpp"

#include <string>

#include "store/search_queue.hpp"

namespace greenroom::store {

Connection::Connection(const std::string& path, Mode mode) {
  // No global memory statistics: with them every sqlite3_malloc and free of every thread
  // takes one process-wide mutex. Only possible before SQLite initialises itself.
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  flags |=
      mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(rc, "cannot open database " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA foreign_keys=ON");
  if (mode == Mode::read_write) {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
  } else {
    exec("PRAGMA query_only=ON");
  }
  exec("PRAGMA cache_size=-16000");  // 16 MB page cache per connection
  exec("PRAGMA temp_store=MEMORY");
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void Connection::fail(int rc, std::string_view context) const {
  throw StoreError(rc, std::string(context) + ": " + sqlite3_errmsg(db_));
}

void Connection::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError(rc, "exec failed: " + msg);
  }
}

Statement Connection::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "prepare");
    it = cache_.emplace(std::move(key), stmt).first;
  }
  return Statement(*this, it->second);
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}
int Connection::changes() const {
  return sqlite3_changes(db_);
}

Statement::~Statement() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::bind(int i, std::int64_t v) {
  int rc = sqlite3_bind_int64(stmt_, i, v);
  if (rc != SQLITE_OK) conn_->fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
  int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) conn_->fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  int rc =
      sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) conn_->fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_null(int i) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) conn_->fail(rc, "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  conn_->fail(rc, "step");
}

void Statement::run() {
  while (step()) {
  }
}

double Statement::real(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::int64_t Statement::int64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::string Statement::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::text_or_null(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<std::int64_t> Statement::int64_or_null(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Transaction::Transaction(Connection& conn, bool immediate) : conn_(conn) {
  conn_.prepare(immediate ? "BEGIN IMMEDIATE" : "BEGIN").run();
}

Transaction::~Transaction() {
  if (!done_) {
    conn_.audit_head.reset();
    try {
      conn_.exec("ROLLBACK");
    } catch (...) {  // the transaction may already be gone after an I/O error
    }
  }
}

void Transaction::commit() {
  flush_search_queue(conn_);
  conn_.prepare("COMMIT").run();
  done_ = true;
}

// Prepared once per connection: sqlite3_exec would parse the text for every job.
Savepoint::Savepoint(Connection& conn) : conn_(conn) {
  conn_.prepare("SAVEPOINT job").run();
}

Savepoint::~Savepoint() {
  if (!done_) {
    conn_.audit_head.reset();
    try {
      conn_.exec("ROLLBACK TO job");
      conn_.exec("RELEASE job");
    } catch (...) {
    }
  }
}

void Savepoint::release() {
  conn_.prepare("RELEASE job").run();
  done_ = true;
}

}  // namespace greenroom::store
