#include "api/goals.hpp"

#include <charconv>

#include "api/async.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
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

// Parses "2026-11-27T17:00:00Z" / "...:00.000Z" / "+01:00" offsets into milliseconds.
std::optional<d::Millis> parse_rfc3339(const std::string& s) {
  int y, mo, da, h, mi, se;
  char t;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &da, &t, &h, &mi, &se) != 7)
    return std::nullopt;
  if ((t != 'T' && t != 't') || mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 ||
      se > 60)
    return std::nullopt;
  std::size_t i = 19;
  int millis = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (digits < 3) millis = millis * 10 + (s[i] - '0');
      ++digits;
      ++i;
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) millis *= 10;
  }
  long offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
    int oh = std::atoi(s.substr(i + 1, 2).c_str()), om = std::atoi(s.substr(i + 4, 2).c_str());
    offset = (s[i] == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = da;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  auto secs = timegm(&tm);
  return (static_cast<d::Millis>(secs) - offset) * 1000 + millis;
}

void require_goal_access(store::Connection& c, const Principal& p, std::int64_t executive_id) {
  if (p.user.id == executive_id) return;
  if (store::UserRepository::relation(c, p.user.id, executive_id).coaches_author) return;
  throw d::forbidden("Goals are seen by the executive and their coaches only.");
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
        "metric must be company_posts, practice_posts, replies or likes_received.");
  auto target_it = body.find("target");
  if (target_it == body.end() || !target_it->is_number_integer() ||
      target_it->get<std::int64_t>() < 1 || target_it->get<std::int64_t>() > 1000)
    throw d::bad_request("target must be a whole number from 1 to 1000.");
  auto term = d::parse_goal_term(require_string(body, "term"));
  if (!term) throw d::bad_request("term must be short, mid or long.");
  auto due = parse_rfc3339(require_string(body, "due_at"));
  if (!due) throw d::bad_request("due_at must be an RFC 3339 time such as 2026-12-01T17:00:00Z.");
  if (*due <= d::now_millis()) throw d::bad_request("due_at must be in the future.");
  {
    auto conn = s.reads.acquire();
    if (!store::UserRepository::relation(*conn, p.user.id, exec).coaches_author)
      throw d::forbidden("You can set goals only for executives you coach.");
  }
  auto job = [uid = p.user.id, exec, title, metric = *metric,
              target = target_it->get<std::int64_t>(), term = *term,
              due = *due](store::Connection& c) {
    if (!store::UserRepository::relation(c, uid, exec).coaches_author)
      throw d::forbidden("You can set goals only for executives you coach.");
    auto id = store::GoalRepository::insert(c, {exec, uid, title, metric, target, term, due},
                                            d::now_millis());
    return *store::GoalRepository::find(c, id);
  };
  auto g = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"goal", goal_json(g, d::now_millis())}});
}

awaitable<http::Response> delete_goal(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto job = [uid = p.user.id, id](store::Connection& c) {
    auto g = store::GoalRepository::find(c, id);
    if (!g) throw d::not_found("Goal " + std::to_string(id));
    if (g->executive_id != uid &&
        !store::UserRepository::relation(c, uid, g->executive_id).coaches_author)
      throw d::not_found("Goal " + std::to_string(id));
    if (g->coach.id != uid) throw d::forbidden("Only the coach who set a goal removes it.");
    store::GoalRepository::remove(c, id);
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}

awaitable<http::Response> list_notifications(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto limit = read_limit(ctx, 20, 100);
  const bool unread = ctx.query("unread").value_or("false") == "true";
  std::optional<std::int64_t> before;
  if (auto raw = ctx.query("before")) {
    auto c = d::decode_cursor(*raw);
    if (!c)
      throw d::bad_request("The before cursor is not one this server gave out.", "bad_cursor");
    before = c->id;
  }
  auto conn = s.reads.acquire();
  auto list = store::NotificationRepository::list(*conn, p.user.id, unread, before, limit + 1);
  nlohmann::json next = nullptr;
  if (list.size() > static_cast<std::size_t>(limit)) {
    list.pop_back();
    next = d::encode_cursor({list.back().id, list.back().id});
  }
  auto items = nlohmann::json::array();
  for (const auto& n : list) items.push_back(notification_json(n));
  co_return http::json_response(
      http::Status::ok,
      {{"items", std::move(items)},
       {"next", next},
       {"unread_count", store::NotificationRepository::unread_count(*conn, p.user.id)}});
}

awaitable<http::Response> read_notifications(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"ids", "all"});
  if (body.contains("all") && !body["all"].is_boolean())
    throw d::bad_request("all must be true or false.");
  const bool all = body.contains("all") && body["all"].get<bool>();
  std::vector<std::int64_t> ids;
  if (!all) {
    auto it = body.find("ids");
    if (it == body.end() || !it->is_array() || it->empty() || it->size() > 500)
      throw d::bad_request("Send {\"ids\":[...]} (1 to 500 notification ids) or {\"all\":true}.");
    for (const auto& v : *it) {
      if (!v.is_number_integer()) throw d::bad_request("ids must be notification ids (numbers).");
      ids.push_back(v.get<std::int64_t>());
    }
  }
  auto job = [uid = p.user.id, all, ids](store::Connection& c) {
    const auto now = d::now_millis();
    if (all)
      store::NotificationRepository::mark_all_read(c, uid, now);
    else
      store::NotificationRepository::mark_read(c, uid, ids, now);
    return store::NotificationRepository::unread_count(c, uid);
  };
  auto unread = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"unread_count", unread}});
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
