#include "api/analytics.hpp"

#include <charconv>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/analytics.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/analytics_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

std::int64_t id_query(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  std::int64_t v = 0;
  if (!raw) throw d::bad_request(std::string(name) + " is required (a user id).");
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || p != raw->data() + raw->size() || v < 1)
    throw d::bad_request(std::string(name) + " must be a user id.");
  return v;
}

nlohmann::json number_or_null(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json counts_json(const store::ActivityCounts& n) {
  return {{"posts", n.posts}, {"replies", n.replies}, {"likes", n.likes}};
}

store::UserRecord subject_or_404(store::Connection& c, std::int64_t id) {
  auto user = store::UserRepository::find_by_id(c, id);
  if (!user) throw d::not_found("User " + std::to_string(id));
  return *user;
}

}  // namespace

awaitable<http::Response> user_analytics(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto weeks = read_int_query(ctx, "weeks", 12, 1, 52);
  std::optional<d::Space> space;
  const auto space_raw = ctx.query("space").value_or("all");
  if (space_raw != "all") {
    space = d::parse_space(space_raw);
    if (!space) throw d::bad_request("space must be company, practice or all.");
  }
  auto conn = s.reads.acquire();
  const auto subject = subject_or_404(*conn, ctx.id_param("id"));
  const auto rel = relation(*conn, p.user.id, subject.id);
  if (!d::can_view_engagement(p.actor(), subject.id, rel.coaches_author))
    throw d::forbidden(
        "Engagement figures are for the person, their coaches and admins; members see none.");

  const auto from = d::week_start(d::now_millis()) - (weeks - 1) * d::kWeekMillis;
  const auto counts = store::AnalyticsRepository::weekly(*conn, subject.id, from, weeks, space);
  auto items = nlohmann::json::array();
  store::WeekCounts total;
  std::vector<double> all_first_replies;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto& w = counts[i];
    items.push_back(
        {{"week_start", d::format_rfc3339(from + static_cast<d::Millis>(i) * d::kWeekMillis)},
         {"posts", w.posts},
         {"replies_given", w.replies_given},
         {"replies_received", w.replies_received},
         {"likes_received", w.likes_received},
         {"repliers", w.repliers},
         {"median_seconds_to_first_reply", number_or_null(d::median(w.first_reply_seconds))},
         {"active_days", w.active_days}});
    total.posts += w.posts;
    total.replies_given += w.replies_given;
    total.replies_received += w.replies_received;
    total.likes_received += w.likes_received;
    total.active_days += w.active_days;
    all_first_replies.insert(all_first_replies.end(), w.first_reply_seconds.begin(),
                             w.first_reply_seconds.end());
  }
  co_return http::json_response(
      http::Status::ok,
      {{"user", author_json({subject.id, subject.username, subject.display_name})},
       {"space", space_raw},
       {"weeks", std::move(items)},
       {"totals",
        {{"posts", total.posts},
         {"replies_given", total.replies_given},
         {"replies_received", total.replies_received},
         {"likes_received", total.likes_received},
         {"median_seconds_to_first_reply", number_or_null(d::median(all_first_replies))},
         {"active_days", total.active_days}}}});
}

awaitable<http::Response> joining_effect(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto subject_id = id_query(ctx, "user_id");
  const auto days = read_int_query(ctx, "days", 28, 1, 365);
  auto conn = s.reads.acquire();
  const auto subject = subject_or_404(*conn, subject_id);
  if (!d::can_view_joining_effect(p.actor(), subject.id))
    throw d::forbidden("The joining effect is for coaches, admins and the person themself.");

  nlohmann::json body = {
      {"user", author_json({subject.id, subject.username, subject.display_name})},
      {"days", days},
      {"joined_at", nullptr},
      {"before", nullptr},
      {"after", nullptr},
      {"change_percent", nullptr}};
  if (auto joined = store::AnalyticsRepository::first_company_post(*conn, subject.id)) {
    const auto span = static_cast<d::Millis>(days) * d::kDayMillis;
    const auto before =
        store::AnalyticsRepository::company_activity(*conn, *joined - span, *joined);
    const auto after = store::AnalyticsRepository::company_activity(*conn, *joined, *joined + span);
    body["joined_at"] = d::format_rfc3339(*joined);
    body["before"] = counts_json(before);
    body["after"] = counts_json(after);
    body["change_percent"] = {
        {"posts", number_or_null(d::change_percent(before.posts, after.posts))},
        {"replies", number_or_null(d::change_percent(before.replies, after.replies))},
        {"likes", number_or_null(d::change_percent(before.likes, after.likes))}};
  }
  co_return http::json_response(http::Status::ok, std::move(body));
}

}  // namespace greenroom::api
