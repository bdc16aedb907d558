#include "api/annotations.hpp"

#include "api/async.hpp"
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

// The annotation and its post, for the post's author or coaches (404 otherwise).
std::pair<store::AnnotationRecord, CoachedPost> load_annotation(store::Connection& c,
                                                                std::int64_t user_id,
                                                                std::int64_t annotation_id) {
  auto a = store::AnnotationRepository::find(c, annotation_id);
  if (a) {
    try {
      auto cp = load_coached_post(c, user_id, a->post_id);
      return {std::move(*a), std::move(cp)};
    } catch (const d::Error&) {
    }
  }
  throw d::not_found("Annotation " + std::to_string(annotation_id));
}

}  // namespace

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
  auto body = read_json_object(ctx, {"start", "end", "quote", "category", "comment", "suggestion"});
  const auto start = require_offset(body, "start");
  const auto end = require_offset(body, "end");
  if (end <= start)
    throw d::bad_request("\"end\" must be greater than \"start\": select at least one character.");
  auto category = require_string(body, "category");
  if (std::find(kCategories.begin(), kCategories.end(), category) == kCategories.end())
    throw d::bad_request("category must be one of praise, tone, clarity, policy, risk.");
  auto comment = require_string(body, "comment");
  d::validate_text(comment, "comment", 2000);
  auto suggestion = optional_string(body, "suggestion");
  if (suggestion && suggestion->empty()) suggestion.reset();
  if (suggestion) d::validate_text(*suggestion, "suggestion", d::kMaxPostCodePoints);
  auto quote = optional_string(body, "quote");

  auto job = [uid = p.user.id, name = p.user.display_name, id, start, end, category, comment,
              suggestion, quote](store::Connection& c) {
    auto current = load_coached_post(c, uid, id);
    if (!current.is_coach && !current.is_mentor)
      throw d::forbidden("Only the author's coaches and reverse mentors annotate a post.");
    const auto& post = current.post;
    if (post.state == d::PostState::hidden || post.state == d::PostState::removed)
      throw d::conflict("This post was hidden by a moderator and cannot be annotated.");
    auto anchor =
        d::make_anchor(post.body, static_cast<std::size_t>(start), static_cast<std::size_t>(end));
    if (!anchor)
      throw d::bad_request("The range " + std::to_string(start) + ".." + std::to_string(end) +
                           " is outside the post, which has " +
                           std::to_string(d::code_point_count(post.body)) + " characters.");
    if (quote && *quote != anchor->exact)
      throw d::conflict("The text changed since you selected it: the words at " +
                        std::to_string(start) + ".." + std::to_string(end) + " are now \"" +
                        anchor->exact + "\". Reload the post and select again.");
    auto aid =
        store::AnnotationRepository::insert(c,
                                            {id, post.version, uid, category, comment, suggestion,
                                             *anchor, current.is_mentor ? "mentor" : "coach"},
                                            d::now_millis());
    notify(c, post.author.id, "new_annotation",
           name + " annotated \"" + excerpt(anchor->exact) + "\" (" + category + ")", id, aid);
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
  auto job = [uid = p.user.id, name = p.user.display_name, aid, text](store::Connection& c) {
    auto [a, cp] = load_annotation(c, uid, aid);
    auto reply = store::AnnotationRepository::add_reply(c, aid, uid, text, d::now_millis());
    // Tell the other side of the conversation: the author hears from coaches and back.
    const auto to = cp.is_author ? a.coach.id : cp.post.author.id;
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
  auto job = [uid = p.user.id, aid](store::Connection& c) {
    load_annotation(c, uid, aid);
    store::AnnotationRepository::resolve(c, aid, uid, d::now_millis());
    return *store::AnnotationRepository::find(c, aid);
  };
  auto a = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"annotation", annotation_json(a)}});
}

awaitable<http::Response> apply_annotation(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto aid = ctx.id_param();
  auto job = [uid = p.user.id, aid](store::Connection& c) {
    auto [a, cp] = load_annotation(c, uid, aid);
    if (!cp.is_author) throw d::forbidden("Only the author applies a suggestion to their post.");
    if (!d::is_editable(cp.post.state))
      throw d::conflict(
          "A post that is " + std::string(d::to_string(cp.post.state)) +
              " cannot change; suggestions apply to drafts and posts with changes requested.",
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
    return std::make_pair(*store::PostRepository::find(c, cp.post.id, uid),
                          *store::AnnotationRepository::find(c, aid));
  };
  auto [post, a] = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok,
                                {{"post", post_json(post)}, {"annotation", annotation_json(a)}});
}

}  // namespace greenroom::api
