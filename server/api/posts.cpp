#include "api/posts.hpp"

#include <map>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/coaching.hpp"
#include "api/drills.hpp"
#include "api/evidence_recording.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/policy.hpp"
#include "api/references.hpp"
#include "api/social_notices.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/moderation.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/json_text.hpp"
#include "http/responses.hpp"
#include "store/mentorship_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

d::Error thread_locked() {
  return d::conflict("This thread is locked by a moderator; it takes no new replies.",
                     "thread_locked");
}

// Inside a write: the post must still exist and be published (it may have changed since
// the visibility check).
void require_published(store::Connection& c, std::int64_t post_id, bool for_reply = false) {
  auto q = c.prepare("SELECT state, locked_at IS NOT NULL FROM posts WHERE id = ?1");
  q.bind(1, post_id);
  if (!q.step() || q.text(0) != "published")
    throw d::conflict("Replies and likes are only possible on published posts.");
  if (for_reply && !d::accepts_replies(q.int64(1) != 0)) throw thread_locked();
}

std::optional<d::Cursor> read_cursor(const http::RequestContext& ctx) {
  auto raw = ctx.query("before");
  if (!raw) return std::nullopt;
  auto c = d::decode_cursor(*raw);
  if (!c)
    throw d::bad_request(
        "The before cursor is not one this server gave out; use the \"next\" "
        "value of the previous page.",
        "bad_cursor");
  return c;
}

http::Response page_response(const store::Page& page) {
  return http::raw_json_response(http::Status::ok, page_text(page));
}

}  // namespace

store::PostRecord load_visible_post(Services& s, const Principal& p, std::int64_t post_id) {
  auto conn = s.reads.acquire();
  auto post = store::PostRepository::find(*conn, post_id, p.user.id);
  if (post) {
    auto rel = relation(*conn, p.user.id, post->author.id);
    if (d::can_view_post(p.actor(), post->facts(), rel)) return std::move(*post);
  }
  throw d::not_found("Post " + std::to_string(post_id));
}

awaitable<http::Response> create_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"body", "space", "action", "drill_id"});
  auto text = require_string(body, "body");
  auto space_name = require_string(body, "space");
  std::optional<std::int64_t> drill_id;
  if (auto it = body.find("drill_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      throw d::bad_request("drill_id must be the id of a drill assigned to you.");
    drill_id = it->get<std::int64_t>();
  }
  auto action_name = optional_string(body, "action").value_or("publish");
  auto space = d::parse_space(space_name);
  if (!space) throw d::bad_request("space must be \"practice\" or \"company\".");
  auto action = d::parse_action(action_name);
  if (!action) throw d::bad_request("action must be \"draft\", \"submit\" or \"publish\".");
  d::validate_text(text, "body", d::kMaxPostCodePoints);
  if (drill_id) {  // 404 for a drill the caller may not know of, before anything else
    auto conn = s.reads.acquire();
    check_drill_post(*conn, p.user.id, *drill_id, *space);
  }
  const auto state = d::decide_new_post(p.actor(), *space, *action);
  // One lint for both the golden rules' check and the coaching evidence, here rather than on
  // the writer thread (enforce_policy lints again only to word its refusal).
  auto found = lint_version(s.policy, text, false);
  if (state != d::PostState::draft && d::has_errors(found.findings)) enforce_policy(s.policy, text);

  auto insert = [found = std::move(found), uid = p.user.id, name = p.user.display_name,
                 space = *space, state, text = std::move(text), drill_id,
                 client = ctx.connection().client_ip](store::Connection& c) {
    if (drill_id) check_drill_post(c, uid, *drill_id, space);
    auto id = store::PostRepository::insert(c, {uid, space, state, text}, d::now_millis());
    record_audit(c, client, uid, "post_created", "post", id,
                 nlohmann::json{{"space", d::to_string(space)}, {"state", d::to_string(state)}});
    if (drill_id) start_drill(c, *drill_id, id, name, client);
    if (state == d::PostState::in_review)
      notify_coaches(c, uid, "submission_waiting",
                     name + " submitted a post for review: \"" + excerpt(text) + "\"", id);
    auto post = *store::PostRepository::find(c, id, uid);
    record_coaching_evidence(c, {id, uid, post.version, &post.body}, found,
                             state == d::PostState::draft       ? EvidenceKind::save
                             : state == d::PostState::in_review ? EvidenceKind::submit
                                                                : EvidenceKind::publish,
                             state != d::PostState::draft);
    save_references(c, post, nullptr, name, state == d::PostState::published);
    if (state == d::PostState::published) live_events::post_published(post.facts());
    return post;
  };
  auto post = co_await write(s.writer, std::move(insert));
  // Written straight as text, like the feed's pages: the busiest write's answer.
  std::string out = "{\"post\":";
  append_post_json(out, post);
  out.push_back('}');
  co_return http::raw_json_response(http::Status::created, std::move(out));
}

