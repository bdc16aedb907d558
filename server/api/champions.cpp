#include "api/champions.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/mentoring_views.hpp"
#include "domain/errors.hpp"
#include "domain/mentoring.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/mentorship_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

void require_marker(const Principal& p) {
  if (!d::may_mark_champions(p.user.role))
    throw d::forbidden("Admins and coaches mark digital champions.");
}

}  // namespace

awaitable<http::Response> list_champions(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  const auto limit = read_limit(ctx, 50, 100);
  const auto before = read_before(ctx);
  store::ChampionPage page;
  {
    auto conn = s.reads.acquire();
    page = store::ChampionRepository::list(*conn, before, limit);
  }
  auto items = nlohmann::json::array();
  for (const auto& c : page.items) items.push_back(champion_json(c));
  co_return http::json_response(http::Status::ok, list_json(std::move(items), page.next));
}

awaitable<http::Response> champion_candidates(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_marker(p);
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    for (const auto& u : store::UserRepository::all(*conn))
      if (u.role == d::Role::member && !u.disabled)
        items.push_back({{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}});
  }
  co_return http::json_response(http::Status::ok, list_json(std::move(items), std::nullopt));
}

awaitable<http::Response> mark_champion(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_marker(p);
  const auto user_id = ctx.id_param("user_id");
  auto body = read_json_object(ctx, {"about"});
  auto about = require_string(body, "about");
  d::validate_text(about, "about", d::kMaxChampionAbout);
  auto job = [uid = p.user.id, user_id, about,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto u = store::UserRepository::find_by_id(c, user_id);
    if (!u || u->disabled) throw d::not_found("User " + std::to_string(user_id));
    if (u->role != d::Role::member)
      throw d::Error(d::ErrorKind::unprocessable, "not_a_member",
                     u->username + " is a " + std::string(d::to_string(u->role)) +
                         "; only staff members (role member) can be digital champions.");
    const bool was = store::ChampionRepository::find(c, user_id).has_value();
    store::ChampionRepository::upsert(c, user_id, about, uid, d::now_millis());
    record_audit(c, client, uid, "champion_marked", "user", user_id,
                 {{"about", about}, {"updated", was}});
    return *store::ChampionRepository::find(c, user_id);
  };
  auto champion = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"champion", champion_json(champion)}});
}

awaitable<http::Response> unmark_champion(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_marker(p);
  const auto user_id = ctx.id_param("user_id");
  auto job = [uid = p.user.id, user_id, client = ctx.connection().client_ip](store::Connection& c) {
    if (!store::ChampionRepository::find(c, user_id))
      throw d::not_found("Champion " + std::to_string(user_id));
    store::ChampionRepository::remove(c, user_id);
    record_audit(c, client, uid, "champion_unmarked", "user", user_id);
    // A champion no more mentors nobody: their open pairings end with them.
    const auto now = d::now_millis();
    for (const auto& m : store::MentorshipRepository::open_for_mentor(c, user_id)) {
      store::MentorshipRepository::set_state(c, m.id, d::MentorshipState::ended, uid, now);
      record_audit(c, client, uid, "mentorship_ended", "mentorship", m.id,
                   {{"executive_id", m.executive.id},
                    {"mentor_id", m.mentor.id},
                    {"from", d::to_string(m.state)},
                    {"reason", "champion_unmarked"}});
      notify_about(c, m.executive.id, "mentorship_ended",
                   m.mentor.display_name +
                       " is no longer a digital champion, so your reverse "
                       "mentoring with them has ended.",
                   "mentorship", m.id);
    }
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}

}  // namespace greenroom::api
