#pragma once
// JSON shapes of blogs, their promise figures and questions. A question's asker appears only
// when domain::shows_asker allows it for the viewer; otherwise "asker" is null.
#include <nlohmann/json.hpp>

#include "domain/blog.hpp"
#include "store/blog_repository.hpp"
#include "store/question_repository.hpp"

namespace greenroom::api {

nlohmann::json blog_json(const store::BlogRecord& b);
nlohmann::json stats_json(const domain::BlogStats& s, std::int64_t promise_days);
nlohmann::json question_json(const store::QuestionRecord& q, const domain::Actor& viewer,
                             std::int64_t promise_days);
// The same object as question_json, appended as JSON text (the blog page's hot path); a unit
// test checks the two agree exactly. `now` decides "overdue".
void append_question_json(std::string& out, const store::QuestionRecord& q,
                          const domain::Actor& viewer, std::int64_t promise_days,
                          domain::Millis now);

}  // namespace greenroom::api
