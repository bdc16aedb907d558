#include "store/audit.hpp"

#include <openssl/sha.h>

#include <array>
#include <limits>

namespace greenroom::store::audit {
namespace {

const std::string kGenesis(64, '0');

std::string hex(const unsigned char* data, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 0xf];
  }
  return out;
}

// Length-prefixed fields, so no two different entries serialize to the same bytes.
void field(std::string& buf, std::string_view s) {
  buf += std::to_string(s.size());
  buf += ':';
  buf += s;
  buf += ';';
}
void field(std::string& buf, std::optional<std::int64_t> v) {
  field(buf, v ? std::to_string(*v) : std::string("null"));
}

std::int64_t data_version(Connection& c) {
  auto q = c.prepare("PRAGMA data_version");
  q.step();
  return q.int64(0);
}

void insert(Connection& c, std::int64_t id, const Entry& e, const std::string& prev,
            const std::string& hash) {
  c.prepare(
       "INSERT INTO audit_log(id, at, actor_id, action, target_type, target_id, reason, client, "
       "detail, prev_hash, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bind(1, id)
      .bind(2, e.at)
      .bind(3, e.actor_id)
      .bind(4, e.action)
      .bind(5, e.target_type)
      .bind(6, e.target_id)
      .bind(7, e.reason)
      .bind(8, e.client)
      .bind(9, e.detail)
      .bind(10, prev)
      .bind(11, hash)
      .run();
}

constexpr std::string_view kRowSelect =
    "SELECT a.id, a.at, a.actor_id, COALESCE(u.username, ''), COALESCE(u.display_name, ''), "
    "a.action, a.target_type, a.target_id, a.reason, a.client, a.detail, a.prev_hash, a.hash "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ";

Row read_row(const Statement& q) {
  Row r;
  r.id = q.int64(0);
  r.at = q.int64(1);
  r.actor_id = q.int64_or_null(2);
  r.actor_username = q.text(3);
  r.actor_display_name = q.text(4);
  r.action = q.text(5);
  r.target_type = q.text(6);
  r.target_id = q.int64_or_null(7);
  r.reason = q.text(8);
  r.client = q.text(9);
  r.detail = q.text(10);
  r.prev_hash = q.text(11);
  r.hash = q.text(12);
  return r;
}

}  // namespace

std::string entry_hash(const std::string& prev_hash, std::int64_t id, const Entry& e) {
  std::string buf;
  buf.reserve(160 + e.action.size() + e.reason.size() + e.detail.size());
  field(buf, prev_hash);
  field(buf, std::optional<std::int64_t>(id));
  field(buf, std::optional<std::int64_t>(e.at));
  field(buf, e.actor_id);
  field(buf, e.action);
  field(buf, e.target_type);
  field(buf, e.target_id);
  field(buf, e.reason);
  field(buf, e.client);
  field(buf, e.detail);
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(buf.data()), buf.size(), digest.data());
  return hex(digest.data(), digest.size());
}

std::int64_t record(Connection& c, const Entry& entry) {
  // The head is read once and then kept; another connection's commit (a CLI command next to
  // the server) changes data_version, and a rollback clears the cache, so the chain never forks.
  const auto version = data_version(c);
  if (!c.audit_head || c.audit_head->data_version != version) {
    auto q = c.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    Connection::ChainHead head;
    head.hash = kGenesis;
    if (q.step()) {
      head.id = q.int64(0);
      head.hash = q.text(1);
    }
    head.data_version = version;
    c.audit_head = std::move(head);
  }
  Entry e = entry;
  if (e.at == 0) e.at = domain::now_millis();
  if (e.detail.empty()) e.detail = "{}";
  const auto id = c.audit_head->id + 1;
  auto hash = entry_hash(c.audit_head->hash, id, e);
  insert(c, id, e, c.audit_head->hash, hash);
  c.audit_head->id = id;
  c.audit_head->hash = std::move(hash);
  return id;
}

std::string list_sql(const Filter& f) {
  // Only the filters given appear in the SQL, so SQLite can pick the index that fits; each
  // combination is one cached prepared statement.
  std::string sql(kRowSelect);
  sql += "WHERE a.id < ?1";
  if (f.actor_id) sql += " AND a.actor_id = ?2";
  if (f.action) sql += " AND a.action = ?3";
  if (f.target_type) sql += " AND a.target_type = ?4";
  if (f.target_id) sql += " AND a.target_id = ?5";
  if (f.since) sql += " AND a.at >= ?6";
  if (f.until) sql += " AND a.at < ?7";
  sql += " ORDER BY a.id DESC LIMIT ?8";
  return sql;
}

