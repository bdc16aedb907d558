#pragma once
// Reverse mentoring: JSON shapes, the audit entries of every step, and request helpers
// shared by the champion, mentorship and mentor-thread handlers.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "domain/cursor.hpp"
#include "http/context.hpp"
#include "store/database.hpp"
#include "store/mentorship_repository.hpp"

namespace greenroom::api {

nlohmann::json champion_json(const store::ChampionRecord& c);
nlohmann::json mentorship_json(const store::MentorshipRecord& m);
nlohmann::json mentor_message_json(const store::MentorMessageRecord& m);

// The one place mentoring writes the audit trail (champion_marked, champion_unmarked,
// mentorship_requested, mentorship_accepted, mentorship_declined, mentorship_ended), inside
// the write that makes the change.
void record_mentoring_audit(store::Connection& c, std::int64_t actor_id, std::string_view action,
                            std::string_view target_type, std::int64_t target_id,
                            const nlohmann::json& detail);

// Query parameter `before`: a cursor this server gave out (400 otherwise).
std::optional<domain::Cursor> read_before(const http::RequestContext& ctx);
// Query parameter `name` as a positive id (400 otherwise), absent -> nullopt.
std::optional<std::int64_t> read_id_query(const http::RequestContext& ctx, std::string_view name);
// {"items":[...],"next":cursor or null}
nlohmann::json list_json(nlohmann::json items, const std::optional<domain::Cursor>& next);

}  // namespace greenroom::api
