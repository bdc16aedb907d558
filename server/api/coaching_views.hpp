#pragma once
// JSON shapes of the coaching objects.
#include <nlohmann/json.hpp>

#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"

namespace greenroom::api {

nlohmann::json annotation_json(const store::AnnotationRecord& a);
nlohmann::json review_json(const store::ReviewRecord& r);
nlohmann::json goal_json(const store::GoalRecord& g, domain::Millis now);
nlohmann::json notification_json(const store::NotificationRecord& n);

}  // namespace greenroom::api