awaitable<http::Response> get_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto post = load_visible_post(s, p, ctx.id_param());
  auto list = nlohmann::json::array();
  nlohmann::json drill = nullptr;  // the drill the post was written for, if the caller may know it
  {
    auto conn = s.reads.acquire();
    if (auto dr = store::DrillRepository::find_by_post(*conn, post.id);
        dr && d::can_view_drill(p.actor(), dr->executive_id,
                                relation(*conn, p.user.id, dr->executive_id)))
      drill = drill_json(*dr, d::now_millis());
    // Each reply is shown to whoever the rule lets see it (held ones: the author and coaches).
    std::map<std::int64_t, d::Relation> relations;  // per reply author (drill executive)
    for (const auto& r : store::PostRepository::replies(*conn, post.id, 1000)) {
      const auto subject = d::reply_relation_subject(r.facts());
      auto [it, fresh] = relations.try_emplace(subject);
      if (fresh) it->second = relation(*conn, p.user.id, subject);
      if (d::can_view_reply(p.actor(), r.facts(), it->second)) list.push_back(reply_json(r));
    }
  }
  co_return http::json_response(
      http::Status::ok,
      {{"post", post_json(post)}, {"replies", std::move(list)}, {"drill", std::move(drill)}});
}

awaitable<http::Response> add_reply(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto post = load_visible_post(s, p, ctx.id_param());
  auto body = read_json_object(ctx, {"body", "persona_id"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", d::kMaxReplyCodePoints);
  std::optional<std::int64_t> persona_id;
  if (auto it = body.find("persona_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      throw d::bad_request("persona_id must be the id of a persona of this post's drill.");
    persona_id = it->get<std::int64_t>();
  }
  if (persona_id) {  // 404 / 403 / 422 / 409 before anything else about the reply
    auto conn = s.reads.acquire();
    drill_reply(*conn, p.user.id, post.id, persona_id);
  }
  if (!d::accepts_engagement(post.facts()))
    throw d::conflict("Replies are only possible on published posts; this one is " +
                      std::string(d::to_string(post.state)) + ".");
  if (!d::accepts_replies(post.locked)) throw thread_locked();
  // The same golden rules as posts, and for a Crawl executive in the company space the same
  // review: the reply waits for a coach's approval, seen only by the author and coaches.
  enforce_policy(s.policy, text, "reply");
  const auto decided = d::decide_new_reply(p.actor(), post.space);
  auto insert = [pid = post.id, uid = p.user.id, name = p.user.display_name, decided, persona_id,
                 text = std::move(text),
                 client = ctx.connection().client_ip](store::Connection& c) {
    require_published(c, pid, true);
    // In a drill, a persona reply and the executive's answer stay between the executive and
    // their coaches (private_to); an answer waits for a coach's review like a held reply.
    const auto dr = drill_reply(c, uid, pid, persona_id);
    const auto review = dr.answer ? d::ReplyReview::in_review : decided;
    auto reply = store::PostRepository::add_reply(
        c, pid, uid, text, d::now_millis(), review, dr.drill ? dr.drill->executive_id : 0,
        dr.persona ? std::optional<std::int64_t>(dr.persona->id) : std::nullopt);
    record_audit(c, client, uid, "reply_created", "reply", reply.id, {{"post_id", pid}});
    announce_drill_reply(c, dr, reply.id, name, text, uid, client);
    if (review == d::ReplyReview::in_review && !dr.drill)
      notify_coaches(c, uid, "submission_waiting",
                     name + " replied in the company space; the reply waits for your review: \"" +
                         excerpt(text) + "\"",
                     pid);
    if (auto now = store::PostRepository::find(c, pid, uid)) {
      save_references(c, *now, &reply, name, d::is_reply_public(reply.facts()));
      notify_reply(c, *now, reply, name);
      live_events::reply_created(now->facts(), reply.facts());
      if (d::is_reply_public(reply.facts()))
        live_events::post_counts(now->facts(), now->like_count, now->reply_count);
    }
    return reply;
  };
  auto reply = co_await write(s.writer, std::move(insert));
  co_return http::json_response(http::Status::created, {{"reply", reply_json(reply)}});
}

namespace {
awaitable<http::Response> set_like(Services& s, http::RequestContext& ctx, bool liked) {
  auto p = authenticate(s, ctx);
  auto post = load_visible_post(s, p, ctx.id_param());
  if (!d::accepts_engagement(post.facts()))
    throw d::conflict("Likes are only possible on published posts; this one is " +
                      std::string(d::to_string(post.state)) + ".");
  auto change = [pid = post.id, uid = p.user.id, name = p.user.display_name, liked,
                 client = ctx.connection().client_ip](store::Connection& c) {
    require_published(c, pid);
    const auto changes_before = sqlite3_total_changes(c.handle());
    const auto at = d::now_millis();
    auto count = liked ? store::PostRepository::like(c, pid, uid, at)
                       : store::PostRepository::unlike(c, pid, uid);
    if (sqlite3_total_changes(c.handle()) != changes_before) {  // idempotent: real changes
      record_audit(c, client, uid, liked ? "post_liked" : "post_unliked", "post", pid);
      if (auto now = store::PostRepository::find(c, pid, uid)) {
        live_events::post_counts(now->facts(), now->like_count, now->reply_count);
        if (liked) notify_like(c, *now, uid, name, at);
      }
    }
    return count;
  };
  auto count = co_await write(s.writer, std::move(change));
  co_return http::json_response(http::Status::ok, {{"like_count", count}, {"liked_by_me", liked}});
}
}  // namespace

awaitable<http::Response> like_post(Services& s, http::RequestContext& ctx) {
  co_return co_await set_like(s, ctx, true);
}

awaitable<http::Response> unlike_post(Services& s, http::RequestContext& ctx) {
  co_return co_await set_like(s, ctx, false);
}

awaitable<http::Response> feed(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  store::FeedQuery q;
  auto space_name = ctx.query("space").value_or("company");
  auto space = d::parse_space(space_name);
  if (!space) throw d::bad_request("space must be \"practice\" or \"company\".");
  q.space = *space;
  q.viewer_id = p.user.id;
  q.limit = read_limit(ctx, 20, 100);
  q.before = read_cursor(ctx);
  if (q.space == d::Space::practice) {
    bool mentor = false;
    if (!d::has_capability(p.user.role, d::Capability::read_practice_feed)) {
      auto conn = s.reads.acquire();
      mentor = store::MentorshipRepository::mentors_anyone(*conn, p.user.id);
    }
    q.reach = d::practice_reach(p.user.role, mentor);
    if (q.reach == d::PracticeReach::none)
      throw d::forbidden(
          "The practice space is for executives, their coaches, their reverse mentors and "
          "moderators.");
  }
  store::Page page;
  {
    auto conn = s.reads.acquire();
    page = store::PostRepository::feed(*conn, q);
  }
  co_return page_response(page);
}

awaitable<http::Response> my_posts(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto limit = read_limit(ctx, 20, 100);
  auto before = read_cursor(ctx);
  store::Page page;
  {
    auto conn = s.reads.acquire();
    page = store::PostRepository::by_author(*conn, p.user.id, before, limit);
  }
  co_return page_response(page);
}

}  // namespace greenroom::api
