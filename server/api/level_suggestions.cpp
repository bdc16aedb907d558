#include "api/level_suggestions.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching_evidence.hpp"
#include "api/json_body.hpp"
#include "api/users.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/evidence_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// Whether a dismissal still holds: nothing about the executive is newer than what it saw.
bool dismissed_without_new_evidence(store::Connection& c, std::int64_t executive_id,
                                    const d::LevelSuggestion& s) {
  auto last = store::EvidenceRepository::latest_decision(c, executive_id);
  if (!last || last->decision != "dismissed" || !s.to) return false;
  if (last->to_level != d::to_string(*s.to)) return false;
  return store::EvidenceRepository::last_event_id(c, executive_id) <= last->last_event_id &&
         store::EvidenceRepository::last_review_id(c, executive_id) <= last->last_review_id;
}

// The suggestion standing for the executive now (the rule met, not dismissed since), if any.
std::optional<d::LevelSuggestion> standing(store::Connection& c, const store::UserRecord& u,
                                           const d::SuggestionRule& rule) {
  if (u.role != d::Role::executive || u.disabled) return std::nullopt;
  auto s = level_suggestion_for(c, u, rule);
  if (!s.suggest || dismissed_without_new_evidence(c, u.id, s)) return std::nullopt;
  return s;
}

nlohmann::json item_json(const store::UserRecord& u, const d::LevelSuggestion& s) {
  auto j = level_suggestion_json(u, s);
  j["executive"] = user_json(u);
  return j;
}

// The optional body {"level"}: when given, the level the coach saw suggested.
std::optional<d::Level> seen_level(http::RequestContext& ctx) {
  if (ctx.request().body().empty()) return std::nullopt;
  auto body = read_json_object(ctx, {"level"});
  auto raw = optional_string(body, "level");
  if (!raw) return std::nullopt;
  auto level = d::parse_level(*raw);
  if (!level) throw d::bad_request("level must be crawl, walk or run.");
  return level;
}

// Inside a write: the executive, when the caller may decide on their level (404 for whoever
// may not know of the executive, 403 for the rest, as for PUT /users/{id}/level).
store::UserRecord decidable(store::Connection& c, const Principal& p, std::int64_t id) {
  auto u = store::UserRepository::find_by_id(c, id);
  const auto rel = u ? relation(c, p.user.id, id) : d::Relation{};
  if (u && d::can_decide_level_suggestion(p.actor(), rel)) return *u;
  const bool knows = u && (id == p.user.id || rel.mentors_author ||
                           d::has_capability(p.user.role, d::Capability::manage_users));
  if (!knows) throw d::not_found("User " + std::to_string(id));
  throw d::forbidden("Only an executive's own coach accepts or dismisses a level suggestion.");
}

d::LevelSuggestion require_standing(store::Connection& c, const store::UserRecord& u,
                                    const d::SuggestionRule& rule, std::optional<d::Level> seen) {
  auto s = standing(c, u, rule);
  if (!s)
    throw d::conflict("There is no level suggestion for " + u.display_name +
                          " now: the evidence does not meet the rule, or it was dismissed and "
                          "nothing new has happened since.",
                      "no_suggestion");
  if (seen && *seen != *s->to)
    throw d::conflict("The suggestion is " + std::string(d::to_string(*s->to)) + ", not " +
                          std::string(d::to_string(*seen)) + "; reload and decide again.",
                      "stale_suggestion");
  return *s;
}

store::LevelDecision decision(store::Connection& c, std::int64_t coach_id,
                              const store::UserRecord& u, const d::LevelSuggestion& s,
                              const char* what) {
  return {0,
          coach_id,
          std::string(d::to_string(u.level.value_or(d::Level::crawl))),
          std::string(d::to_string(*s.to)),
          what,
          store::EvidenceRepository::last_event_id(c, u.id),
          store::EvidenceRepository::last_review_id(c, u.id),
          d::now_millis()};
}

}  // namespace

awaitable<http::Response> list_level_suggestions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("Level suggestions are for coaches, about the executives they coach.");
  auto conn = s.reads.acquire();
  auto items = nlohmann::json::array();
  for (const auto& u : store::UserRepository::executives_of(*conn, p.user.id)) {
    if (!d::can_decide_level_suggestion(p.actor(), relation(*conn, p.user.id, u.id))) continue;
    if (auto sug = standing(*conn, u, s.settings.level_rule)) items.push_back(item_json(u, *sug));
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}, {"next", nullptr}});
}

awaitable<http::Response> accept_level_suggestion(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  const auto seen = seen_level(ctx);
  auto job = [p, id, seen, rule = s.settings.level_rule,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto u = decidable(c, p, id);
    auto sug = require_standing(c, u, rule, seen);
    store::EvidenceRepository::insert_decision(c, id, decision(c, p.user.id, u, sug, "accepted"));
    record_audit(
        c, client, p.user.id, "level_suggestion_accepted", "user", id,
        {{"from", d::to_string(u.level.value_or(d::Level::crawl))}, {"to", d::to_string(*sug.to)}});
    return change_level(c, client, p.user.id, p.user.role, id, *sug.to, {{"suggested", true}});
  };
  auto u = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"user", user_json(u)}});
}

awaitable<http::Response> dismiss_level_suggestion(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  const auto seen = seen_level(ctx);
  auto job = [p, id, seen, rule = s.settings.level_rule,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto u = decidable(c, p, id);
    auto sug = require_standing(c, u, rule, seen);
    store::EvidenceRepository::insert_decision(c, id, decision(c, p.user.id, u, sug, "dismissed"));
    record_audit(
        c, client, p.user.id, "level_suggestion_dismissed", "user", id,
        {{"from", d::to_string(u.level.value_or(d::Level::crawl))}, {"to", d::to_string(*sug.to)}});
    return u;
  };
  auto u = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"user", user_json(u)}, {"dismissed", true}});
}

}  // namespace greenroom::api