std::vector<Row> list(Connection& c, const Filter& f) {
  auto q = c.prepare(list_sql(f));
  q.bind(1, f.before_id.value_or(std::numeric_limits<std::int64_t>::max()));
  if (f.actor_id) q.bind(2, *f.actor_id);
  if (f.action) q.bind(3, *f.action);
  if (f.target_type) q.bind(4, *f.target_type);
  if (f.target_id) q.bind(5, *f.target_id);
  if (f.since) q.bind(6, *f.since);
  if (f.until) q.bind(7, *f.until);
  q.bind(8, f.limit);
  std::vector<Row> out;
  while (q.step()) out.push_back(read_row(q));
  return out;
}

std::vector<Row> batch(Connection& c, std::int64_t after_id, std::int64_t up_to_id,
                       std::optional<domain::Millis> since, std::optional<domain::Millis> until,
                       int limit) {
  static const std::string sql = [] {
    std::string s(kRowSelect);
    s += "WHERE a.id > ?1 AND a.id <= ?2 AND a.at >= ?3 AND a.at < ?4 ORDER BY a.id LIMIT ?5";
    return s;
  }();
  auto q = c.prepare(sql);
  q.bind(1, after_id)
      .bind(2, up_to_id)
      .bind(3, since.value_or(std::numeric_limits<std::int64_t>::min()))
      .bind(4, until.value_or(std::numeric_limits<std::int64_t>::max()))
      .bind(5, limit);
  std::vector<Row> out;
  out.reserve(static_cast<std::size_t>(limit));
  while (q.step()) out.push_back(read_row(q));
  return out;
}

std::int64_t last_id(Connection& c) {
  auto q = c.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_log");
  q.step();
  return q.int64(0);
}

VerifyResult verify(Connection& c) {
  VerifyResult r;
  auto q = c.prepare(
      "SELECT id, at, actor_id, action, target_type, target_id, reason, client, detail, "
      "prev_hash, hash FROM audit_log ORDER BY id");
  std::string expected_prev = kGenesis;
  std::optional<std::int64_t> previous_id;
  while (q.step()) {
    const auto id = q.int64(0);
    Entry e;
    e.at = q.int64(1);
    e.actor_id = q.int64_or_null(2);
    e.action = q.text(3);
    e.target_type = q.text(4);
    e.target_id = q.int64_or_null(5);
    e.reason = q.text(6);
    e.client = q.text(7);
    e.detail = q.text(8);
    const auto prev = q.text(9);
    const auto hash = q.text(10);
    ++r.checked;
    if (prev != expected_prev) {
      r.ok = false;
      r.broken_id = id;
      r.problem = previous_id ? "it does not follow entry " + std::to_string(*previous_id) +
                                    " (an entry before it was removed or changed)"
                              : "it is the first entry but does not start the chain (earlier "
                                "entries were removed)";
      return r;
    }
    if (entry_hash(prev, id, e) != hash) {
      r.ok = false;
      r.broken_id = id;
      r.problem = "its content does not match its hash (the entry was changed)";
      return r;
    }
    expected_prev = hash;
    previous_id = id;
  }
  return r;
}

void adopt_legacy_audit_log(Connection& c) {
  {
    auto q = c.prepare(
        "SELECT id, at, actor_id, action, COALESCE(target_type, ''), target_id, detail "
        "FROM audit_log_legacy ORDER BY id");
    std::string prev = kGenesis;
    while (q.step()) {
      Entry e;
      const auto id = q.int64(0);
      e.at = q.int64(1);
      e.actor_id = q.int64_or_null(2);
      e.action = q.text(3);
      e.target_type = q.text(4);
      e.target_id = q.int64_or_null(5);
      e.detail = q.text(6);
      auto hash = entry_hash(prev, id, e);
      insert(c, id, e, prev, hash);
      prev = std::move(hash);
    }
  }
  c.exec("DROP TABLE audit_log_legacy");
  c.audit_head.reset();
}

}  // namespace greenroom::store::audit
