#include "api/publishing.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/evidence_recording.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/references.hpp"
#include "api/social_notices.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/post_rules.hpp"
#include "http/log.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// Throws unless `author` may publish `post` now: the lifecycle allows it; a draft only when
// the training level allows publishing in its space, an approved post only when a coach
// approved this very version (text and space) where the level needs a coach.
void check_publishable(store::Connection& c, const d::Actor& author,
                       const store::PostRecord& post) {
  d::transition(post.state, d::PostCommand::publish);
  if (post.state == d::PostState::draft)
    d::decide_new_post(author, post.space, d::PostAction::publish);
  if (post.state == d::PostState::approved && d::needs_review(author, post.space) &&
      !store::ReviewRepository::approves_version(c, post.id, post.version))
    d::decide_new_post(author, post.space, d::PostAction::publish);
}

nlohmann::json correction_json(store::Connection& c, const store::PostRecord& post) {
  auto correction = store::PostRepository::correction_of(c, post.id);
  if (!correction) return nullptr;
  return {{"version", correction->version},
          {"body", correction->body},
          {"state", correction->state},
          {"created_at", d::format_rfc3339(correction->created_at)}};
}

http::Response post_response(store::Connection& c, std::int64_t id, std::int64_t viewer) {
  auto post = *store::PostRepository::find(c, id, viewer);
  return http::json_response(http::Status::ok,
                             {{"post", post_json(post)}, {"correction", correction_json(c, post)}});
}

// A corrected text's mentions and topics replace the old ones (topic pages and Following
// timelines follow). Not announced again: the people mentioned before were told already.
void resave_references(store::Connection& c, std::int64_t id, std::int64_t viewer) {
  if (auto post = store::PostRepository::find(c, id, viewer))
    save_references(c, *post, nullptr, post->author.display_name, false);
}

store::PostRecord require_published(store::PostRecord post) {
  if (post.state != d::PostState::published)
    throw d::conflict("Only a published post is corrected; this one is " +
                          std::string(d::to_string(post.state)) + ", so edit it instead.",
                      "illegal_transition");
  return post;
}

}  // namespace

awaitable<http::Response> schedule_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto body = read_json_object(ctx, {"at"});
  auto at = d::parse_rfc3339(require_string(body, "at"));
  if (!at) throw d::bad_request("at must be an RFC 3339 time such as 2026-12-01T09:00:00Z.");
  d::validate_schedule(*at, d::now_millis());
  auto job = [&s, actor = p.actor(), id, at = *at,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_own_post(c, actor.id, id);
    check_publishable(c, actor, post);
    enforce_policy(s.policy, post.body, post.blog_id ? "article" : "post",
                   post.blog_id.has_value());
    store::PostRepository::schedule(c, id, at);
    record_audit(c, client, actor.id, "post_scheduled", "post", id,
                 {{"at", d::format_rfc3339(at)}});
    return post_response(c, id, actor.id);
  };
  co_return co_await write(s.writer, std::move(job));
}

awaitable<http::Response> unschedule_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    load_own_post(c, uid, id);
    store::PostRepository::schedule(c, id, std::nullopt);  // idempotent
    record_audit(c, client, uid, "post_unscheduled", "post", id);
    return post_response(c, id, uid);
  };
  co_return co_await write(s.writer, std::move(job));
}

awaitable<http::Response> correct_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", d::kMaxPostCodePoints);
  auto job = [&s, actor = p.actor(), name = p.user.display_name, id, text,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = require_published(load_own_post(c, actor.id, id));
    if (text == post.body)
      throw d::bad_request("The correction is the same as the published text; change something.");
    enforce_policy(s.policy, text);
    const auto now = d::now_millis();
    if (d::corrects_directly(actor)) {
      store::PostRepository::drop_correction(c, id);
      store::PostRepository::correct(c, id, text, now);
      store::AnnotationRepository::reanchor_all(c, id, text);
      resave_references(c, id, actor.id);
      record_coaching_evidence(c, s.policy, {id, actor.id, post.version + 1, &text},
                               EvidenceKind::publish, true);
      record_audit(c, client, actor.id, "post_corrected", "post", id,
                   {{"version", post.version + 1}});
    } else {
      if (post.correction_state == "in_review")
        throw d::conflict(
            "A correction of this post is in review; withdraw it first to send another.",
            "illegal_transition");
      const auto version = store::PostRepository::save_correction(c, id, text, now);
      record_coaching_evidence(c, s.policy, {id, actor.id, version, &text}, EvidenceKind::submit,
                               true);
      record_audit(c, client, actor.id, "correction_submitted", "post", id, {{"version", version}});
      notify_coaches(
          c, actor.id, "submission_waiting",
          name + " sent a correction of a published post for review: \"" + excerpt(text) + "\"",
          id);
    }
    return post_response(c, id, actor.id);
  };
  co_return co_await write(s.writer, std::move(job));
}

awaitable<http::Response> publish_correction(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [&s, uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    require_published(load_own_post(c, uid, id));
    auto correction = store::PostRepository::correction_of(c, id);
    if (!correction || correction->state != "approved")
      throw d::conflict(correction ? "The correction is " + correction->state +
                                         "; it can be published once a coach approves it."
                                   : "This post has no correction waiting.",
                        "illegal_transition");
    enforce_policy(s.policy, correction->body);
    auto body = store::PostRepository::publish_correction(c, id, d::now_millis());
    store::AnnotationRepository::reanchor_all(c, id, body);
    resave_references(c, id, uid);
    record_audit(c, client, uid, "correction_published", "post", id,
                 {{"version", correction->version}});
    return post_response(c, id, uid);
  };
  co_return co_await write(s.writer, std::move(job));
}

awaitable<http::Response> discard_correction(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    load_own_post(c, uid, id);
    store::PostRepository::drop_correction(c, id);  // idempotent
    record_audit(c, client, uid, "correction_discarded", "post", id);
    return post_response(c, id, uid);
  };
  co_return co_await write(s.writer, std::move(job));
}

int publish_due_posts(const PolicyHolder& policy, store::Connection& c) {
  const auto now = d::now_millis();
  int published = 0;
  for (auto id : store::PostRepository::due_scheduled(c, now, 200)) {
    auto post = store::PostRepository::find(c, id, 0);
    if (!post) continue;
    try {
      auto author = store::UserRepository::find_by_id(c, post->author.id);
      if (!author || author->disabled) throw d::forbidden("The author's account is disabled.");
      check_publishable(c, {author->id, author->role, author->level}, *post);
      enforce_policy(policy, post->body, post->blog_id ? "article" : "post",
                     post->blog_id.has_value());
      store::PostRepository::set_state(c, id, d::PostState::published, now);  // clears schedule
      record_coaching_evidence(
          c, policy, {id, author->id, post->version, &post->body, post->blog_id.has_value()},
          EvidenceKind::publish, post->state != d::PostState::approved);
      // Published by the scheduler on the author's behalf; no caller address.
      record_audit(c, "", author->id, "post_published", "post", id, {{"scheduled", true}});
      live_events::post_published({id, author->id, post->space, d::PostState::published});
      if (auto now_post = store::PostRepository::find(c, id, 0)) {
        save_references(c, *now_post, nullptr, author->display_name, true);
        announce_article(c, *now_post);
      }
      ++published;
    } catch (const d::Error& e) {
      store::PostRepository::schedule(c, id, std::nullopt);
      http::log_event("warn", "scheduled post not published",
                      {{"post_id", id}, {"reason", e.what()}});
    }
  }
  return published;
}

}  // namespace greenroom::api
