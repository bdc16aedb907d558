#include "api/blog_views.hpp"

#include "api/views.hpp"
#include "domain/markdown.hpp"
#include "domain/permissions.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {
nlohmann::json time_or_null(const std::optional<d::Millis>& t) {
  return t ? nlohmann::json(d::format_rfc3339(*t)) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json blog_json(const store::BlogRecord& b) {
  return {{"id", b.id},
          {"host", author_json(b.host)},
          {"title", b.title},
          {"description", b.description},
          {"promise_days", b.promise_days},
          {"promise", "Answers within " + std::to_string(b.promise_days) +
                          (b.promise_days == 1 ? " day" : " days")},
          {"premoderated", b.premoderated},
          {"created_at", d::format_rfc3339(b.created_at)}};
}

nlohmann::json stats_json(const d::BlogStats& s, std::int64_t promise_days) {
  auto opt = [](const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"questions", s.questions},
          {"answered", s.answered},
          {"declined", s.declined},
          {"waiting", s.waiting},
          {"overdue", s.overdue},
          {"answer_rate", s.answer_rate},
          {"median_seconds_to_answer", opt(s.median_seconds_to_answer)},
          {"oldest_unanswered_seconds", opt(s.oldest_unanswered_seconds)},
          {"promise_days", promise_days}};
}

nlohmann::json question_json(const store::QuestionRecord& q, const d::Actor& viewer,
                             std::int64_t promise_days) {
  const auto facts = q.facts();
  nlohmann::json answer = nullptr;
  if (q.answer)
    answer = {{"body", q.answer->body},
              {"html", d::render_markdown(q.answer->body)},
              {"version", q.answer->version},
              {"created_at", d::format_rfc3339(q.answer->created_at)},
              {"updated_at", d::format_rfc3339(q.answer->updated_at)},
              {"edited", q.answer->version > 1}};
  const auto asked = q.asked_at.value_or(q.created_at);
  const bool overdue = q.state == d::QuestionState::open &&
                       d::now_millis() - asked > promise_days * 24 * 3600 * 1000;
  return {{"id", q.id},
          {"blog_id", q.blog_id},
          {"asker", d::shows_asker(viewer, facts) ? author_json(q.asker) : nlohmann::json(nullptr)},
          {"anonymous", q.anonymous},
          {"asked_by_me", viewer.id == q.asker.id},
          {"topic", q.topic ? nlohmann::json(*q.topic) : nlohmann::json(nullptr)},
          {"body", q.body},
          {"state", d::to_string(q.state)},
          {"vote_count", q.vote_count},
          {"voted_by_me", q.voted_by_me},
          {"decline_reason",
           q.decline_reason ? nlohmann::json(*q.decline_reason) : nlohmann::json(nullptr)},
          {"created_at", d::format_rfc3339(q.created_at)},
          {"asked_at", time_or_null(q.asked_at)},
          {"closed_at", time_or_null(q.closed_at)},
          {"overdue", overdue},
          {"answer", std::move(answer)}};
}

}  // namespace greenroom::api
