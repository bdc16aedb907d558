#pragma once
// Drills (rehearsal under pressure): what a drill's status is and what a valid one holds.
// Who may see or run one is in domain/permissions (can_view_drill, can_run_drill).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace greenroom::domain {

// assigned: no post yet; in_progress: the executive wrote the drill's post; completed: a
// coach marked it complete (only once the post exists). `overdue` is apart from the status:
// not completed and past the due time.
enum class DrillStatus { assigned, in_progress, completed };
std::string_view to_string(DrillStatus s);

DrillStatus drill_status(bool has_post, bool completed);
bool drill_overdue(DrillStatus s, Millis now, Millis due_at);

inline constexpr std::size_t kMaxDrillScenario = 2000;  // code points
inline constexpr std::size_t kMaxPersonaName = 80;
inline constexpr std::size_t kMaxPersonaDescription = 400;
inline constexpr std::size_t kMaxPersonas = 5;

// The label every reader of a persona reply sees beside it.
std::string simulated_label(std::string_view persona_name);

}  // namespace greenroom::domain
