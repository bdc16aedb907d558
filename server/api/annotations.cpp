#include "api/annotations.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/live_events.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "domain/anchoring.hpp"
#include "domain/errors.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

constexpr std::array<std::string_view, 5> kCategories{"praise", "tone", "clarity", "policy",
                                                      "risk"};

std::int64_t require_offset(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
    throw d::bad_request(std::string("\"") + field +
                         "\" is required: a character offset (Unicode code points, from 0).");
  return it->get<std::int64_t>();
}

// Who an annotation is for: the author of the text it is on (a post or a reply) and that
// author's coaches; 404 for anyone else.
struct AnnotationAccess {
  store::AnnotationRecord annotation;
  std::int64_t author_id = 0;  // of the annotated text
  bool is_author = false;
  std::optional<CoachedPost> post;  // when the annotation is on the post itself
};

AnnotationAccess load_annotation(store::Connection& c, std::int64_t user_id,
                                 std::int64_t annotation_id) {
  auto a = store::AnnotationRepository::find(c, annotation_id);
  if (a) {
    try {
      AnnotationAccess access;
      if (a->reply_id) {
        auto cr = load_coached_reply(c, user_id, *a->reply_id);
        access.author_id = cr.reply.author.id;
        access.is_author = cr.is_author;
      } else {
        auto cp = load_coached_post(c, user_id, a->post_id);
        access.author_id = cp.post.author.id;
        access.is_author = cp.is_author;
        access.post = std::move(cp);
      }
      access.annotation = std::move(*a);
      return access;
    } catch (const d::Error&) {
    }
  }
  throw d::not_found("Annotation " + std::to_string(annotation_id));
}

}  // namespace

AnnotationInput read_annotation_input(http::RequestContext& ctx) {
  auto body = read_json_object(ctx, {"start", "end", "quote", "category", "comment", "suggestion"});
  AnnotationInput in;
  in.start = require_offset(body, "start");
  in.end = require_offset(body, "end");
  if (in.end <= in.start)
    throw d::bad_request("\"end\" must be greater than \"start\": select at least one character.");
  in.category = require_string(body, "category");
  if (std::find(kCategories.begin(), kCategories.end(), in.category) == kCategories.end())
    throw d::bad_request("category must be one of praise, tone, clarity, policy, risk.");
  in.comment = require_string(body, "comment");
  d::validate_text(in.comment, "comment", 2000);
  in.suggestion = optional_string(body, "suggestion");
  if (in.suggestion && in.suggestion->empty()) in.suggestion.reset();
  if (in.suggestion) d::validate_text(*in.suggestion, "suggestion", d::kMaxPostCodePoints);
  in.quote = optional_string(body, "quote");
  return in;
}

d::TextAnchor anchor_in(const std::string& text, const AnnotationInput& in) {
  auto anchor =
      d::make_anchor(text, static_cast<std::size_t>(in.start), static_cast<std::size_t>(in.end));
  if (!anchor)
    throw d::bad_request("The range " + std::to_string(in.start) + ".." + std::to_string(in.end) +
                         " is outside the text, which has " +
                         std::to_string(d::code_point_count(text)) + " characters.");
  if (in.quote && *in.quote != anchor->exact)
    throw d::conflict("The text changed since you selected it: the words at " +
                      std::to_string(in.start) + ".." + std::to_string(in.end) + " are now \"" +
                      anchor->exact + "\". Reload and select again.");
  return *anchor;
}

awaitable<http::Response> list_annotations(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto cp = load_coached_post(*conn, p.user.id, ctx.id_param());
  auto items = nlohmann::json::array();
  for (const auto& a : store::AnnotationRepository::for_post(*conn, cp.post.id))
    items.push_back(annotation_json(a));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto cp = load_coached_post(s, p, id);
  if (!cp.is_coach && !cp.is_mentor)
    throw d::forbidden("Only the author's coaches and reverse mentors annotate a post.");
  auto in = read_annotation_input(ctx);
  auto job = [uid = p.user.id, name = p.user.display_name, id, in,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto current = load_coached_post(c, uid, id);
    if (!current.is_coach && !current.is_mentor)
      throw d::forbidden("Only the author's coaches and reverse mentors annotate a post.");
    const auto& post = current.post;
    if (post.state == d::PostState::hidden || post.state == d::PostState::removed)
      throw d::conflict("This post was hidden by a moderator and cannot be annotated.");
    auto anchor = anchor_in(post.body, in);
    const std::string role = current.is_mentor ? "mentor" : "coach";
    auto aid = store::AnnotationRepository::insert(
        c, {id, post.version, uid, in.category, in.comment, in.suggestion, anchor, role},
        d::now_millis());
    if (current.is_mentor)
      notify(c, post.author.id, "mentor_note",
             name + ", your reverse mentor, left a note on \"" + excerpt(anchor.exact) + "\" (" +
                 in.category + ")",
             id, aid);
    else
      notify(c, post.author.id, "new_annotation",
             name + " annotated \"" + excerpt(anchor.exact) + "\" (" + in.category + ")", id, aid);
    record_audit(c, client, uid, "annotation_created", "annotation", aid,
                 {{"post_id", id}, {"author_role", role}});
    live_events::own_post_changed(post.author.id, id, "post.annotated");
    return *store::AnnotationRepository::find(c, aid);
  };
  auto a = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"annotation", annotation_json(a)}});
}

