#pragma once
// The golden rules in force (the newest saved version), lint, and the admin policy editor.
#include <boost/asio/awaitable.hpp>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "domain/policy_lint.hpp"
#include "domain/time.hpp"
#include "http/context.hpp"

namespace greenroom::api {

struct Services;

struct PolicyVersion {
  std::int64_t version = 0;
  domain::PolicyRules rules;
  nlohmann::json document;
  domain::Millis updated_at = 0;
};

class PolicyHolder {
 public:
  std::shared_ptr<const PolicyVersion> current() const {
    std::lock_guard lock(mu_);
    return current_;
  }
  void set(std::shared_ptr<const PolicyVersion> p) {
    std::lock_guard lock(mu_);
    current_ = std::move(p);
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const PolicyVersion> current_ = std::make_shared<PolicyVersion>();
};

// Throws 422 policy_violation with the findings when the text breaks an error-level rule;
// `what` names the text in the message ("post", "reply"). `long_form` (articles, answers)
// leaves out the length rule, which is written for posts.
void enforce_policy(const PolicyHolder& policy, const std::string& body,
                    std::string_view what = "post", bool long_form = false);

boost::asio::awaitable<http::Response> lint(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_policy(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> put_policy(Services& s, http::RequestContext& ctx);

// Validates `document` and saves it as the next version (put in force at once); throws 400
// when invalid, 409 when another admin saved meanwhile. `audit_action` names the change in
// the audit trail; `client` is the caller's address (ctx.connection().client_ip).
boost::asio::awaitable<std::shared_ptr<const PolicyVersion>> save_policy_version(
    Services& s, std::int64_t admin_id, nlohmann::json document, std::string audit_action,
    std::string client);
nlohmann::json policy_version_json(const PolicyVersion& p);

}  // namespace greenroom::api
