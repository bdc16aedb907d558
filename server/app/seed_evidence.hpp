#pragma once
// Demo data for coaching evidence: twelve weeks of Evan's practice posts going through review,
// the golden rules finding less and less (errors, then warnings, then nothing), his coach's
// rubric rising, so that a fresh demo shows the trend and a pending "Suggest Walk for Evan".
#include <functional>
#include <string_view>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::app {

void seed_coaching_evidence(store::Connection& conn,
                            const std::function<std::int64_t(std::string_view)>& id_of,
                            domain::Millis now);

}  // namespace greenroom::app
