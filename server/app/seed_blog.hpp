#pragma once
// Demo data for the Q&A blog: Dana (the CEO) hosts "Ask Dana" with articles and a history of
// answered, waiting and declined questions, named and anonymous, with votes.
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_blog(store::Connection& conn, const std::function<std::int64_t(std::string_view)>& id_of,
               domain::Millis now);

}  // namespace greenroom::app
