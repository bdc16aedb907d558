#pragma once
// Demo data for drills: Wren is in the middle of one (her post, a persona reply played by Cora,
// her answer waiting for review) and Rui has one assigned and not started.
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_drills(store::Connection& conn,
                 const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now);

}  // namespace greenroom::app
