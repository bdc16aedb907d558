#pragma once
// Demo data for follows: colleagues follow the CEO, each other, topics and the "Ask Dana"
// blog, so a fresh demo shows a non-empty Following feed, follower counts and notices.
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_social(store::Connection& conn,
                 const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now);

}  // namespace greenroom::app
