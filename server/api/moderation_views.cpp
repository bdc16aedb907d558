#include "api/moderation_views.hpp"

#include <map>

#include "api/views.hpp"
#include "domain/time.hpp"

namespace greenroom::api {

using domain::format_rfc3339;

nlohmann::json report_json(const store::ReportRecord& r, bool with_reporter) {
  nlohmann::json j = {{"id", r.id},
                      {"target_type", domain::to_string(r.target_type)},
                      {"target_id", r.target_id},
                      {"reason", domain::to_string(r.reason)},
                      {"comment", r.comment},
                      {"created_at", format_rfc3339(r.created_at)},
                      {"updated_at", format_rfc3339(r.updated_at)}};
  if (with_reporter) j["reporter"] = author_json(r.reporter);
  return j;
}

nlohmann::json action_json(const store::ActionRecord& a) {
  return {{"id", a.id},
          {"target_type", domain::to_string(a.target_type)},
          {"target_id", a.target_id},
          {"action", domain::to_string(a.action)},
          {"reason", a.reason},
          {"moderator_id", a.moderator_id},
          {"case_id", a.case_id ? nlohmann::json(*a.case_id) : nlohmann::json(nullptr)},
          {"created_at", format_rfc3339(a.created_at)}};
}

nlohmann::json case_json(const store::CaseRecord& k, nlohmann::json item, nlohmann::json post,
                         bool own) {
  std::map<std::string, int> reasons;
  auto reports = nlohmann::json::array();
  for (const auto& r : k.reports) {
    ++reasons[std::string(domain::to_string(r.reason))];
    reports.push_back(report_json(r, true));
  }
  return {{"id", k.id},
          {"target_type", domain::to_string(k.target_type)},
          {"target_id", k.target_id},
          {"report_count", k.report_count},
          {"first_reported_at", format_rfc3339(k.opened_at)},
          {"reasons", reasons},
          {"reports", std::move(reports)},
          {"item", std::move(item)},
          {"post", std::move(post)},
          {"own_content", own}};
}

}  // namespace greenroom::api
