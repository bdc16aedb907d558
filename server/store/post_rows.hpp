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
// viewer (for liked_by_me). read_post reads one row of it.
inline constexpr std::string_view kPostSelect =
    "SELECT p.id, p.author_id, u.username, u.display_name, p.space, p.state, p.body, "
    "p.version, p.created_at, p.updated_at, p.published_at, p.reply_count, p.like_count, "
    "EXISTS(SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ?1), "
    "p.locked_at IS NOT NULL, COALESCE(p.moderation_reason, ''), "
    "p.scheduled_at, p.edited_at, CASE WHEN p.author_id = ?1 THEN p.correction_state END, "
    "p.share_with_mentor, p.blog_id "
    "FROM posts p JOIN users u ON u.id = p.author_id ";
PostRecord read_post(const Statement& q);

// The published practice posts domain::practice_reach lets viewer ?1 read, as a condition on
// `p` (the posts row) and the common table expression it needs (kLiveAssignments,
// kLiveMentorships or none). tests/api/visibility_property_test.cpp proves it agrees with
// domain::can_view_post.
struct ReachSql {
  std::string_view with;       // "" or a CTE body for "WITH ..."
  std::string_view condition;  // an SQL boolean over p.author_id and ?1
};
ReachSql practice_reach_sql(domain::PracticeReach reach);
// "WITH <reach.with> " (when it has one) followed by `rest`.
std::string with_reach(const ReachSql& reach, std::string_view rest);

}  // namespace greenroom::store
