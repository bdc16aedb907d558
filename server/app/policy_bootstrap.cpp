#include "app/policy_bootstrap.hpp"

#include "app/default_policy.hpp"
#include "store/coaching_repository.hpp"

namespace greenroom::app {

std::shared_ptr<const api::PolicyVersion> load_policy(store::Connection& conn) {
  auto latest = store::PolicyRepository::latest(conn);
  auto p = std::make_shared<api::PolicyVersion>();
  if (!latest) {
    auto doc = nlohmann::json::parse(default_policy_document());
    doc["version"] = 1;
    p->rules = domain::parse_policy(doc);
    p->document = domain::to_json(p->rules);
    p->version = 1;
    p->updated_at = domain::now_millis();
    store::PolicyRepository::insert(conn, 1, p->document.dump(), std::nullopt, p->updated_at);
    return p;
  }
  p->document = nlohmann::json::parse(latest->document);
  p->rules = domain::parse_policy(p->document);
  p->version = latest->version;
  p->updated_at = latest->created_at;
  return p;
}

}  // namespace greenroom::app
