#pragma once
// The coach assignments that count, as a SQL common table expression `live(coach_id,
// executive_id)`, for the queries that must filter by coaching in SQL for speed (feed,
// review queue, cohort, notifying coaches). It states domain::assignment_counts in SQL:
// the coach holds the coach role, the executive the executive role, neither is disabled.
// tests/api/visibility_property_test.cpp proves the two agree. Use it as
// "WITH " + kLiveAssignments + " SELECT ...".
#include <string>
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

// The reverse-mentoring pairings that count, as `mentors(mentor_id, executive_id)`: it states
// domain::mentorship_counts in SQL (active; the mentor an enabled member, the executive an
// enabled executive). Use it as "WITH " + kLiveMentorships + " SELECT ...".
inline constexpr std::string_view kLiveMentorships =
    "mentors AS (SELECT m.mentor_id, m.executive_id FROM mentorships m "
    "  JOIN users lm ON lm.id = m.mentor_id AND lm.role = 'member' AND lm.disabled = 0 "
    "  JOIN users lx ON lx.id = m.executive_id AND lx.role = 'executive' AND lx.disabled = 0 "
    "  WHERE m.state = 'active') ";

// "WITH mentors AS (...) " followed by `rest`.
inline std::string with_live_mentorships(std::string_view rest) {
  std::string sql;
  sql.reserve(5 + kLiveMentorships.size() + rest.size());
  sql.append("WITH ").append(kLiveMentorships).append(rest);
  return sql;
}

}  // namespace greenroom::store
