#include "api/live_events.hpp"

#include <atomic>

namespace greenroom::api::live_events {

namespace {
std::atomic<live::Sink*> g_sink{nullptr};
// Only the writer thread runs jobs; a job's events wait here until it ends.
thread_local std::vector<live::Change> t_pending;
thread_local bool t_in_job = false;
}  // namespace

void set_sink(live::Sink* sink) {
  g_sink = sink;
}

void begin_job() {
  t_pending.clear();
  t_in_job = true;
}

std::vector<live::Change> end_job() {
  t_in_job = false;
  return std::exchange(t_pending, {});
}

void publish(std::vector<live::Change> changes) {
  if (changes.empty()) return;
  if (auto* sink = g_sink.load()) sink->publish(std::move(changes));
}

void emit(live::Change change) {
  if (t_in_job) t_pending.push_back(std::move(change));
}

void post_published(const domain::PostFacts& post) {
  emit({live::Audience::of_post(post),
        "post.published",
        {{"post_id", post.id}, {"space", domain::to_string(post.space)}}});
}

void post_withdrawn(const domain::PostFacts& before, domain::PostState now) {
  emit({live::Audience::of_post(before),
        "post.withdrawn",
        {{"post_id", before.id}, {"state", domain::to_string(now)}}});
}

void post_counts(const domain::PostFacts& post, std::int64_t like_count, std::int64_t reply_count) {
  emit({live::Audience::of_post(post),
        "post.counts",
        {{"post_id", post.id}, {"like_count", like_count}, {"reply_count", reply_count}}});
}

void reply_created(const domain::PostFacts& post, const domain::ReplyFacts& reply) {
  emit({live::Audience::of_reply(post, reply),
        "reply.created",
        {{"post_id", post.id}, {"reply_id", reply.id}}});
}

void reply_withdrawn(const domain::PostFacts& post, const domain::ReplyFacts& before) {
  emit({live::Audience::of_reply(post, before),
        "reply.withdrawn",
        {{"post_id", post.id}, {"reply_id", before.id}}});
}

void question_asked(const domain::QuestionFacts& q, std::int64_t blog_id) {
  emit({live::Audience::of_question(q),
        "question.asked",
        {{"question_id", q.id}, {"blog_id", blog_id}}});
}

void question_answered(const domain::QuestionFacts& q, std::int64_t blog_id) {
  emit({live::Audience::of_question(q),
        "question.answered",
        {{"question_id", q.id}, {"blog_id", blog_id}}});
}

void question_withdrawn(const domain::QuestionFacts& before, std::int64_t blog_id,
                        domain::QuestionState now) {
  emit({live::Audience::of_question(before),
        "question.withdrawn",
        {{"question_id", before.id}, {"blog_id", blog_id}, {"state", domain::to_string(now)}}});
}

void own_post_changed(std::int64_t user_id, std::int64_t post_id, const char* what) {
  emit({live::Audience::of_user(user_id), what, {{"post_id", post_id}}});
}

void unread_changed(std::int64_t user_id, std::int64_t unread) {
  emit({live::Audience::of_user(user_id), "notifications.unread", {{"unread_count", unread}}});
}

void sessions_ended(std::int64_t user_id, std::optional<std::string> only,
                    std::optional<std::string> except) {
  nlohmann::json fields = nlohmann::json::object();
  if (only) fields["only"] = *only;
  if (except) fields["except"] = *except;
  emit({live::Audience::of_user(user_id), live::kSessionsEnded, std::move(fields)});
}

}  // namespace greenroom::api::live_events
