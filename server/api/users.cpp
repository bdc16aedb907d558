#include "api/users.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching_views.hpp"
#include "api/credentials.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/mentoring_views.hpp"
#include "api/reauth.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/accounts.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/mentorship_repository.hpp"
#include "store/reply_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

void require_admin(const Principal& p) {
  if (!d::has_capability(p.user.role, d::Capability::manage_users))
    throw d::forbidden("Only admins manage users and coach assignments.");
}

nlohmann::json admin_user_json(store::Connection& c, const store::UserRecord& u) {
  auto j = user_json(u);
  j["disabled"] = u.disabled;
  if (u.role == d::Role::executive) j["coaches"] = store::UserRepository::coaches_of(c, u.id);
  return j;
}

}  // namespace

awaitable<http::Response> list_users(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  auto conn = s.reads.acquire();
  auto items = nlohmann::json::array();
  for (const auto& u : store::UserRepository::all(*conn))
    items.push_back(admin_user_json(*conn, u));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_user(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  auto body = read_json_object(ctx, {"username", "display_name", "role", "password", "level"});
  auto username = require_string(body, "username");
  d::validate_username(username);
  auto display = optional_string(body, "display_name").value_or(username);
  d::validate_text(display, "display_name", 80);
  auto role = d::parse_role(require_string(body, "role"));
  if (!role) throw d::bad_request("role must be admin, moderator, coach, executive or member.");
  auto password = require_string(body, "password");
  d::validate_password(password);
  std::optional<d::Level> level;
  if (auto raw = optional_string(body, "level")) {
    if (*role != d::Role::executive) throw d::bad_request("level is for executives only.");
    level = d::parse_level(*raw);
    if (!level) throw d::bad_request("level must be crawl, walk or run.");
  }
  if (*role == d::Role::executive && !level) level = d::Level::crawl;
  auto hash_it = [password, params = s.settings.argon2] { return hash_password(password, params); };
  auto hash = co_await run_blocking(s.blocking, std::move(hash_it));
  auto job = [uid = p.user.id, user = store::NewUser{username, display, *role, level, hash},
              client = ctx.connection().client_ip](store::Connection& c) {
    if (store::UserRepository::find_by_username(c, user.username))
      throw d::conflict("The username " + user.username + " is taken.");
    const auto now = d::now_millis();
    auto id = store::UserRepository::insert(c, user, now);
    record_audit(c, client, uid, "user_created", "user", id, {{"role", d::to_string(user.role)}});
    return *store::UserRepository::find_by_id(c, id);
  };
  auto u = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"user", user_json(u)}});
}

awaitable<http::Response> update_user(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  const auto id = ctx.id_param();
  auto body = read_json_object(ctx, {"display_name", "role", "disabled"});
  auto display = optional_string(body, "display_name");
  if (display) d::validate_text(*display, "display_name", 80);
  std::optional<d::Role> role;
  if (auto raw = optional_string(body, "role")) {
    role = d::parse_role(*raw);
    if (!role) throw d::bad_request("role must be admin, moderator, coach, executive or member.");
  }
  std::optional<bool> disabled;
  if (body.contains("disabled")) {
    if (!body["disabled"].is_boolean()) throw d::bad_request("disabled must be true or false.");
    disabled = body["disabled"].get<bool>();
  }
  if (role) require_recent_auth(s, p);
  if (id == p.user.id && ((role && *role != d::Role::admin) || disabled.value_or(false)))
    throw d::conflict("You cannot demote or disable your own account; ask another admin.");
  auto job = [uid = p.user.id, id, display, role, disabled,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto u = store::UserRepository::find_by_id(c, id);
    if (!u) throw d::not_found("User " + std::to_string(id));
    const auto new_role = role.value_or(u->role);
    std::optional<d::Level> level = u->level;
    if (new_role != d::Role::executive)
      level.reset();
    else if (!level)
      level = d::Level::crawl;
    const bool now_disabled = disabled.value_or(u->disabled);
    store::UserRepository::update(c, id, display.value_or(u->display_name), new_role, level,
                                  now_disabled);
    if (now_disabled || new_role != u->role) {
      store::UserRepository::end_sessions(c, id);
      live_events::sessions_ended(id);
    }
    // A changed role ends the coaching relations that came with the old one.
    if (new_role != u->role) store::UserRepository::remove_assignments(c, id);
    record_audit(c, client, uid, "user_updated", "user", id,
                 {{"role", d::to_string(new_role)}, {"disabled", now_disabled}});
    return *store::UserRepository::find_by_id(c, id);
  };
  auto u = co_await write(s.writer, std::move(job));
  auto conn = s.reads.acquire();
  co_return http::json_response(http::Status::ok, {{"user", admin_user_json(*conn, u)}});
}

