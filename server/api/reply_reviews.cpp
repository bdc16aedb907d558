#include "api/reply_reviews.hpp"

#include "api/annotations.hpp"
#include "api/async.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/policy.hpp"
#include "api/references.hpp"
#include "api/reviews.hpp"
#include "api/social_notices.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"
#include "store/reply_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

CoachedReply load_reply(Services& s, const Principal& p, std::int64_t reply_id) {
  auto conn = s.reads.acquire();
  return load_coached_reply(*conn, p.user.id, reply_id);
}

}  // namespace

awaitable<http::Response> edit_reply(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_reply(s, p, id);  // 404 before looking at the body
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", d::kMaxReplyCodePoints);
  enforce_policy(s.policy, text, "reply");
  auto job = [uid = p.user.id, name = p.user.display_name, id, text](store::Connection& c) {
    auto cr = load_coached_reply(c, uid, id);
    if (!cr.is_author) throw d::forbidden("Only the author changes a reply.");
    auto next = d::reply_transition(cr.reply.review, d::PostCommand::edit);
    const auto now = d::now_millis();
    store::ReplyRepository::revise(c, id, text, now);
    store::AnnotationRepository::reanchor_reply(c, id, text);
    store::ReplyRepository::set_review(c, id, next, now);
    notify_coaches(c, uid, "submission_waiting",
                   name + " revised a reply; it waits for your review: \"" + excerpt(text) + "\"",
                   cr.post.id);
    return *store::ReplyRepository::find(c, id);
  };
  auto reply = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"reply", reply_json(reply)}});
}

awaitable<http::Response> list_reply_annotations(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto cr = load_coached_reply(*conn, p.user.id, ctx.id_param());
  auto items = nlohmann::json::array();
  for (const auto& a : store::AnnotationRepository::for_reply(*conn, cr.reply.id))
    items.push_back(annotation_json(a));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_reply_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  if (!load_reply(s, p, id).is_coach)
    throw d::forbidden("Only the author's coaches annotate a reply.");
  auto in = read_annotation_input(ctx);
  auto job = [uid = p.user.id, name = p.user.display_name, id, in](store::Connection& c) {
    auto cr = load_coached_reply(c, uid, id);
    auto anchor = anchor_in(cr.reply.body, in);
    auto aid = store::AnnotationRepository::insert(
        c, {cr.post.id, cr.reply.version, uid, in.category, in.comment, in.suggestion, anchor},
        d::now_millis(), id);
    notify(c, cr.reply.author.id, "new_annotation",
           name + " annotated your reply: \"" + excerpt(anchor.exact) + "\" (" + in.category + ")",
           cr.post.id, aid);
    return *store::AnnotationRepository::find(c, aid);
  };
  auto a = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"annotation", annotation_json(a)}});
}

awaitable<http::Response> list_reply_reviews(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto cr = load_coached_reply(*conn, p.user.id, ctx.id_param());
  auto items = nlohmann::json::array();
  for (const auto& r : store::ReviewRepository::for_reply(*conn, cr.reply.id))
    items.push_back(review_json(r));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_reply_review(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  if (!load_reply(s, p, id).is_coach)
    throw d::forbidden("Only the author's coaches review a reply; nobody approves their own.");
  auto in = read_verdict_input(ctx);
  auto job = [uid = p.user.id, name = p.user.display_name, id, in](store::Connection& c) {
    auto cr = load_coached_reply(c, uid, id);
    if (in.version != cr.reply.version)
      throw d::conflict("The reply changed while you were reviewing it (you saw version " +
                            std::to_string(in.version) + ", it is now version " +
                            std::to_string(cr.reply.version) + "); reload it and review again.",
                        "stale_version");
    const bool approve = in.verdict == "approve";
    auto next = d::reply_transition(
        cr.reply.review, approve ? d::PostCommand::approve : d::PostCommand::request_changes);
    const auto now = d::now_millis();
    auto rid = store::ReviewRepository::insert(c, cr.post.id, cr.reply.version, uid, in.verdict,
                                               in.comment, in.rubric, now, id);
    store::ReplyRepository::set_review(c, id, next, now);
    auto after = cr.reply.facts();
    after.review = next;
    if (!d::is_reply_public(cr.reply.facts()) && d::is_reply_public(after)) {
      store::ReplyRepository::adjust_reply_count(c, cr.post.id, +1);
      // Now out for everyone who sees the post: live readers hear of it and of the new count,
      // its mentions are announced and the post's author is told, as for any public reply.
      auto reply = *store::ReplyRepository::find(c, id);
      if (auto post = store::PostRepository::find(c, cr.post.id, uid)) {
        save_references(c, *post, &reply, reply.author.display_name, true);
        live_events::reply_created(post->facts(), reply.facts());
        live_events::post_counts(post->facts(), post->like_count, post->reply_count);
        notify_reply(c, *post, reply, reply.author.display_name);
      }
    }
    notify(c, cr.reply.author.id, "verdict_given",
           approve ? name + " approved your reply; it is now visible: \"" + excerpt(cr.reply.body) +
                         "\""
                   : name + " asked for changes to your reply \"" + excerpt(cr.reply.body) + "\"",
           cr.post.id);
    return std::make_pair(*store::ReviewRepository::find(c, rid),
                          *store::ReplyRepository::find(c, id));
  };
  auto [review, reply] = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created,
                                {{"review", review_json(review)}, {"reply", reply_json(reply)}});
}

}  // namespace greenroom::api
