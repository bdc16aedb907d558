#pragma once
// The coach assignments that count, as a SQL common table expression `live(coach_id,
// executive_id)`, for the queries that must filter by coaching in SQL for speed (feed,
// review queue, cohort, notifying coaches). It states domain::assignment_counts in SQL:
// the coach holds the coach role, the executive the executive role, neither is disabled.
// tests/api/visibility_property_test.cpp proves the two agree. Use it as
// "WITH " + kLiveAssignments + " SELECT ...".
#include <string_view>

namespace greenroom::store {

inline constexpr std::string_view kLiveAssignments =
    "live AS (SELECT a.coach_id, a.executive_id FROM coach_assignments a "
    "  JOIN users lc ON lc.id = a.coach_id AND lc.role = 'coach' AND lc.disabled = 0 "
    "  JOIN users le ON le.id = a.executive_id AND le.role = 'executive' AND le.disabled = 0) ";

// "WITH live AS (...) " followed by `rest`.
inline std::string with_live_assignments(std::string_view rest) {
  std::string sql;
  sql.reserve(5 + kLiveAssignments.size() + rest.size());
  sql.append("WITH ").append(kLiveAssignments).append(rest);
  return sql;
}

}  // namespace greenroom::store
