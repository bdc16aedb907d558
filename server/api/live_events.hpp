#pragma once
// Live events from writes. Inside a writer job, handlers call emit_*(); api::write collects
// what its job emitted and hands it to the sink only once the job's transaction has
// committed (a job that fails, or a commit that fails, publishes nothing).
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "live/event.hpp"

namespace greenroom::api::live_events {

// The process's sink (the hub), set once at start; without one, events are dropped.
void set_sink(live::Sink* sink);

// On the writer thread, around one job.
void begin_job();
std::vector<live::Change> end_job();
// After the commit: hands the changes to the sink.
void publish(std::vector<live::Change> changes);

void emit(live::Change change);

// The common events.
void post_published(const domain::PostFacts& post);
// A post left view (hidden or removed): told to those who could see it as `before`.
void post_withdrawn(const domain::PostFacts& before, domain::PostState now);
void post_counts(const domain::PostFacts& post, std::int64_t like_count, std::int64_t reply_count);
void reply_created(const domain::PostFacts& post, const domain::ReplyFacts& reply);
void reply_withdrawn(const domain::PostFacts& post, const domain::ReplyFacts& before);
// Blog questions, to whoever may see the question (domain::can_view_question). The fields
// never name the asker: {"question_id","blog_id"} (and "state" when withdrawn).
void question_asked(const domain::QuestionFacts& q, std::int64_t blog_id);
void question_answered(const domain::QuestionFacts& q, std::int64_t blog_id);
// A question left view (hidden or removed): told to those who could see it as `before`.
void question_withdrawn(const domain::QuestionFacts& before, std::int64_t blog_id,
                        domain::QuestionState now);
// To one person: something changed on their own post (annotation, verdict).
void own_post_changed(std::int64_t user_id, std::int64_t post_id, const char* what);
// To one person: their unread notification count.
void unread_changed(std::int64_t user_id, std::int64_t unread);
// The user's sessions ended: `only` that one (public id), every one `except` that one, or
// all of them. Their live sockets close (close_code::session_ended); nothing is sent.
void sessions_ended(std::int64_t user_id, std::optional<std::string> only = std::nullopt,
                    std::optional<std::string> except = std::nullopt);

}  // namespace greenroom::api::live_events
