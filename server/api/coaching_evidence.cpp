#include "api/coaching_evidence.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/analytics.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/drill_repository.hpp"
#include "store/evidence_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

nlohmann::json ratio(long long part, long long whole) {
  if (whole == 0) return nullptr;
  return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10000.0) / 10000.0;
}

nlohmann::json mean_of(long long sum, long long n) {
  if (n == 0) return nullptr;
  return std::round(static_cast<double>(sum) / static_cast<double>(n) * 100.0) / 100.0;
}

nlohmann::json rubric_json(const d::RubricSums& r) {
  if (r.verdicts == 0) return nullptr;
  return {{"clarity", mean_of(r.clarity, r.verdicts)},
          {"tone", mean_of(r.tone, r.verdicts)},
          {"audience_fit", mean_of(r.audience_fit, r.verdicts)},
          {"policy", mean_of(r.policy, r.verdicts)},
          {"average", mean_of(r.clarity + r.tone + r.audience_fit + r.policy, 4 * r.verdicts)}};
}

nlohmann::json week_json(const d::WeekEvidence& w) {
  auto median = d::median(w.review_seconds);
  return {{"submissions", w.submissions},
          {"clean_submissions", w.clean_submissions},
          {"clean_share", ratio(w.clean_submissions, w.submissions)},
          {"findings", w.findings},
          {"error_findings", w.error_findings},
          {"warning_findings", w.warning_findings},
          {"info_findings", w.info_findings},
          {"fixed_next_version", w.fixed_next_version},
          {"verdicts", w.verdicts},
          {"approvals", w.approvals},
          {"approved_without_changes", w.approved_without_changes},
          {"rounds_per_approval", mean_of(w.approval_rounds, w.approvals)},
          {"median_seconds_in_review", median ? nlohmann::json(*median) : nlohmann::json(nullptr)},
          {"rubric", rubric_json(w.rubric)}};
}

}  // namespace

d::LevelSuggestion level_suggestion_for(store::Connection& c, const store::UserRecord& u,
                                        const d::SuggestionRule& rule) {
  d::LevelEvidence e;
  e.level = u.level.value_or(d::Level::crawl);
  auto events = store::EvidenceRepository::events(c, u.id);
  auto verdicts = store::EvidenceRepository::verdicts(c, u.id);
  // After an accepted suggestion only what happened at the new level counts.
  if (auto accepted = store::EvidenceRepository::latest_decision(c, u.id, "accepted")) {
    std::erase_if(events, [&](const auto& x) { return x.id <= accepted->last_event_id; });
    std::erase_if(verdicts, [&](const auto& x) { return x.id <= accepted->last_review_id; });
  }
  e.approvals = d::approvals(verdicts);
  std::reverse(e.approvals.begin(), e.approvals.end());
  e.submissions = d::submission_outcomes(events);
  std::reverse(e.submissions.begin(), e.submissions.end());
  for (auto it = verdicts.rbegin(); it != verdicts.rend(); ++it)
    e.rubric_totals.push_back(it->rubric_total());
  const auto now = d::now_millis();
  for (const auto& g : store::GoalRepository::for_executive(c, u.id)) {
    if (g.due_at >= now) continue;
    ++e.goals_past_due;
    if (g.progress < g.target) ++e.goals_missed;
  }
  return d::suggest_level(e, rule);
}

nlohmann::json level_suggestion_json(const store::UserRecord& u, const d::LevelSuggestion& s) {
  auto criteria = nlohmann::json::array();
  for (const auto& c : s.criteria)
    criteria.push_back({{"name", c.name},
                        {"met", c.met},
                        {"value", c.value},
                        {"threshold", c.threshold},
                        {"detail", c.detail}});
  return {{"from", u.level ? nlohmann::json(d::to_string(*u.level)) : nlohmann::json(nullptr)},
          {"to", s.to ? nlohmann::json(d::to_string(*s.to)) : nlohmann::json(nullptr)},
          {"suggest", s.suggest},
          {"criteria", std::move(criteria)}};
}

awaitable<http::Response> coaching_evidence(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto subject = store::UserRepository::find_by_id(*conn, ctx.id_param("id"));
  if (!subject) throw d::not_found("User " + std::to_string(ctx.id_param("id")));
  const auto rel = relation(*conn, p.user.id, subject->id);
  if (!d::can_view_coaching_evidence(p.actor(), subject->id, rel))
    throw d::forbidden(
        "Coaching evidence is for the executive, their coaches and admins; nobody else sees it.");
  const auto weeks = read_int_query(ctx, "weeks", 12, 1, 52);

  const auto from = d::week_start(d::now_millis()) - (weeks - 1) * d::kWeekMillis;
  const auto to = from + weeks * d::kWeekMillis;
  const auto events = store::EvidenceRepository::events(*conn, subject->id);
  const auto verdicts = store::EvidenceRepository::verdicts(*conn, subject->id);
  const auto findings = store::EvidenceRepository::findings(*conn, subject->id, from, to);
  const auto by_week = d::weekly_evidence(from, weeks, events, verdicts, findings);

  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < by_week.size(); ++i) {
    auto w = week_json(by_week[i]);
    w["week_start"] = d::format_rfc3339(from + static_cast<d::Millis>(i) * d::kWeekMillis);
    items.push_back(std::move(w));
  }
  auto rules = nlohmann::json::array();
  for (const auto& r : d::rule_counts(findings))
    rules.push_back({{"rule", r.rule},
                     {"findings", r.findings},
                     {"errors", r.errors},
                     {"warnings", r.warnings},
                     {"fixed_next_version", r.fixed_next_version}});
  nlohmann::json level = nullptr;
  if (subject->role == d::Role::executive)
    level = level_suggestion_json(*subject,
                                  level_suggestion_for(*conn, *subject, s.settings.level_rule));
  // Drills completed in the window: a figure about drills, so only for those the one rule
  // lets see the executive's drills (the executive and their coaches; null for admins).
  nlohmann::json drills_completed = nullptr;
  if (d::can_view_drill(p.actor(), subject->id, rel))
    drills_completed = store::DrillRepository::completed_between(*conn, subject->id, from, to);
  co_return http::json_response(http::Status::ok, {{"user", user_json(*subject)},
                                                   {"weeks", std::move(items)},
                                                   {"totals", week_json(d::total(by_week))},
                                                   {"rules", std::move(rules)},
                                                   {"level", std::move(level)},
                                                   {"drills_completed", drills_completed}});
}

}  // namespace greenroom::api
