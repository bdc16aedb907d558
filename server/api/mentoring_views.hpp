#pragma once
// Reverse mentoring: JSON shapes and request helpers
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

// Query parameter `before`: a cursor this server gave out (400 otherwise).
std::optional<domain::Cursor> read_before(const http::RequestContext& ctx);
// Query parameter `name` as a positive id (400 otherwise), absent -> nullopt.
std::optional<std::int64_t> read_id_query(const http::RequestContext& ctx, std::string_view name);
// {"items":[...],"next":cursor or null}
nlohmann::json list_json(nlohmann::json items, const std::optional<domain::Cursor>& next);

}  // namespace greenroom::api
