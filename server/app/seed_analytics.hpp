#pragma once
// Demo data for engagement analytics: twelve weeks of company activity before the demo feed,
// with the CEO (Dana) joining half-way and the space livelier from then on, so the joining
// effect and the weekly charts show something believable on a fresh demo.
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_analytics_history(store::Connection& conn,
                            const std::function<std::int64_t(std::string_view)>& id_of,
                            domain::Millis now);

}  // namespace greenroom::app
