#include "api/blog_views.hpp"

#include "api/views.hpp"
#include "domain/markdown.hpp"
#include "domain/permissions.hpp"
#include "http/json_text.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {
nlohmann::json time_or_null(const std::optional<d::Millis>& t) {
  return t ? nlohmann::json(d::format_rfc3339(*t)) : nlohmann::json(nullptr);
}

bool is_overdue(const store::QuestionRecord& q, std::int64_t promise_days, d::Millis now) {
  const auto asked = q.asked_at.value_or(q.created_at);
  return q.state == d::QuestionState::open && now - asked > promise_days * 24 * 3600 * 1000;
}

void append_time(std::string& out, const std::optional<d::Millis>& t) {
  if (t)
    http::append_json_string(out, d::format_rfc3339(*t));
  else
    out += "null";
}

void append_text(std::string& out, const std::optional<std::string>& s) {
  if (s)
    http::append_json_string(out, *s);
  else
    out += "null";
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
              {"html", q.answer->html ? *q.answer->html : d::render_markdown(q.answer->body)},
              {"version", q.answer->version},
              {"created_at", d::format_rfc3339(q.answer->created_at)},
              {"updated_at", d::format_rfc3339(q.answer->updated_at)},
              {"edited", q.answer->version > 1}};
  const bool overdue = is_overdue(q, promise_days, d::now_millis());
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

void append_question_json(std::string& out, const store::QuestionRecord& q, const d::Actor& viewer,
                          std::int64_t promise_days, d::Millis now) {
  using http::append_json_bool;
  using http::append_json_int;
  using http::append_json_string;
  out += "{\"id\":";
  append_json_int(out, q.id);
  out += ",\"blog_id\":";
  append_json_int(out, q.blog_id);
  out += ",\"asker\":";
  if (d::shows_asker(viewer, q.facts())) {
    out += "{\"id\":";
    append_json_int(out, q.asker.id);
    out += ",\"username\":";
    append_json_string(out, q.asker.username);
    out += ",\"display_name\":";
    append_json_string(out, q.asker.display_name);
    out += "}";
  } else {
    out += "null";
  }
  out += ",\"anonymous\":";
  append_json_bool(out, q.anonymous);
  out += ",\"asked_by_me\":";
  append_json_bool(out, viewer.id == q.asker.id);
  out += ",\"topic\":";
  append_text(out, q.topic);
  out += ",\"body\":";
  append_json_string(out, q.body);
  out += ",\"state\":";
  append_json_string(out, d::to_string(q.state));
  out += ",\"vote_count\":";
  append_json_int(out, q.vote_count);
  out += ",\"voted_by_me\":";
  append_json_bool(out, q.voted_by_me);
  out += ",\"decline_reason\":";
  append_text(out, q.decline_reason);
  out += ",\"created_at\":";
  append_json_string(out, d::format_rfc3339(q.created_at));
  out += ",\"asked_at\":";
  append_time(out, q.asked_at);
  out += ",\"closed_at\":";
  append_time(out, q.closed_at);
  out += ",\"overdue\":";
  append_json_bool(out, is_overdue(q, promise_days, now));
  out += ",\"answer\":";
  if (q.answer) {
    const auto& a = *q.answer;
    out += "{\"body\":";
    append_json_string(out, a.body);
    out += ",\"html\":";
    append_json_string(out, a.html ? *a.html : d::render_markdown(a.body));
    out += ",\"version\":";
    append_json_int(out, a.version);
    out += ",\"created_at\":";
    append_json_string(out, d::format_rfc3339(a.created_at));
    out += ",\"updated_at\":";
    append_json_string(out, d::format_rfc3339(a.updated_at));
    out += ",\"edited\":";
    append_json_bool(out, a.version > 1);
    out += "}";
  } else {
    out += "null";
  }
  out += "}";
}

}  // namespace greenroom::api
