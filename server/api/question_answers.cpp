#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/blog_views.hpp"
#include "api/blogs.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/policy.hpp"
#include "api/questions.hpp"
#include "domain/blog.hpp"
#include "domain/errors.hpp"
#include "domain/markdown.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

awaitable<http::Response> answer_question(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  d::check_answer(p.actor(), q.facts());
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", d::kMaxAnswerCodePoints);
  enforce_policy(s.policy, text, "answer", true);
  // Rendered once, here (pure, off the writer thread), and stored with the answer.
  auto html = d::render_markdown(text);
  auto change = [id = q.id, actor = p.actor(), text = std::move(text), html = std::move(html),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto now = reload_question(c, actor, id);
    d::check_answer(actor, now.facts());
    const bool first = now.state != d::QuestionState::answered;
    auto version = store::QuestionRepository::answer(c, id, text, html, d::now_millis());
    record_audit(c, client, actor.id, first ? "question_answered" : "answer_edited", "question", id,
                 {{"version", version}});
    if (first) {
      // The asker hears even when anonymous: the notice goes to them, it names nobody.
      notify_about(c, now.asker.id, "question_answered",
                   "Your question was answered: \"" + excerpt(now.body) + "\"", "question", id);
      for (auto voter : store::QuestionRepository::voters(c, id))
        if (voter != now.asker.id)
          notify_about(c, voter, "question_answered",
                       "A question you voted for was answered: \"" + excerpt(now.body) + "\"",
                       "question", id);
    }
    auto updated = *store::QuestionRepository::find(c, id, actor.id);
    live_events::question_answered(updated.facts(), updated.blog_id);
    return std::make_pair(first, std::move(updated));
  };
  auto [first, updated] = co_await write(s.writer, std::move(change));
  auto blog = load_blog(s, updated.blog_id);
  co_return http::json_response(
      first ? http::Status::created : http::Status::ok,
      {{"question", question_json(updated, p.actor(), blog.promise_days)}});
}

awaitable<http::Response> answer_versions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    for (const auto& v : store::QuestionRepository::answer_versions(*conn, q.id))
      items.push_back({{"version", v.version},
                       {"body", v.body},
                       {"html", d::render_markdown(v.body)},
                       {"created_at", d::format_rfc3339(v.created_at)}});
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> decline_question(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  d::check_decline(p.actor(), q.facts());
  auto body = read_json_object(ctx, {"reason"});
  auto reason = require_string(body, "reason");
  d::validate_text(reason, "reason", d::kMaxDeclineCodePoints);
  enforce_policy(s.policy, reason, "reason");
  auto change = [id = q.id, actor = p.actor(), reason = std::move(reason),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto now = reload_question(c, actor, id);
    d::check_decline(actor, now.facts());
    store::QuestionRepository::decline(c, id, reason, d::now_millis());
    record_audit(c, client, actor.id, "question_declined", "question", id, {}, reason);
    notify_about(c, now.asker.id, "question_declined", "Your question was declined: " + reason,
                 "question", id);
    return *store::QuestionRepository::find(c, id, actor.id);
  };
  auto updated = co_await write(s.writer, std::move(change));
  auto blog = load_blog(s, updated.blog_id);
  co_return http::json_response(
      http::Status::ok, {{"question", question_json(updated, p.actor(), blog.promise_days)}});
}

awaitable<http::Response> approve_question(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  if (!d::can_premoderate(p.actor()))
    throw d::forbidden("Only a moderator or an admin approves pre-moderated questions.");
  if (q.state != d::QuestionState::pending)
    throw d::conflict("Only pending questions are approved; this one is " +
                          std::string(d::to_string(q.state)) + ".",
                      "illegal_transition");
  auto change = [id = q.id, actor = p.actor(),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto now = reload_question(c, actor, id);
    if (now.state != d::QuestionState::pending)
      throw d::conflict("Only pending questions are approved.", "illegal_transition");
    store::QuestionRepository::approve(c, id, d::now_millis());
    record_audit(c, client, actor.id, "question_approved", "question", id);
    notify_about(c, now.host_id, "question_asked",
                 "New question on your blog: \"" + excerpt(now.body) + "\"", "question", id);
    auto approved = *store::QuestionRepository::find(c, id, actor.id);
    live_events::question_asked(approved.facts(), approved.blog_id);
    return approved;
  };
  auto updated = co_await write(s.writer, std::move(change));
  auto blog = load_blog(s, updated.blog_id);
  co_return http::json_response(
      http::Status::ok, {{"question", question_json(updated, p.actor(), blog.promise_days)}});
}

awaitable<http::Response> reveal_asker(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  if (!d::can_reveal_asker(p.actor()))
    throw d::forbidden("Only a moderator or an admin may learn who asked, with a reason.");
  auto body = read_json_object(ctx, {"reason"});
  auto reason = require_string(body, "reason");
  d::validate_text(reason, "reason", 1000);
  // The reveal is itself a write: the audit entry is committed before the name is returned.
  auto change = [id = q.id, actor = p.actor(), reason = std::move(reason),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto now = reload_question(c, actor, id);
    record_audit(c, client, actor.id, "asker_revealed", "question", id,
                 {{"anonymous", now.anonymous}}, reason);
    return now.asker;
  };
  auto asker = co_await write(s.writer, std::move(change));
  co_return http::json_response(
      http::Status::ok,
      {{"asker",
        {{"id", asker.id}, {"username", asker.username}, {"display_name", asker.display_name}}}});
}

}  // namespace greenroom::api
