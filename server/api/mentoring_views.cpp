#include "api/mentoring_views.hpp"

#include <charconv>

#include "api/views.hpp"
#include "domain/errors.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

nlohmann::json champion_json(const store::ChampionRecord& c) {
  return {{"user", author_json(c.user)},
          {"about", c.about},
          {"marked_by", author_json(c.marked_by)},
          {"created_at", d::format_rfc3339(c.created_at)}};
}

nlohmann::json mentorship_json(const store::MentorshipRecord& m) {
  return {{"id", m.id},
          {"executive", author_json(m.executive)},
          {"mentor", author_json(m.mentor)},
          {"state", d::to_string(m.state)},
          {"requested_by", author_json(m.requested_by)},
          {"created_at", d::format_rfc3339(m.created_at)},
          {"updated_at", d::format_rfc3339(m.updated_at)}};
}

nlohmann::json mentor_message_json(const store::MentorMessageRecord& m) {
  return {{"id", m.id},
          {"post_id", m.post_id},
          {"mentor_id", m.mentor_id},
          {"author", author_json(m.author)},
          {"body", m.body},
          {"created_at", d::format_rfc3339(m.created_at)}};
}

std::optional<d::Cursor> read_before(const http::RequestContext& ctx) {
  auto raw = ctx.query("before");
  if (!raw) return std::nullopt;
  auto c = d::decode_cursor(*raw);
  if (!c)
    throw d::bad_request(
        "The before cursor is not one this server gave out; use the \"next\" value of the "
        "previous page.",
        "bad_cursor");
  return c;
}

std::optional<std::int64_t> read_id_query(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw) return std::nullopt;
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), id);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || id <= 0)
    throw d::bad_request(std::string(name) + " must be a user id (a positive whole number).");
  return id;
}

nlohmann::json list_json(nlohmann::json items, const std::optional<d::Cursor>& next) {
  return {{"items", std::move(items)},
          {"next", next ? nlohmann::json(d::encode_cursor(*next)) : nlohmann::json(nullptr)}};
}

}  // namespace greenroom::api
