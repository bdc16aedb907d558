#include "api/mentorships.hpp"

#include <algorithm>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/mentoring_views.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/mentoring.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/mentorship_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// The pairing if `actor` may see it (404 otherwise), and the actor's relation to its executive.
std::pair<store::MentorshipRecord, d::Relation> load_visible_mentorship(store::Connection& c,
                                                                        const d::Actor& actor,
                                                                        std::int64_t id) {
  auto m = store::MentorshipRepository::find(c, id);
  if (m) {
    auto rel = relation(c, actor.id, m->executive.id);
    if (d::can_view_mentorship(actor, m->facts(), rel)) return {std::move(*m), rel};
  }
  throw d::not_found("Mentorship " + std::to_string(id));
}

std::string_view audit_action(d::MentorshipCommand cmd) {
  switch (cmd) {
    case d::MentorshipCommand::accept:
      return "mentorship_accepted";
    case d::MentorshipCommand::decline:
      return "mentorship_declined";
    case d::MentorshipCommand::end:
      return "mentorship_ended";
  }
  return "mentorship_ended";
}

std::string message_for(d::MentorshipCommand cmd, const std::string& name) {
  switch (cmd) {
    case d::MentorshipCommand::accept:
      return name + " accepted: they are now your reverse mentor.";
    case d::MentorshipCommand::decline:
      return name + " declined your reverse mentoring request.";
    case d::MentorshipCommand::end:
      return name + " ended the reverse mentoring.";
  }
  return name + " ended the reverse mentoring.";
}

// Tells the people of the pairing what happened: the executive, the mentor and whoever asked,
// except the one who did it.
void notify_sides(store::Connection& c, const store::MentorshipRecord& m, std::int64_t actor_id,
                  std::string_view kind, const std::string& message) {
  std::vector<std::int64_t> to{m.executive.id, m.mentor.id, m.requested_by.id};
  std::sort(to.begin(), to.end());
  to.erase(std::unique(to.begin(), to.end()), to.end());
  for (auto user : to)
    if (user != actor_id) notify_about(c, user, std::string(kind), message, "mentorship", m.id);
}

awaitable<http::Response> command(Services& s, http::RequestContext& ctx,
                                  d::MentorshipCommand cmd) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto job = [actor = p.actor(), name = p.user.display_name, id, cmd,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto [m, rel] = load_visible_mentorship(c, actor, id);
    if (!d::may_command_mentorship(actor, m.facts(), rel, cmd))
      throw d::forbidden(cmd == d::MentorshipCommand::end
                             ? "Only the executive, the mentor or the executive's coach ends a "
                               "mentorship."
                             : "Only the champion asked to mentor accepts or declines.");
    const auto next = d::transition(m.state, cmd);
    store::MentorshipRepository::set_state(c, id, next, actor.id, d::now_millis());
    record_audit(c, client, actor.id, audit_action(cmd), "mentorship", id,
                 {{"executive_id", m.executive.id},
                  {"mentor_id", m.mentor.id},
                  {"from", d::to_string(m.state)}});
    notify_sides(c, m, actor.id, audit_action(cmd), message_for(cmd, name));
    return *store::MentorshipRepository::find(c, id);
  };
  auto m = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"mentorship", mentorship_json(m)}});
}

}  // namespace

awaitable<http::Response> list_mentorships(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  store::MentorshipQuery q;
  q.viewer_id = p.user.id;
  q.scope = p.user.role == d::Role::admin ? store::MentorshipScope::all
                                          : store::MentorshipScope::involving;
  q.executive_id = read_id_query(ctx, "executive_id");
  if (auto st = ctx.query("state")) {
    q.state = d::parse_mentorship_state(*st);
    if (!q.state) throw d::bad_request("state must be requested, active, declined or ended.");
  }
  q.limit = read_limit(ctx, 50, 100);
  q.before = read_before(ctx);
  auto items = nlohmann::json::array();
  std::optional<d::Cursor> next;
  {
    auto conn = s.reads.acquire();
    auto page = store::MentorshipRepository::list(*conn, q);
    next = page.next;
    // The query narrows; the rule decides.
    for (const auto& m : page.items) {
      auto rel = relation(*conn, p.user.id, m.executive.id);
      if (d::can_view_mentorship(p.actor(), m.facts(), rel)) items.push_back(mentorship_json(m));
    }
  }
  co_return http::json_response(http::Status::ok, list_json(std::move(items), next));
}

