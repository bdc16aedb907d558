#pragma once
// Coaching evidence per executive (GET /api/v1/analytics/users/{id}/coaching): weekly trends
// of clean submissions, golden-rule findings, review rounds, rubric averages and time in
// review, the most frequent rules, and where the executive stands against the level rule.
#include <boost/asio/awaitable.hpp>
#include <nlohmann/json.hpp>

#include "api/services.hpp"
#include "domain/coaching_evidence.hpp"
#include "http/context.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> coaching_evidence(Services& s, http::RequestContext& ctx);

// The executive's evidence against the level rule, read now.
domain::LevelSuggestion level_suggestion_for(store::Connection& c, const store::UserRecord& u,
                                             const domain::SuggestionRule& rule);
// {"from","to","suggest","criteria":[{"name","met","value","threshold","detail"}]}.
nlohmann::json level_suggestion_json(const store::UserRecord& u, const domain::LevelSuggestion& s);

}  // namespace greenroom::api
