#include "api/lifecycle.hpp"

#include "api/async.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// The post for its author only (coaches get 403, others 404), inside a write.
store::PostRecord load_own_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id) {
  auto cp = load_coached_post(c, user_id, post_id);
  if (!cp.is_author) throw d::forbidden("Only the author can change this post.");
  return std::move(cp.post);
}

std::optional<bool> optional_share_with_mentor(const nlohmann::json& body) {
  auto it = body.find("share_with_mentor");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) throw d::bad_request("share_with_mentor must be true or false.");
  return it->get<bool>();
}

http::Response post_response(const store::PostRecord& post) {
  return http::json_response(http::Status::ok, {{"post", post_json(post)}});
}

}  // namespace

awaitable<http::Response> edit_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);  // 404 before looking at the body
  auto body = read_json_object(ctx, {"body", "space", "share_with_mentor"});
  auto text = optional_string(body, "body");
  auto space_name = optional_string(body, "space");
  auto share = optional_share_with_mentor(body);
  if (!text && !space_name && !share)
    throw d::bad_request(
        "Send a new \"body\", a new \"space\", \"share_with_mentor\", or several.");
  if (text) d::validate_text(*text, "body", d::kMaxPostCodePoints);
  std::optional<d::Space> space;
  if (space_name) {
    space = d::parse_space(*space_name);
    if (!space) throw d::bad_request("space must be \"practice\" or \"company\".");
    if (!d::has_capability(p.user.role, *space == d::Space::company ? d::Capability::post_company
                                                                    : d::Capability::post_practice))
      throw d::forbidden("A " + std::string(d::to_string(p.user.role)) + " may not post in the " +
                         *space_name + " space.");
  }
  auto job = [uid = p.user.id, id, text, space, share](store::Connection& c) {
    auto post = load_own_post(c, uid, id);
    // The "show my mentor" switch alone is no edit: it works in any state.
    if (text || space) d::transition(post.state, d::PostCommand::edit);
    const auto now = d::now_millis();
    if (share && *share != post.share_with_mentor)
      store::PostRepository::set_share_with_mentor(c, id, *share, now);
    if (text && *text != post.body) {
      store::PostRepository::update_body(c, id, *text, now);
      store::AnnotationRepository::reanchor_all(c, id, *text);
    }
    if (space && *space != post.space) store::PostRepository::update_space(c, id, *space, now);
    return *store::PostRepository::find(c, id, uid);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> submit_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  if (!d::has_capability(p.user.role, d::Capability::submit_for_review))
    throw d::forbidden("Only executives submit posts for review.");
  auto job = [&s, uid = p.user.id, name = p.user.display_name, id](store::Connection& c) {
    auto post = load_own_post(c, uid, id);
    auto next = d::transition(post.state, d::PostCommand::submit);
    enforce_policy(s.policy, post.body);
    store::PostRepository::set_state(c, id, next, d::now_millis());
    notify_coaches(c, uid, "submission_waiting",
                   name + " submitted a post for review: \"" + excerpt(post.body) + "\"", id);
    return *store::PostRepository::find(c, id, uid);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> publish_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [&s, actor = p.actor(), id](store::Connection& c) {
    auto post = load_own_post(c, actor.id, id);
    auto next = d::transition(post.state, d::PostCommand::publish);
    // A draft goes out directly only when the training level allows it there.
    if (post.state == d::PostState::draft)
      d::decide_new_post(actor, post.space, d::PostAction::publish);
    enforce_policy(s.policy, post.body);
    store::PostRepository::set_state(c, id, next, d::now_millis());
    return *store::PostRepository::find(c, id, actor.id);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> withdraw_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [uid = p.user.id, id](store::Connection& c) {
    auto post = load_own_post(c, uid, id);
    auto next = d::transition(post.state, d::PostCommand::withdraw);
    store::PostRepository::set_state(c, id, next, d::now_millis());
    return *store::PostRepository::find(c, id, uid);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> post_versions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto cp = load_coached_post(*conn, p.user.id, ctx.id_param());
  auto versions = store::PostRepository::versions(*conn, cp.post.id);
  auto annotations = store::AnnotationRepository::for_post(*conn, cp.post.id);
  auto items = nlohmann::json::array();
  for (const auto& v : versions) {
    auto made_on = nlohmann::json::array();
    for (const auto& a : annotations)
      if (a.version == v.version) made_on.push_back(annotation_json(a));
    items.push_back({{"version", v.version},
                     {"body", v.body},
                     {"created_at", d::format_rfc3339(v.created_at)},
                     {"annotations", std::move(made_on)}});
  }
  co_return http::json_response(http::Status::ok,
                                {{"post", post_json(cp.post)}, {"items", std::move(items)}});
}

}  // namespace greenroom::api
