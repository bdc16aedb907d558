#include "api/drills.hpp"

#include <charconv>
#include <limits>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/drills.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

std::string drill_name(std::int64_t id) {
  return "Drill " + std::to_string(id);
}

d::Actor actor_of(store::Connection& c, std::int64_t user_id) {
  auto u = store::UserRepository::find_by_id(c, user_id);
  if (!u) return {};
  return {u->id, u->role, u->level};
}

std::int64_t read_id_query(const http::RequestContext& ctx, std::string_view name,
                           std::int64_t fallback) {
  auto raw = ctx.query(name);
  if (!raw) return fallback;
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || v <= 0)
    throw d::bad_request(std::string(name) + " must be a positive whole number.");
  return v;
}

std::vector<std::pair<std::string, std::string>> read_personas(const nlohmann::json& body) {
  auto it = body.find("personas");
  if (it == body.end() || !it->is_array() || it->empty() || it->size() > d::kMaxPersonas)
    throw d::bad_request("personas must be a list of 1 to " + std::to_string(d::kMaxPersonas) +
                         " objects {\"name\",\"description\"}: the people you will play.");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : *it) {
    if (!p.is_object())
      throw d::bad_request("Each persona is an object {\"name\",\"description\"}.");
    for (auto field = p.begin(); field != p.end(); ++field)
      if (field.key() != "name" && field.key() != "description")
        throw d::bad_request("A persona has only \"name\" and \"description\" (not \"" +
                             field.key() + "\").");
    auto name = require_string(p, "name");
    d::validate_text(name, "persona name", d::kMaxPersonaName);
    auto description = optional_string(p, "description").value_or("");
    if (!description.empty())
      d::validate_text(description, "persona description", d::kMaxPersonaDescription);
    for (const auto& other : out)
      if (other.first == name) throw d::bad_request("Two personas are called \"" + name + "\".");
    out.emplace_back(std::move(name), std::move(description));
  }
  return out;
}

}  // namespace

nlohmann::json drill_json(const store::DrillRecord& r, d::Millis now) {
  const auto status = d::drill_status(r.post_id.has_value(), r.completed_at.has_value());
  auto personas = nlohmann::json::array();
  for (const auto& p : r.personas)
    personas.push_back({{"id", p.id}, {"name", p.name}, {"description", p.description}});
  auto at = [](const std::optional<d::Millis>& m) {
    return m ? nlohmann::json(d::format_rfc3339(*m)) : nlohmann::json(nullptr);
  };
  return {{"id", r.id},
          {"executive", author_json(r.executive)},
          {"coach", author_json(r.coach)},
          {"scenario", r.scenario},
          {"due_at", d::format_rfc3339(r.due_at)},
          {"status", d::to_string(status)},
          {"overdue", d::drill_overdue(status, now, r.due_at)},
          {"post_id", r.post_id ? nlohmann::json(*r.post_id) : nlohmann::json(nullptr)},
          {"personas", std::move(personas)},
          {"created_at", d::format_rfc3339(r.created_at)},
          {"started_at", at(r.started_at)},
          {"completed_at", at(r.completed_at)}};
}

store::DrillRecord load_visible_drill(store::Connection& c, std::int64_t user_id,
                                      std::int64_t drill_id) {
  auto drill = store::DrillRepository::find(c, drill_id);
  if (drill && d::can_view_drill(actor_of(c, user_id), drill->executive_id,
                                 relation(c, user_id, drill->executive_id)))
    return std::move(*drill);
  throw d::not_found(drill_name(drill_id));
}

