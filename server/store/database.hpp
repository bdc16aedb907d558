#pragma once
// Thin RAII wrappers over SQLite: a connection that caches its prepared statements, a
// statement cursor that resets itself, and a transaction that rolls back unless committed.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace greenroom::store {

class StoreError : public std::runtime_error {
 public:
  StoreError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  // True for UNIQUE/PRIMARY KEY/CHECK/FOREIGN KEY violations.
  bool is_constraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }

 private:
  int code_;
};

class Statement;

class Connection {
 public:
  enum class Mode { read_write, read_only };
  Connection(const std::string& path, Mode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results.
  void exec(std::string_view sql);
  // Returns a prepared statement for `sql`, prepared once per connection and reused.
  // The statement is reset when the returned cursor goes out of scope.
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  [[noreturn]] void fail(int rc, std::string_view context) const;

  // The audit chain's head as this connection last wrote or read it (store/audit.cpp keeps
  // it so an entry costs no extra read). Cleared on every rollback, so a rolled-back entry
  // never becomes the head.
  struct ChainHead {
    std::int64_t id = 0;
    std::string hash;
    std::int64_t data_version = 0;
  };
  std::optional<ChainHead> audit_head;
  // store/search_queue.cpp: the queue table exists (cached once seen).
  bool search_queue_present = false;

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// A cursor over a cached prepared statement. Columns are 0-based, parameters 1-based.
class Statement {
 public:
  Statement(Connection& conn, sqlite3_stmt* stmt) : conn_(&conn), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept : conn_(other.conn_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_null(int i);
  template <class T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Advances to the next row; false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::optional<std::string> text_or_null(int col) const;
  std::optional<std::int64_t> int64_or_null(int col) const;
  bool is_null(int col) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back in the destructor unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& conn, bool immediate = true);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& conn_;
  bool done_ = false;
};

// SAVEPOINT ... RELEASE, rolled back to the savepoint in the destructor unless released.
class Savepoint {
 public:
  explicit Savepoint(Connection& conn);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace greenroom::store
