#include "api/policy.hpp"
#include "api/reauth.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/services.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

nlohmann::json findings_json(const std::vector<d::LintFinding>& findings) {
  auto out = nlohmann::json::array();
  for (const auto& f : findings) out.push_back(d::to_json(f));
  return out;
}

}  // namespace

nlohmann::json policy_version_json(const PolicyVersion& p) {
  return {{"version", p.version},
          {"policy", p.document},
          {"updated_at", d::format_rfc3339(p.updated_at)}};
}

void enforce_policy(const PolicyHolder& policy, const std::string& body, std::string_view what,
                    bool long_form) {
  auto current = policy.current();
  auto findings = d::lint_post(body, current->rules);
  // Articles and answers are long-form: the length rule (written for posts) does not apply.
  if (long_form) std::erase_if(findings, [](const auto& f) { return f.rule == d::rule::length; });
  if (!d::has_errors(findings)) return;
  std::string first;
  for (const auto& f : findings)
    if (f.severity == "error") {
      first = f.message;
      break;
    }
  throw d::Error(d::ErrorKind::unprocessable, "policy_violation",
                 "The " + std::string(what) + " breaks the golden rules: " + first,
                 {{"findings", findings_json(findings)}, {"policy_version", current->version}});
}

awaitable<http::Response> lint(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  if (!d::is_valid_utf8(text)) throw d::bad_request("body must be valid UTF-8 text.");
  if (d::code_point_count(text) > 2 * d::kMaxPostCodePoints)
    throw d::bad_request("body is too long to check; posts have at most 5000 characters.");
  auto current = s.policy.current();
  co_return http::json_response(http::Status::ok,
                                {{"findings", findings_json(d::lint_post(text, current->rules))},
                                 {"policy_version", current->version}});
}

awaitable<http::Response> get_policy(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  co_return http::json_response(http::Status::ok, policy_version_json(*s.policy.current()));
}

awaitable<http::Response> put_policy(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::edit_policy))
    throw d::forbidden("Only admins edit the golden rules.");
  auto body = read_json_object(ctx, {"policy"});
  require_recent_auth(s, p);
  if (!body.contains("policy") || !body["policy"].is_object())
    throw d::bad_request("Send {\"policy\": {...}} with the whole policy document.");
  auto saved = co_await save_policy_version(s, p.user.id, body["policy"], "policy_updated",
                                            ctx.connection().client_ip);
  co_return http::json_response(http::Status::ok, policy_version_json(*saved));
}

awaitable<std::shared_ptr<const PolicyVersion>> save_policy_version(Services& s,
                                                                    std::int64_t admin_id,
                                                                    nlohmann::json document,
                                                                    std::string audit_action,
                                                                    std::string client) {
  auto next = std::make_shared<PolicyVersion>();
  next->version = s.policy.current()->version + 1;
  document["version"] = next->version;
  try {
    next->rules = d::parse_policy(document);
  } catch (const std::invalid_argument& e) {
    throw d::bad_request(std::string("The policy is not valid: ") + e.what());
  }
  next->document = d::to_json(next->rules);
  next->updated_at = d::now_millis();
  auto save = [next, admin_id, audit_action, client](store::Connection& c) {
    // The version is decided inside the writer so two admins cannot both write version N.
    auto latest = store::PolicyRepository::latest(c);
    if (latest && latest->version >= next->version)
      throw d::conflict("The policy changed meanwhile (now version " +
                        std::to_string(latest->version) + "); reload and edit again.");
    store::PolicyRepository::insert(c, next->version, next->document.dump(), admin_id,
                                    next->updated_at);
    record_audit(c, client, admin_id, audit_action, "policy", next->version);
    // Coaches teach the rules, so each one hears of a change (the page shows what changed).
    const auto message = "The golden rules changed: version " + std::to_string(next->version) +
                         (audit_action == "policy_rolled_back" ? " restores an earlier version."
                                                               : " is now in force.");
    for (auto coach : store::UserRepository::active_ids_with_role(c, d::Role::coach))
      notify_about(c, coach, "policy_changed", message, "policy_version", next->version);
  };
  co_await write(s.writer, std::move(save));
  s.policy.set(next);
  co_return next;
}

}  // namespace greenroom::api
