#include "api/profiles.hpp"

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/social.hpp"
#include "http/json_text.hpp"
#include "http/responses.hpp"
#include "store/blog_repository.hpp"
#include "store/follow_repository.hpp"
#include "store/following_repository.hpp"
#include "store/people_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;
using store::FollowKind;

namespace {

std::optional<d::Cursor> read_cursor(const http::RequestContext& ctx) {
  auto raw = ctx.query("before");
  if (!raw) return std::nullopt;
  auto c = d::decode_cursor(*raw);
  if (!c)
    throw d::bad_request(
        "The before cursor is not one this server gave out; use the \"next\" value of the "
        "previous page.",
        "bad_cursor");
  return c;
}

// The caller's listing: how far into the practice space they read (domain::practice_reach),
// the cursor and the page size.
store::ListingQuery listing(store::Connection& c, const Principal& p,
                            const http::RequestContext& ctx) {
  store::ListingQuery q;
  q.viewer_id = p.user.id;
  q.reach = practice_reach_of(c, p.user.id, p.user.role);
  q.limit = read_limit(ctx, 20, 100);
  q.before = read_cursor(ctx);
  return q;
}

nlohmann::json page_json(const store::Page& page) {
  auto items = nlohmann::json::array();
  for (const auto& p : page.items) items.push_back(post_json(p));
  return {{"items", std::move(items)},
          {"next", page.next ? nlohmann::json(d::encode_cursor(*page.next)) : nullptr}};
}

// The person by username; a disabled account is as unknown as a missing one.
store::UserRecord load_person(store::Connection& c, http::RequestContext& ctx) {
  const auto& name = ctx.params().at("username");
  auto u = store::UserRepository::find_by_username(c, name);
  if (!u || u->disabled) throw d::not_found("The person @" + name);
  return std::move(*u);
}

// The person's published posts the caller may read: company ones, and practice ones exactly
// when the one rule lets the caller see this author's published practice posts.
store::Page person_posts(store::Connection& c, const Principal& p, const store::UserRecord& u,
                         const store::ListingQuery& q) {
  const d::PostFacts practice{0, u.id, d::Space::practice, d::PostState::published, false};
  const bool include_practice = d::can_view_post(p.actor(), practice, relation(c, p.user.id, u.id));
  return store::FollowingRepository::author_posts(c, u.id, include_practice, q);
}

}  // namespace

awaitable<http::Response> following_feed(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  std::string out;
  {
    auto conn = s.reads.acquire();
    auto q = listing(*conn, p, ctx);
    out = page_text(store::FollowingRepository::following_feed(*conn, q));
  }
  co_return http::raw_json_response(http::Status::ok, std::move(out));
}

awaitable<http::Response> topic_posts(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto tag = d::parse_topic(ctx.params().at("tag"));
  if (!tag)
    throw d::bad_request(
        "A topic is a letter followed by up to 49 letters, digits, '_' or '-' (as in #okrs).",
        "bad_topic");
  std::string out;
  {
    auto conn = s.reads.acquire();
    auto q = listing(*conn, p, ctx);
    auto page = store::FollowingRepository::topic_posts(*conn, *tag, q);
    nlohmann::json topic = {
        {"tag", *tag},
        {"followers", store::FollowRepository::follower_count(*conn, FollowKind::topic, 0, *tag)},
        {"followed_by_me",
         store::FollowRepository::follows(*conn, p.user.id, FollowKind::topic, 0, *tag)}};
    out = page_text(page, "\"topic\":" + topic.dump());
  }
  co_return http::raw_json_response(http::Status::ok, std::move(out));
}

awaitable<http::Response> user_profile(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto u = load_person(*conn, ctx);
  auto q = listing(*conn, p, ctx);
  const auto rel = relation(*conn, p.user.id, u.id);
  nlohmann::json person = {{"id", u.id},
                           {"username", u.username},
                           {"display_name", u.display_name},
                           {"role", d::to_string(u.role)}};
  // The training level is between an executive and their coaches.
  if (u.level && d::shows_level(p.actor(), u.id, rel))
    person["training_level"] = d::to_string(*u.level);
  nlohmann::json blog = nullptr;
  if (auto b = store::BlogRepository::find_by_host(*conn, u.id))
    blog = {{"id", b->id}, {"title", b->title}};
  nlohmann::json body = {
      {"user", std::move(person)},
      {"blog", std::move(blog)},
      {"followers", store::FollowRepository::follower_count(*conn, FollowKind::user, u.id, "")},
      {"following", store::FollowRepository::following_count(*conn, u.id)},
      {"followed_by_me", p.user.id != u.id && store::FollowRepository::follows(
                                                  *conn, p.user.id, FollowKind::user, u.id, "")},
      {"is_me", p.user.id == u.id},
      {"posts", page_json(person_posts(*conn, p, u, q))}};
  co_return http::json_response(http::Status::ok, body);
}

awaitable<http::Response> user_posts(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  std::string out;
  {
    auto conn = s.reads.acquire();
    auto u = load_person(*conn, ctx);
    auto q = listing(*conn, p, ctx);
    out = page_text(person_posts(*conn, p, u, q));
  }
  co_return http::raw_json_response(http::Status::ok, std::move(out));
}

awaitable<http::Response> people_lookup(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto prefix = ctx.query("prefix").value_or("");
  if (prefix.empty() || prefix.size() > 64)
    throw d::bad_request("prefix must be 1 to 64 characters (the start of a name).");
  const auto limit = read_limit(ctx, 8, 20);
  // With space=practice each person says whether they could read a practice post of the
  // caller's once it is out (the composer warns about a mention that would not reach them).
  std::optional<d::Space> space;
  if (auto raw = ctx.query("space")) {
    space = d::parse_space(*raw);
    if (!space) throw d::bad_request("space must be \"practice\" or \"company\".");
  }
  auto conn = s.reads.acquire();
  auto items = nlohmann::json::array();
  for (const auto& u : store::PeopleRepository::by_prefix(*conn, prefix, limit)) {
    nlohmann::json item = {{"id", u.id},
                           {"username", u.username},
                           {"display_name", u.display_name},
                           {"role", d::to_string(u.role)}};
    if (space) {
      const d::PostFacts post{0, p.user.id, *space, d::PostState::published, false};
      item["can_see"] =
          d::can_view_post({u.id, u.role, u.level}, post, relation(*conn, u.id, p.user.id));
    }
    items.push_back(std::move(item));
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}, {"next", nullptr}});
}

}  // namespace greenroom::api