awaitable<http::Response> reply_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto aid = ctx.id_param();
  {
    auto conn = s.reads.acquire();
    load_annotation(*conn, p.user.id, aid);
  }
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", 2000);
  auto job = [uid = p.user.id, name = p.user.display_name, aid, text,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto access = load_annotation(c, uid, aid);
    const auto& a = access.annotation;
    auto reply = store::AnnotationRepository::add_reply(c, aid, uid, text, d::now_millis());
    record_audit(c, client, uid, "annotation_replied", "annotation", aid);
    // Tell the other side of the conversation: the author hears from coaches and back.
    const auto to = access.is_author ? a.coach.id : access.author_id;
    if (to != uid)
      notify(c, to, "annotation_reply",
             name + " replied on \"" + excerpt(a.anchor.exact) + "\": " + excerpt(text), a.post_id,
             aid);
    return reply;
  };
  auto r = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created,
                                {{"reply",
                                  {{"id", r.id},
                                   {"annotation_id", aid},
                                   {"author", author_json(r.author)},
                                   {"body", r.body},
                                   {"created_at", d::format_rfc3339(r.created_at)}}}});
}

awaitable<http::Response> resolve_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto aid = ctx.id_param();
  auto job = [uid = p.user.id, aid, client = ctx.connection().client_ip](store::Connection& c) {
    load_annotation(c, uid, aid);
    store::AnnotationRepository::resolve(c, aid, uid, d::now_millis());
    record_audit(c, client, uid, "annotation_resolved", "annotation", aid);
    return *store::AnnotationRepository::find(c, aid);
  };
  auto a = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"annotation", annotation_json(a)}});
}

awaitable<http::Response> apply_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto aid = ctx.id_param();
  auto job = [uid = p.user.id, name = p.user.display_name, aid,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto access = load_annotation(c, uid, aid);
    const auto& a = access.annotation;
    if (!access.is_author)
      throw d::forbidden("Only the author applies a suggestion to their text.");
    if (!access.post)
      throw d::conflict(
          "Suggestions on a reply are not applied automatically: edit the reply instead.");
    const auto& cp = *access.post;
    if (!d::is_editable(cp.post.state))
      throw d::conflict(
          "A post that is " + std::string(d::to_string(cp.post.state)) +
              " cannot change; suggestions apply to drafts, approved posts and posts with changes "
              "requested.",
          "illegal_transition");
    if (!a.suggestion) throw d::conflict("This annotation has no suggested rewrite to apply.");
    if (a.applied) throw d::conflict("This suggestion was applied already.");
    if (a.orphaned)
      throw d::conflict("The words this suggestion was for are no longer in the post.");
    auto new_body = d::apply_replacement(cp.post.body, a.anchor.start, a.anchor.end, *a.suggestion);
    d::validate_text(new_body, "the revised post", d::kMaxPostCodePoints);
    const auto now = d::now_millis();
    store::PostRepository::update_body(c, cp.post.id, new_body, now);
    store::AnnotationRepository::reanchor_all(c, cp.post.id, new_body, aid);
    const auto new_end = a.anchor.start + d::code_point_count(*a.suggestion);
    auto anchor = d::make_anchor(new_body, a.anchor.start, new_end).value_or(a.anchor);
    store::AnnotationRepository::mark_applied(c, aid, anchor, uid, now);
    record_audit(c, client, uid, "annotation_applied", "annotation", aid,
                 {{"post_id", cp.post.id}});
    // After approval, the approving coach's own suggestions keep the approval; anyone
    // else's send the post back to review.
    if (cp.post.state == d::PostState::approved &&
        store::ReviewRepository::approved_by(c, cp.post.id) != a.coach.id) {
      store::PostRepository::set_state(c, cp.post.id, d::PostState::in_review, now);
      notify_coaches(c, uid, "submission_waiting",
                     name + " applied a suggestion to an approved post; it is back in review: \"" +
                         excerpt(new_body) + "\"",
                     cp.post.id);
    }
    return std::make_pair(*store::PostRepository::find(c, cp.post.id, uid),
                          *store::AnnotationRepository::find(c, aid));
  };
  auto [post, a] = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok,
                                {{"post", post_json(post)}, {"annotation", annotation_json(a)}});
}

}  // namespace greenroom::api
