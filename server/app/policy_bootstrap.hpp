#pragma once
#include <memory>

#include "api/policy.hpp"
#include "store/database.hpp"

namespace greenroom::app {

// The policy in force: the newest saved version, or the built-in default saved as version 1.
std::shared_ptr<const api::PolicyVersion> load_policy(store::Connection& conn);

}  // namespace greenroom::app
