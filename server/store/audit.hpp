#pragma once
// The audit trail: one entry per state change, written by the write job that makes the
// change (same transaction). Entries form a hash chain: each stores SHA-256 (hex) of the
// previous entry's hash followed by its own content, so a row changed or removed behind the
// server's back breaks the chain at that row. SQLite triggers refuse UPDATE and DELETE.
// This file is the one place entries are built.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store::audit {

// What a write job says happened.
struct Entry {
  domain::Millis at = 0;  // 0: now
  std::optional<std::int64_t> actor_id;
  std::string action;       // e.g. "post_created", "moderation_hide", "login_failed"
  std::string target_type;  // "post", "reply", "user", "policy", ... or ""
  std::optional<std::int64_t> target_id;
  std::string reason;         // a moderator's or admin's reason, "" when none
  std::string client;         // the client's address, "" for the CLI
  std::string detail = "{}";  // a small JSON object
};

// Appends one entry on the writer's connection (inside its transaction); returns its id.
std::int64_t record(Connection& c, const Entry& e);

struct Row {
  std::int64_t id = 0;
  domain::Millis at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_username;  // "" when no actor
  std::string actor_display_name;
  std::string action, target_type;
  std::optional<std::int64_t> target_id;
  std::string reason, client, detail, prev_hash, hash;
};

struct Filter {
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
  std::optional<std::int64_t> target_id;
  std::optional<domain::Millis> since;  // at >= since
  std::optional<domain::Millis> until;  // at < until
  std::optional<std::int64_t> before_id;
  int limit = 50;
};

// Newest first (keyset on id); at most filter.limit rows.
std::vector<Row> list(Connection& c, const Filter& f);
// The statement list() runs for these filters (only the filters given appear in it).
std::string list_sql(const Filter& f);
// Oldest first: entries with after_id < id <= up_to_id and the time window, at most `limit`.
std::vector<Row> batch(Connection& c, std::int64_t after_id, std::int64_t up_to_id,
                       std::optional<domain::Millis> since, std::optional<domain::Millis> until,
                       int limit);
std::int64_t last_id(Connection& c);

struct VerifyResult {
  bool ok = true;
  std::int64_t checked = 0;
  std::optional<std::int64_t> broken_id;  // the first entry that does not check out
  std::string problem;
};
// Walks the whole chain in id order (streaming; constant memory).
VerifyResult verify(Connection& c);

// The hash of an entry, as record() computes it and verify() checks it.
std::string entry_hash(const std::string& prev_hash, std::int64_t id, const Entry& e);

// Migration step for 0007: moves audit_log_legacy rows into the chained table, in id order.
void adopt_legacy_audit_log(Connection& c);

}  // namespace greenroom::store::audit
