#include "api/question_moderation.hpp"

#include "api/blog_views.hpp"
#include "api/live_events.hpp"
#include "api/moderation_views.hpp"
#include "domain/moderation.hpp"
#include "domain/permissions.hpp"
#include "store/blog_repository.hpp"
#include "store/question_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

void check_item_reportable(const store::ModeratedRecord& item) {
  if (item.question)
    d::check_question_reportable(item.question->state);
  else
    d::check_reportable(item.type, item.post_state, item.reply_state);
}

std::string reported_item_words(const store::ModeratedRecord& item) {
  if (item.question && !d::shows_asker({}, *item.question))
    return "question asked anonymously on a blog";
  const auto noun = item.type == d::TargetType::post    ? "post"
                    : item.type == d::TargetType::reply ? "reply"
                                                        : "question";
  return std::string(noun) + " by " + item.author.display_name;
}

std::optional<nlohmann::json> question_case_json(store::Connection& c, const d::Actor& actor,
                                                 const store::CaseRecord& k) {
  auto q = store::QuestionRepository::find(c, k.target_id, actor.id);
  if (!q || !d::can_view_question(actor, q->facts())) return std::nullopt;
  auto blog = store::BlogRepository::find(c, q->blog_id);
  if (!blog) return std::nullopt;
  auto out =
      case_json(k, question_json(*q, actor, blog->promise_days), nullptr, q->asker.id == actor.id);
  out["blog"] = blog_json(*blog);
  return out;
}

void apply_question_state(store::Connection& c, const store::ModeratedRecord& item,
                          d::QuestionState state, const std::string& reason) {
  if (state == d::QuestionState::hidden || state == d::QuestionState::removed)
    live_events::question_withdrawn(*item.question, item.blog_id, state);
  store::ModerationRepository::set_question_state(c, item.id, state, reason);
}

}  // namespace greenroom::api