awaitable<http::Response> create_drill(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("Coaches assign drills to their executives.");
  auto body = read_json_object(ctx, {"executive_id", "scenario", "due_at", "personas"});
  auto exec_it = body.find("executive_id");
  if (exec_it == body.end() || !exec_it->is_number_integer())
    throw d::bad_request("executive_id is required: the id of one of your executives.");
  const auto exec = exec_it->get<std::int64_t>();
  auto scenario = require_string(body, "scenario");
  d::validate_text(scenario, "scenario", d::kMaxDrillScenario);
  auto due = d::parse_rfc3339(require_string(body, "due_at"));
  if (!due) throw d::bad_request("due_at must be an RFC 3339 time such as 2026-12-01T17:00:00Z.");
  if (*due <= d::now_millis()) throw d::bad_request("due_at must be in the future.");
  auto personas = read_personas(body);
  auto job = [uid = p.user.id, name = p.user.display_name, exec, scenario, due = *due,
              personas = std::move(personas),
              client = ctx.connection().client_ip](store::Connection& c) {
    if (!d::can_run_drill(actor_of(c, uid), relation(c, uid, exec)))
      throw d::not_found("Executive " + std::to_string(exec) + " among the people you coach");
    const auto now = d::now_millis();
    auto id = store::DrillRepository::insert(c, {exec, uid, scenario, due, personas}, now);
    record_audit(c, client, uid, "drill_assigned", "drill", id,
                 {{"executive_id", exec}, {"personas", personas.size()}});
    notify_about(c, exec, "drill_assigned",
                 name + " assigned you a drill: \"" + excerpt(scenario) + "\"", "drill", id);
    return *store::DrillRepository::find(c, id);
  };
  auto drill = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created,
                                {{"drill", drill_json(drill, d::now_millis())}});
}

awaitable<http::Response> list_drills(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto exec = read_id_query(ctx, "executive", p.user.id);
  const auto limit = read_limit(ctx, 50, 100);
  const auto before = read_id_query(ctx, "before", std::numeric_limits<std::int64_t>::max());
  auto conn = s.reads.acquire();
  // Someone who may not know this executive's drills exist is told there are none to find.
  if (!d::can_view_drill(p.actor(), exec, relation(*conn, p.user.id, exec)))
    throw d::not_found("Drills of user " + std::to_string(exec));
  auto rows = store::DrillRepository::for_executive(*conn, exec, before, limit + 1);
  nlohmann::json next = nullptr;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.pop_back();
    next = std::to_string(rows.back().id);
  }
  const auto now = d::now_millis();
  auto items = nlohmann::json::array();
  for (const auto& r : rows) items.push_back(drill_json(r, now));
  co_return http::json_response(http::Status::ok,
                                {{"items", std::move(items)}, {"next", std::move(next)}});
}

awaitable<http::Response> get_drill(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto drill = load_visible_drill(*conn, p.user.id, ctx.id_param());
  co_return http::json_response(http::Status::ok, {{"drill", drill_json(drill, d::now_millis())}});
}

awaitable<http::Response> complete_drill(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto job = [uid = p.user.id, name = p.user.display_name, id,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto drill = load_visible_drill(c, uid, id);
    if (!d::can_run_drill(actor_of(c, uid), relation(c, uid, drill.executive_id)))
      throw d::forbidden("Only the executive's coaches mark a drill complete.");
    if (drill.completed_at) throw d::conflict("This drill is already complete.", "drill_completed");
    if (!drill.post_id)
      throw d::conflict(
          "The executive has not written the drill's post yet; a drill is completed after "
          "it has been practised.",
          "drill_not_started");
    store::DrillRepository::complete(c, id, uid, d::now_millis());
    record_audit(c, client, uid, "drill_completed", "drill", id,
                 {{"executive_id", drill.executive_id}});
    notify_about(c, drill.executive_id, "drill_completed",
                 name + " marked your drill complete: \"" + excerpt(drill.scenario) + "\"", "drill",
                 id);
    return *store::DrillRepository::find(c, id);
  };
  auto drill = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"drill", drill_json(drill, d::now_millis())}});
}