awaitable<http::Response> get_mentorship(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto [m, rel] = load_visible_mentorship(*conn, p.actor(), ctx.id_param());
  co_return http::json_response(http::Status::ok, {{"mentorship", mentorship_json(m)}});
}

awaitable<http::Response> create_mentorship(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"mentor_id", "executive_id"});
  auto read_id = [&body](const char* field) -> std::optional<std::int64_t> {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      throw d::bad_request(std::string(field) + " must be a user id (a positive whole number).");
    return it->get<std::int64_t>();
  };
  const auto mentor_id = read_id("mentor_id");
  if (!mentor_id) throw d::bad_request("mentor_id is required: the user id of a digital champion.");
  auto executive_id = read_id("executive_id");
  if (!executive_id) {
    if (p.user.role != d::Role::executive)
      throw d::bad_request("executive_id is required: the executive to pair with the champion.");
    executive_id = p.user.id;
  }
  auto job = [actor = p.actor(), name = p.user.display_name, exec = *executive_id,
              mentor = *mentor_id, client = ctx.connection().client_ip](store::Connection& c) {
    auto rel = relation(c, actor.id, exec);
    if (!d::may_request_mentorship(actor, exec, rel))
      throw d::forbidden(
          "An executive asks a champion for themself; a coach pairs their own executives.");
    auto e = store::UserRepository::find_by_id(c, exec);
    if (!e || e->role != d::Role::executive || e->disabled)
      throw d::Error(
          d::ErrorKind::unprocessable, "not_an_executive",
          "Reverse mentors are for executives; user " + std::to_string(exec) + " is not one.");
    auto champion = store::ChampionRepository::find(c, mentor);
    auto mu = store::UserRepository::find_by_id(c, mentor);
    if (!champion || !mu || mu->disabled)
      throw d::Error(d::ErrorKind::unprocessable, "not_a_champion",
                     "User " + std::to_string(mentor) +
                         " is not a digital champion; pick one from the champions list.");
    if (store::MentorshipRepository::open_between(c, exec, mentor))
      throw d::conflict(mu->display_name + " already mentors " + e->display_name +
                            " or has a request waiting; end it first to start again.",
                        "mentorship_exists");
    auto id = store::MentorshipRepository::insert(c, exec, mentor, actor.id, d::now_millis());
    record_audit(c, client, actor.id, "mentorship_requested", "mentorship", id,
                 {{"executive_id", exec}, {"mentor_id", mentor}});
    notify_about(c, mentor, "mentorship_requested",
                 actor.id == exec
                     ? name + " asks you to be their reverse mentor."
                     : name + " asks you to be " + e->display_name + "'s reverse mentor.",
                 "mentorship", id);
    if (actor.id != exec)
      notify_about(c, exec, "mentorship_requested",
                   name + " asked " + mu->display_name + " to be your reverse mentor.",
                   "mentorship", id);
    return *store::MentorshipRepository::find(c, id);
  };
  auto m = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"mentorship", mentorship_json(m)}});
}

awaitable<http::Response> accept_mentorship(Services& s, http::RequestContext& ctx) {
  co_return co_await command(s, ctx, d::MentorshipCommand::accept);
}

awaitable<http::Response> decline_mentorship(Services& s, http::RequestContext& ctx) {
  co_return co_await command(s, ctx, d::MentorshipCommand::decline);
}

awaitable<http::Response> end_mentorship(Services& s, http::RequestContext& ctx) {
  co_return co_await command(s, ctx, d::MentorshipCommand::end);
}

awaitable<http::Response> mentorship_posts(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto limit = read_limit(ctx, 20, 100);
  const auto before = read_before(ctx);
  auto conn = s.reads.acquire();
  auto [m, rel] = load_visible_mentorship(*conn, p.actor(), ctx.id_param());
  // The executive's posts, each through the one visibility rule: a mentor gets the practice
  // posts and the shared drafts, a coach or the executive everything.
  auto page = store::PostRepository::by_author(*conn, m.executive.id, before, limit);
  auto items = nlohmann::json::array();
  for (const auto& post : page.items)
    if (d::can_view_post(p.actor(), post.facts(), rel)) items.push_back(post_json(post));
  co_return http::json_response(http::Status::ok, list_json(std::move(items), page.next));
}

}  // namespace greenroom::api
