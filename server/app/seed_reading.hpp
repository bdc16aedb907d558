#pragma once
// Demo data for the reading list: an allowed host and a feed on it that Dana (the CEO) and
// Evan follow, with a few entries stored as if fetched (the demo has no internet; the
// fetcher marks the feed with its error when it tries again later).
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_reading(store::Connection& conn,
                  const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now);

}  // namespace greenroom::app