void check_drill_post(store::Connection& c, std::int64_t author_id, std::int64_t drill_id,
                      d::Space space) {
  auto drill = load_visible_drill(c, author_id, drill_id);
  if (drill.executive_id != author_id)
    throw d::forbidden("Only the executive the drill was assigned to writes its post.");
  if (space != d::Space::practice)
    throw d::bad_request("A drill's post is a practice post: use space \"practice\".");
  if (drill.completed_at) throw d::conflict("This drill is already complete.", "drill_completed");
  if (drill.post_id)
    throw d::conflict(
        "This drill already has its post (post " + std::to_string(*drill.post_id) + ").",
        "drill_started");
}

void start_drill(store::Connection& c, std::int64_t drill_id, std::int64_t post_id,
                 const std::string& author_name, const std::string& client) {
  auto drill = store::DrillRepository::find(c, drill_id);
  if (!drill || !store::DrillRepository::attach_post(c, drill_id, post_id, d::now_millis()))
    throw d::conflict("This drill already has its post.", "drill_started");
  record_audit(c, client, drill->executive_id, "drill_started", "drill", drill_id,
               {{"post_id", post_id}});
  notify_coaches(c, drill->executive_id, "drill_started",
                 author_name + " wrote the post for the drill \"" + excerpt(drill->scenario) + "\"",
                 post_id);
}

DrillReply drill_reply(store::Connection& c, std::int64_t actor_id, std::int64_t post_id,
                       std::optional<std::int64_t> persona_id) {
  DrillReply out;
  if (persona_id) {
    auto persona = store::DrillRepository::find_persona(c, *persona_id);
    // A persona of a drill the caller may not see does not exist for them.
    if (!persona) throw d::not_found("Persona " + std::to_string(*persona_id));
    auto drill = store::DrillRepository::find(c, persona->drill_id);
    if (!drill || !d::can_view_drill(actor_of(c, actor_id), drill->executive_id,
                                     relation(c, actor_id, drill->executive_id)))
      throw d::not_found("Persona " + std::to_string(*persona_id));
    if (!d::can_run_drill(actor_of(c, actor_id), relation(c, actor_id, drill->executive_id)))
      throw d::forbidden("Only the executive's coaches reply as a drill persona.");
    if (drill->post_id != post_id)
      throw d::Error(d::ErrorKind::unprocessable, "persona_not_in_drill",
                     "Persona " + std::to_string(*persona_id) +
                         " belongs to a drill whose post is not this one; reply on the drill's "
                         "post.");
    if (drill->completed_at)
      throw d::conflict("This drill is complete; it takes no more persona replies.",
                        "drill_completed");
    out.persona = std::move(persona);
    out.drill = std::move(drill);
    return out;
  }
  auto drill = store::DrillRepository::find_by_post(c, post_id);
  if (drill && drill->executive_id == actor_id) {  // also after completion: still private
    out.answer = true;
    out.drill = std::move(drill);
  }
  return out;
}

void announce_drill_reply(store::Connection& c, const DrillReply& dr, std::int64_t reply_id,
                          const std::string& actor_name, const std::string& text,
                          std::int64_t actor_id, const std::string& client) {
  if (!dr.drill) return;
  const auto& drill = *dr.drill;
  if (dr.persona) {
    record_audit(c, client, actor_id, "drill_persona_reply", "reply", reply_id,
                 {{"drill_id", drill.id}, {"persona_id", dr.persona->id}});
    notify(c, drill.executive_id, "drill_persona_reply",
           dr.persona->name + " (played by " + actor_name + ") replied to your drill post: \"" +
               excerpt(text) + "\"",
           drill.post_id);
  } else if (dr.answer) {
    record_audit(c, client, actor_id, "drill_answer", "reply", reply_id, {{"drill_id", drill.id}});
    notify_coaches(c, drill.executive_id, "drill_answer",
                   actor_name + " answered in the drill \"" + excerpt(drill.scenario) +
                       "\"; the answer waits for your review: \"" + excerpt(text) + "\"",
                   drill.post_id);
  }
}

}  // namespace greenroom::api
