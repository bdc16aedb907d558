#pragma once
// The audit trail over HTTP: reading it with filters (moderators, admins), exporting it as
// JSON Lines (admins, streamed), and record_audit(), which write jobs call to add their one
// entry in the same transaction as their change.
#include <boost/asio/awaitable.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"
#include "store/database.hpp"

namespace greenroom::api {

// Appends the audit entry of a write job (on the writer's connection). `client` is the
// caller's address (ctx.connection().client_ip, captured before the job is queued).
std::int64_t record_audit(store::Connection& c, const std::string& client,
                          std::optional<std::int64_t> actor_id, std::string_view action,
                          std::string_view target_type, std::optional<std::int64_t> target_id,
                          const nlohmann::json& detail = nlohmann::json::object(),
                          const std::string& reason = "");

boost::asio::awaitable<http::Response> list_audit(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> export_audit(Services& s, http::RequestContext& ctx);

// Hook for the export's extra check: a recent re-authentication will be required here
// (sessions work, issue 10). Today it only requires the export_audit capability.
void require_export_clearance(Services& s, const Principal& p, http::RequestContext& ctx);

}  // namespace greenroom::api
