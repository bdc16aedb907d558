#include "api/goals.hpp"

#include <charconv>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/goals.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

void require_goal_access(store::Connection& c, const Principal& p, std::int64_t executive_id) {
  if (p.user.id == executive_id) return;
  const auto rel = relation(c, p.user.id, executive_id);
  if (rel.coaches_author) return;
  // The executive's reverse mentor knows the executive, but goals are the coach's job.
  if (rel.mentors_author)
    throw d::forbidden("Goals are between an executive and their coaches, not their mentor.");
  // Goals are for the executive and their coaches; to anyone else they do not exist.
  throw d::not_found("Goals of user " + std::to_string(executive_id));
}

}  // namespace

awaitable<http::Response> list_goals(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  std::int64_t exec = p.user.id;
  if (auto raw = ctx.query("executive_id")) {
    auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), exec);
    if (ec != std::errc() || ptr != raw->data() + raw->size() || exec <= 0)
      throw d::bad_request("executive_id must be a user id.");
  }
  auto conn = s.reads.acquire();
  require_goal_access(*conn, p, exec);
  const auto now = d::now_millis();
  auto items = nlohmann::json::array();
  for (const auto& g : store::GoalRepository::for_executive(*conn, exec))
    items.push_back(goal_json(g, now));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_goal(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("Coaches set goals for their executives.");
  auto body =
      read_json_object(ctx, {"executive_id", "title", "metric", "target", "term", "due_at"});
  auto exec_it = body.find("executive_id");
  if (exec_it == body.end() || !exec_it->is_number_integer())
    throw d::bad_request("executive_id is required: the id of one of your executives.");
  const auto exec = exec_it->get<std::int64_t>();
  auto title = require_string(body, "title");
  d::validate_text(title, "title", 200);
  auto metric = d::parse_goal_metric(require_string(body, "metric"));
  if (!metric)
    throw d::bad_request(
        "metric must be company_posts, practice_posts, replies, likes_received, "
        "replies_within_24h, questions_answered, people_followed, feeds_followed, reading_days, "
        "mentions_answered or drills_completed.");
  auto target_it = body.find("target");
  if (target_it == body.end() || !target_it->is_number_integer() ||
      target_it->get<std::int64_t>() < 1 || target_it->get<std::int64_t>() > 1000)
    throw d::bad_request("target must be a whole number from 1 to 1000.");
  auto term = d::parse_goal_term(require_string(body, "term"));
  if (!term) throw d::bad_request("term must be short, mid or long.");
  auto due = d::parse_rfc3339(require_string(body, "due_at"));
  if (!due) throw d::bad_request("due_at must be an RFC 3339 time such as 2026-12-01T17:00:00Z.");
  if (*due <= d::now_millis()) throw d::bad_request("due_at must be in the future.");
  if (auto misfit = d::term_misfit(*term, d::now_millis(), *due))
    throw d::Error(d::ErrorKind::unprocessable, "term_does_not_fit", *misfit);
  {
    auto conn = s.reads.acquire();
    if (!relation(*conn, p.user.id, exec).coaches_author)
      throw d::not_found("Executive " + std::to_string(exec) + " among the people you coach");
  }
  auto job = [uid = p.user.id, exec, title, metric = *metric,
              target = target_it->get<std::int64_t>(), term = *term, due = *due,
              client = ctx.connection().client_ip](store::Connection& c) {
    if (!relation(c, uid, exec).coaches_author)
      throw d::not_found("Executive " + std::to_string(exec) + " among the people you coach");
    auto id = store::GoalRepository::insert(c, {exec, uid, title, metric, target, term, due},
                                            d::now_millis());
    record_audit(c, client, uid, "goal_set", "goal", id, {{"executive_id", exec}});
    return *store::GoalRepository::find(c, id);
  };
  auto g = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"goal", goal_json(g, d::now_millis())}});
}

awaitable<http::Response> delete_goal(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto job = [uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    auto g = store::GoalRepository::find(c, id);
    if (!g) throw d::not_found("Goal " + std::to_string(id));
    if (g->executive_id != uid && !relation(c, uid, g->executive_id).coaches_author)
      throw d::not_found("Goal " + std::to_string(id));
    if (g->coach.id != uid) throw d::forbidden("Only the coach who set a goal removes it.");
    store::GoalRepository::remove(c, id);
    record_audit(c, client, uid, "goal_removed", "goal", id);
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}

int remind_due_goals(store::Connection& c) {
  const auto now = d::now_millis();
  auto due = store::GoalRepository::due_for_reminder(c, now, d::kDueSoonWindow);
  for (const auto& g : due) {
    const auto hours = std::max<std::int64_t>(1, (g.due_at - now) / 3600000);
    const auto msg = "Goal \"" + g.title + "\" is due in " + std::to_string(hours) +
                     " h: " + std::to_string(g.progress) + " of " + std::to_string(g.target) +
                     " so far.";
    notify(c, g.executive_id, "goal_due_soon", msg, std::nullopt, std::nullopt, g.id);
    notify(c, g.coach.id, "goal_due_soon", msg, std::nullopt, std::nullopt, g.id);
    store::GoalRepository::mark_reminded(c, g.id, now);
  }
  return static_cast<int>(due.size());
}

}  // namespace greenroom::api
