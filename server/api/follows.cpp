#include "api/follows.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/blogs.hpp"
#include "api/coaching.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/social.hpp"
#include "http/responses.hpp"
#include "store/follow_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;
using store::FollowKind;

namespace {

// What is followed: a person or blog by id, or a topic by name.
struct Target {
  FollowKind kind = FollowKind::user;
  std::int64_t id = 0;
  std::string tag;
  std::string audit_type() const {
    return kind == FollowKind::user ? "user" : kind == FollowKind::blog ? "blog" : "topic";
  }
};

// A person the caller may know of: an enabled account (a disabled one is 404, as elsewhere).
Target person_target(Services& s, const Principal& p, std::int64_t id) {
  auto conn = s.reads.acquire();
  auto u = store::UserRepository::find_by_id(*conn, id);
  if (!u || u->disabled) throw d::not_found("User " + std::to_string(id));
  if (u->id == p.user.id)
    throw d::bad_request("You cannot follow yourself; follow colleagues, topics or blogs.",
                         "self_follow");
  return {FollowKind::user, id, ""};
}

Target topic_target(http::RequestContext& ctx) {
  auto tag = d::parse_topic(ctx.params().at("tag"));
  if (!tag)
    throw d::bad_request(
        "A topic is a letter followed by up to 49 letters, digits, '_' or '-' (as in #okrs).",
        "bad_topic");
  return {FollowKind::topic, 0, *tag};
}

nlohmann::json state_json(store::Connection& c, std::int64_t follower, const Target& t) {
  return {{"following", store::FollowRepository::follows(c, follower, t.kind, t.id, t.tag)},
          {"followers", store::FollowRepository::follower_count(c, t.kind, t.id, t.tag)}};
}

awaitable<http::Response> set_follow(Services& s, http::RequestContext& ctx, const Principal& p,
                                     Target target, bool on) {
  auto job = [uid = p.user.id, name = p.user.display_name, username = p.user.username, on,
              target = std::move(target),
              client = ctx.connection().client_ip](store::Connection& c) {
    const auto now = d::now_millis();
    const bool changed =
        on ? store::FollowRepository::follow(c, uid, target.kind, target.id, target.tag, now)
           : store::FollowRepository::unfollow(c, uid, target.kind, target.id, target.tag);
    if (changed) {
      nlohmann::json detail = nlohmann::json::object();
      if (target.kind == FollowKind::topic) detail["tag"] = target.tag;
      record_audit(
          c, client, uid, on ? "followed" : "unfollowed", target.audit_type(),
          target.kind == FollowKind::topic ? std::nullopt : std::optional<std::int64_t>(target.id),
          detail);
      if (on && target.kind == FollowKind::user)
        notify_about(c, target.id, "new_follower", name + " (@" + username + ") follows you now.",
                     "user", uid);
    }
    return state_json(c, uid, target);
  };
  co_return http::json_response(http::Status::ok, co_await write(s.writer, std::move(job)));
}

}  // namespace

awaitable<http::Response> follow_user(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto t = person_target(s, p, ctx.id_param());
  co_return co_await set_follow(s, ctx, p, std::move(t), true);
}

awaitable<http::Response> unfollow_user(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto t = person_target(s, p, ctx.id_param());
  co_return co_await set_follow(s, ctx, p, std::move(t), false);
}

awaitable<http::Response> follow_topic(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto t = topic_target(ctx);
  co_return co_await set_follow(s, ctx, p, std::move(t), true);
}

awaitable<http::Response> unfollow_topic(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto t = topic_target(ctx);
  co_return co_await set_follow(s, ctx, p, std::move(t), false);
}

awaitable<http::Response> follow_blog(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  Target t{FollowKind::blog, blog.id, ""};  // a named value: GCC 12 mishandles a braced
                                            // temporary as a coroutine argument
  co_return co_await set_follow(s, ctx, p, std::move(t), true);
}

awaitable<http::Response> unfollow_blog(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  Target t{FollowKind::blog, blog.id, ""};  // a named value: GCC 12 mishandles a braced
                                            // temporary as a coroutine argument
  co_return co_await set_follow(s, ctx, p, std::move(t), false);
}

awaitable<http::Response> my_following(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  const auto f = store::FollowRepository::following(*conn, p.user.id);
  auto people = nlohmann::json::array();
  for (const auto& a : f.people) people.push_back(author_json(a));
  auto blogs = nlohmann::json::array();
  for (const auto& b : f.blogs)
    blogs.push_back({{"id", b.id}, {"title", b.title}, {"host", author_json(b.host)}});
  co_return http::json_response(
      http::Status::ok, {{"people", std::move(people)}, {"topics", f.topics}, {"blogs", blogs}});
}

}  // namespace greenroom::api
