#pragma once
// JSON shapes of reports, queue entries and moderation actions.
#include <nlohmann/json.hpp>

#include "store/moderation_repository.hpp"

namespace greenroom::api {

nlohmann::json report_json(const store::ReportRecord& r, bool with_reporter);
nlohmann::json action_json(const store::ActionRecord& a);
// A queue entry: the case, its reports (with reporters), reasons counted, the item and the
// post it belongs to (null for a question), and whether it is the caller's own.
nlohmann::json case_json(const store::CaseRecord& k, nlohmann::json item, nlohmann::json post,
                         bool own);

}  // namespace greenroom::api
