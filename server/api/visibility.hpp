#pragma once
// How one person relates to another, decided by domain::relation_between over the stored
// assignments and reverse-mentoring pairings. Every handler that asks "is this the author's coach /
// in their cohort" uses this, so the one rule in domain/permissions decides.
#include <cstdint>

#include "domain/model.hpp"
#include "store/database.hpp"

namespace greenroom::api {

domain::Relation relation(store::Connection& c, std::int64_t actor_id, std::int64_t author_id);

}  // namespace greenroom::api
