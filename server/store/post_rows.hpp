#pragma once
// The post row as every post listing reads it, and the practice space's reach as SQL: shared
// by PostRepository (feeds) and FollowingRepository (Following feed, topic and profile pages)
// so there is one copy of each.
#include <string>
#include <string_view>

#include "domain/permissions.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

// "SELECT <post columns> FROM posts p JOIN users u ON u.id = p.author_id "; ?1 is always the
// viewer (for liked_by_me). read_post_row reads one row of it.
std::string_view post_select_sql();
PostRecord read_post_row(const Statement& q);

// The published practice posts domain::practice_reach lets viewer ?1 read, as a condition on
// `p` (the posts row) and the common table expression it needs (kLiveAssignments,
// kLiveMentorships or none). tests/api/visibility_property_test.cpp proves it agrees with
// domain::can_view_post.
struct ReachSql {
  std::string_view with;       // "" or a CTE body for "WITH ..."
  std::string_view condition;  // an SQL boolean over p.author_id and ?1
};
ReachSql practice_reach_sql(domain::PracticeReach reach);

}  // namespace greenroom::store