namespace {
awaitable<http::Response> change_assignment(Services& s, http::RequestContext& ctx, bool assign) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  const auto coach = ctx.id_param("coach_id");
  const auto exec = ctx.id_param("executive_id");
  auto job = [uid = p.user.id, coach, exec, assign,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto cu = store::UserRepository::find_by_id(c, coach);
    auto eu = store::UserRepository::find_by_id(c, exec);
    if (!cu || !eu) throw d::not_found("User " + std::to_string(!cu ? coach : exec));
    if (assign && cu->role != d::Role::coach)
      throw d::bad_request(cu->username + " is not a coach.");
    if (assign && eu->role != d::Role::executive)
      throw d::bad_request(eu->username + " is not an executive.");
    const auto now = d::now_millis();
    if (assign)
      store::UserRepository::assign_coach(c, coach, exec, now);
    else
      store::UserRepository::unassign_coach(c, coach, exec);
    record_audit(c, client, uid, assign ? "coach_assigned" : "coach_unassigned", "user", exec,
                 {{"coach_id", coach}});
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}
}  // namespace

awaitable<http::Response> assign_coach(Services& s, http::RequestContext& ctx) {
  co_return co_await change_assignment(s, ctx, true);
}

awaitable<http::Response> unassign_coach(Services& s, http::RequestContext& ctx) {
  co_return co_await change_assignment(s, ctx, false);
}

awaitable<http::Response> cohort(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("The cohort page is for coaches.");
  const auto now = d::now_millis();
  auto conn = s.reads.acquire();
  auto items = nlohmann::json::array();
  for (const auto& u : store::UserRepository::executives_of(*conn, p.user.id)) {
    auto goals = nlohmann::json::array();
    for (const auto& g : store::GoalRepository::for_executive(*conn, u.id))
      goals.push_back(goal_json(g, now));
    // Who mentors whom: the executive's open reverse-mentoring pairings.
    auto mentors = nlohmann::json::array();
    for (const auto& m : store::MentorshipRepository::open_for_executive(*conn, u.id))
      mentors.push_back(mentorship_json(m));
    items.push_back({{"user", user_json(u)},
                     {"mentorships", std::move(mentors)},
                     {"goals", std::move(goals)},
                     {"waiting_reviews", store::ReviewRepository::waiting_for(*conn, u.id) +
                                             store::ReplyRepository::waiting_for(*conn, u.id)}});
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

store::UserRecord change_level(store::Connection& c, const std::string& client,
                               std::int64_t actor_id, d::Role actor_role, std::int64_t id,
                               d::Level level, const nlohmann::json& detail) {
  auto u = store::UserRepository::find_by_id(c, id);
  // Only the executive's own coaches may learn here whether the id is a user; everyone
  // else gets 404 unless they know it anyway (it is themself, they manage users, or they
  // are the executive's reverse mentor, who never sets levels).
  const auto rel = u ? relation(c, actor_id, id) : d::Relation{};
  const bool coaches = rel.coaches_author;
  const bool knows = u && (id == actor_id || rel.mentors_author ||
                           d::has_capability(actor_role, d::Capability::manage_users));
  if (!coaches && !knows) throw d::not_found("User " + std::to_string(id));
  if (!coaches) throw d::forbidden("Only an executive's own coach sets their training level.");
  store::UserRepository::set_level(c, id, level);
  auto audit = detail.is_object() ? detail : nlohmann::json::object();
  audit["level"] = d::to_string(level);
  record_audit(c, client, actor_id, "level_set", "user", id, audit);
  return *store::UserRepository::find_by_id(c, id);
}

awaitable<http::Response> set_level(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto body = read_json_object(ctx, {"level"});
  auto level = d::parse_level(require_string(body, "level"));
  if (!level) throw d::bad_request("level must be crawl, walk or run.");
  auto job = [uid = p.user.id, role = p.user.role, id, level = *level,
              client = ctx.connection().client_ip](store::Connection& c) {
    return change_level(c, client, uid, role, id, level);
  };
  auto u = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"user", user_json(u)}});
}

}  // namespace greenroom::api
