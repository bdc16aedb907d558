#include "api/audit.hpp"

#include <algorithm>
#include <memory>

#include "api/json_body.hpp"
#include "api/reauth.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/time.hpp"
#include "http/json_text.hpp"
#include "http/responses.hpp"
#include "store/audit.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

std::int64_t record_audit(store::Connection& c, const std::string& client,
                          std::optional<std::int64_t> actor_id, std::string_view action,
                          std::string_view target_type, std::optional<std::int64_t> target_id,
                          const nlohmann::json& detail, const std::string& reason) {
  store::audit::Entry e;
  e.actor_id = actor_id;
  e.action = std::string(action);
  e.target_type = std::string(target_type);
  e.target_id = target_id;
  e.reason = reason;
  e.client = client;
  e.detail = detail.is_object() ? detail.dump() : "{}";
  return store::audit::record(c, e);
}

namespace {

void append_entry_json(std::string& out, const store::audit::Row& r) {
  using http::append_json_int;
  using http::append_json_string;
  out += "{\"id\":";
  append_json_int(out, r.id);
  out += ",\"at\":";
  append_json_string(out, d::format_rfc3339(r.at));
  out += ",\"actor\":";
  if (r.actor_id) {
    out += "{\"id\":";
    append_json_int(out, *r.actor_id);
    out += ",\"username\":";
    append_json_string(out, r.actor_username);
    out += ",\"display_name\":";
    append_json_string(out, r.actor_display_name);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"action\":";
  append_json_string(out, r.action);
  out += ",\"target_type\":";
  append_json_string(out, r.target_type);
  out += ",\"target_id\":";
  if (r.target_id)
    append_json_int(out, *r.target_id);
  else
    out += "null";
  out += ",\"reason\":";
  append_json_string(out, r.reason);
  out += ",\"client\":";
  append_json_string(out, r.client);
  out += ",\"detail\":";
  out += r.detail.empty() ? "{}" : r.detail;  // written by the server as a JSON object
  out += ",\"prev_hash\":";
  append_json_string(out, r.prev_hash);
  out += ",\"hash\":";
  append_json_string(out, r.hash);
  out += '}';
}

std::optional<d::Millis> read_time(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw) return std::nullopt;
  auto t = d::parse_rfc3339(*raw);
  if (!t)
    throw d::bad_request(std::string(name) +
                         " must be an RFC 3339 time such as 2026-11-27T17:00:00Z.");
  return t;
}

std::optional<std::int64_t> read_id(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw) return std::nullopt;
  if (raw->empty() || raw->size() > 18 || raw->find_first_not_of("0123456789") != std::string::npos)
    throw d::bad_request(std::string(name) + " must be a positive whole number.");
  return std::stoll(*raw);
}

std::optional<std::string> read_word(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw || raw->empty()) return std::nullopt;
  if (raw->size() > 64 ||
      raw->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") != std::string::npos)
    throw d::bad_request(std::string(name) +
                         " must be a lower-case name such as login_failed (letters, digits, _).");
  return raw;
}

}  // namespace

awaitable<http::Response> list_audit(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::moderate))
    throw d::forbidden("The audit trail is for moderators and admins.");
  store::audit::Filter f;
  f.limit = read_limit(ctx, 50, 200);
  f.action = read_word(ctx, "action");
  f.target_type = read_word(ctx, "target_type");
  f.target_id = read_id(ctx, "target_id");
  f.since = read_time(ctx, "since");
  f.until = read_time(ctx, "until");
  if (auto raw = ctx.query("before")) {
    auto c = d::decode_cursor(*raw);
    if (!c)
      throw d::bad_request("The before cursor is not one this server gave out.", "bad_cursor");
    f.before_id = c->id;
  }
  auto conn = s.reads.acquire();
  bool unknown_actor = false;
  if (auto actor = ctx.query("actor"); actor && !actor->empty()) {
    if (actor->find_first_not_of("0123456789") == std::string::npos && actor->size() <= 18) {
      f.actor_id = std::stoll(*actor);
    } else {
      auto u = store::UserRepository::find_by_username(*conn, *actor);
      if (u)
        f.actor_id = u->id;
      else
        unknown_actor = true;  // nobody by that name did anything
    }
  }
  std::vector<store::audit::Row> rows;
  if (!unknown_actor) {
    const int limit = f.limit;
    f.limit = limit + 1;
    rows = store::audit::list(*conn, f);
    f.limit = limit;
  }
  std::string out = "{\"items\":[";
  const auto shown = std::min(rows.size(), static_cast<std::size_t>(f.limit));
  for (std::size_t i = 0; i < shown; ++i) {
    if (i) out += ',';
    append_entry_json(out, rows[i]);
  }
  out += "],\"next\":";
  if (rows.size() > shown)
    http::append_json_string(out, d::encode_cursor({rows[shown - 1].id, rows[shown - 1].id}));
  else
    out += "null";
  out += '}';
  co_return http::raw_json_response(http::Status::ok, std::move(out));
}

void require_export_clearance(Services& s, const Principal& p, http::RequestContext&) {
  if (!d::has_capability(p.user.role, d::Capability::export_audit))
    throw d::forbidden("Exporting the audit trail is for admins.");
  require_recent_auth(s, p);  // a recent password or TOTP proof, not only the cookie
}

awaitable<http::Response> export_audit(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_export_clearance(s, p, ctx);
  const auto since = read_time(ctx, "since");
  const auto until = read_time(ctx, "until");
  // A connection of its own with a small page cache: the pooled ones keep 16 MB each, and
  // walking a million entries would fill that. Rows come in batches by id; one batch is in
  // memory at a time. Entries added during the export are not in it.
  struct Cursor {
    std::shared_ptr<store::Connection> conn;
    std::int64_t after = 0;
    std::int64_t up_to = 0;
    bool done = false;
  };
  auto state = std::make_shared<Cursor>();
  state->conn =
      std::make_shared<store::Connection>(s.reads.path(), store::Connection::Mode::read_only);
  state->conn->exec("PRAGMA cache_size=-512");
  state->up_to = store::audit::last_id(*state->conn);
  constexpr int kBatch = 500;
  ctx.stream_body = [state, since, until](std::string& out) {
    if (state->done) return false;
    auto rows = store::audit::batch(*state->conn, state->after, state->up_to, since, until, kBatch);
    out.reserve(rows.size() * 400);
    for (const auto& r : rows) {
      append_entry_json(out, r);
      out += '\n';
    }
    if (!rows.empty()) state->after = rows.back().id;
    state->done = rows.size() < static_cast<std::size_t>(kBatch);
    if (state->done) state->conn.reset();
    return !state->done;
  };
  http::Response res{http::Status::ok, 11};
  res.set(http::bhttp::field::content_type, "application/x-ndjson");
  res.set(http::bhttp::field::content_disposition,
          "attachment; filename=\"greenroom-audit.ndjson\"");
  res.set(http::bhttp::field::cache_control, "no-store");
  co_return res;
}

}  // namespace greenroom::api
