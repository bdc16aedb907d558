#pragma once
// Demo data for moderation: a reported post waiting in the queue, a hidden reply, a locked
// thread, and the audit entries those left.
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_moderation(store::Connection& conn,
                     const std::function<std::int64_t(std::string_view)>& id_of,
                     domain::Millis now);

}  // namespace greenroom::app
