#include "api/policy_versions.hpp"

#include "api/auth.hpp"
#include "api/policy.hpp"
#include "api/reauth.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

nlohmann::json saved_by(const store::PolicyRecord& r) {
  return r.created_by ? author_json(*r.created_by) : nlohmann::json(nullptr);
}

store::PolicyRecord find_version(Services& s, std::int64_t version) {
  auto conn = s.reads.acquire();
  auto found = store::PolicyRepository::find(*conn, version);
  if (!found) throw d::not_found("Policy version " + std::to_string(version));
  return *found;
}

}  // namespace

awaitable<http::Response> list_policy_versions(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  std::vector<store::PolicyRecord> versions;
  {
    auto conn = s.reads.acquire();
    versions = store::PolicyRepository::list(*conn);
  }
  auto items = nlohmann::json::array();
  for (const auto& v : versions)
    items.push_back({{"version", v.version},
                     {"created_at", d::format_rfc3339(v.created_at)},
                     {"created_by", saved_by(v)}});
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> get_policy_version(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto v = find_version(s, ctx.id_param("n"));
  auto document = nlohmann::json::parse(v.document, nullptr, false);
  co_return http::json_response(http::Status::ok, {{"version", v.version},
                                                   {"policy", std::move(document)},
                                                   {"updated_at", d::format_rfc3339(v.created_at)},
                                                   {"created_by", saved_by(v)}});
}

awaitable<http::Response> rollback_policy(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::edit_policy))
    throw d::forbidden("Only admins edit the golden rules.");
  auto old = find_version(s, ctx.id_param("n"));
  require_recent_auth(s, p);
  auto document = nlohmann::json::parse(old.document, nullptr, false);
  if (!document.is_object())
    throw d::conflict("Policy version " + std::to_string(old.version) +
                      " cannot be read; pick another version.");
  auto saved = co_await save_policy_version(s, p.user.id, std::move(document), "policy_rolled_back",
                                            ctx.connection().client_ip);
  auto body = policy_version_json(*saved);
  body["rolled_back_to"] = old.version;
  co_return http::json_response(http::Status::ok, std::move(body));
}

}  // namespace greenroom::api
