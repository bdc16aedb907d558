#pragma once
#include <string_view>

namespace greenroom::app {
// config/policy.json as it was at build time (embedded); seeds the policy of a new database.
std::string_view default_policy_document();
}  // namespace greenroom::app
