#pragma once
// JSON shapes of reports, queue entries and moderation actions.
#include <nlohmann/json.hpp>

#include "store/moderation_repository.hpp"

namespace greenroom::api {

nlohmann::json report_json(const store::ReportRecord& r, bool with_reporter);
nlohmann::json action_json(const store::ActionRecord& a);

}  // namespace greenroom::api
