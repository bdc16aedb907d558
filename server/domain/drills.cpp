#include "domain/drills.hpp"

namespace greenroom::domain {

std::string_view to_string(DrillStatus s) {
  switch (s) {
    case DrillStatus::assigned:
      return "assigned";
    case DrillStatus::in_progress:
      return "in_progress";
    case DrillStatus::completed:
      return "completed";
  }
  return "unknown";
}

DrillStatus drill_status(bool has_post, bool completed) {
  if (completed) return DrillStatus::completed;
  return has_post ? DrillStatus::in_progress : DrillStatus::assigned;
}

bool drill_overdue(DrillStatus s, Millis now, Millis due_at) {
  return s != DrillStatus::completed && now > due_at;
}

std::string simulated_label(std::string_view persona_name) {
  return "Simulated reply \u2014 played by your coach as " + std::string(persona_name);
}

}  // namespace greenroom::domain
