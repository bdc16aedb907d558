#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/coaching.hpp"
#include "api/questions.hpp"
#include "domain/blog.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// The host hears once when a question reaches this many votes.
constexpr std::int64_t kHotQuestionVotes = 10;

awaitable<http::Response> set_vote(Services& s, http::RequestContext& ctx, bool on) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  d::check_vote(p.actor(), q.facts());
  auto change = [id = q.id, actor = p.actor(), on,
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto now = reload_question(c, actor, id);
    d::check_vote(actor, now.facts());
    const auto before = now.vote_count;
    auto count = on ? store::QuestionRepository::vote(c, id, actor.id, d::now_millis())
                    : store::QuestionRepository::unvote(c, id, actor.id);
    if (count != before)  // idempotent: audit real changes only
      record_audit(c, client, actor.id, on ? "question_voted" : "question_unvoted", "question", id);
    if (on && before < kHotQuestionVotes && count >= kHotQuestionVotes)
      notify_about(c, now.host_id, "question_hot",
                   "A question on your blog has " + std::to_string(count) + " votes: \"" +
                       excerpt(now.body) + "\"",
                   "question", id);
    return count;
  };
  auto count = co_await write(s.writer, std::move(change));
  co_return http::json_response(http::Status::ok, {{"vote_count", count}, {"voted_by_me", on}});
}

}  // namespace

awaitable<http::Response> vote_question(Services& s, http::RequestContext& ctx) {
  co_return co_await set_vote(s, ctx, true);
}

awaitable<http::Response> unvote_question(Services& s, http::RequestContext& ctx) {
  co_return co_await set_vote(s, ctx, false);
}

}  // namespace greenroom::api
