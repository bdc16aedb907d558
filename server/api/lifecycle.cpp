#include "api/lifecycle.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/evidence_recording.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/posts.hpp"
#include "api/references.hpp"
#include "api/social_notices.hpp"
#include "api/views.hpp"
#include "domain/anchoring.hpp"
#include "domain/errors.hpp"
#include "domain/markdown.hpp"
#include "domain/permissions.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

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
  const auto current = load_coached_post(s, p, id);  // 404 before looking at the body
  auto body = read_json_object(ctx, {"body", "space", "share_with_mentor"});
  auto text = optional_string(body, "body");
  auto space_name = optional_string(body, "space");
  auto share = optional_share_with_mentor(body);
  if (!text && !space_name && !share)
    throw d::bad_request(
        "Send a new \"body\", a new \"space\", \"share_with_mentor\", or several.");
  // Articles (blog posts) are long-form Markdown.
  if (text)
    d::validate_text(*text, "body",
                     current.post.blog_id ? d::kMaxArticleCodePoints : d::kMaxPostCodePoints);
  std::optional<d::Space> space;
  if (space_name) {
    space = d::parse_space(*space_name);
    if (!space) throw d::bad_request("space must be \"practice\" or \"company\".");
    if (!d::has_capability(p.user.role, *space == d::Space::company ? d::Capability::post_company
                                                                    : d::Capability::post_practice))
      throw d::forbidden("A " + std::string(d::to_string(p.user.role)) + " may not post in the " +
                         *space_name + " space.");
  }
  auto job = [&s, actor = p.actor(), name = p.user.display_name, id, text, space, share,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_own_post(c, actor.id, id);
    const bool rewrite = text && *text != post.body;
    const bool move = space && *space != post.space;
    // A new text needs an editable post, and a changed approved text goes back to the
    // coaches; a move is a change too (a new version), and sends an approved post back to
    // review where the level needs a coach in the new space. The "show my mentor" switch
    // alone is no edit: it works in any state.
    auto next = post.state;
    if ((text || space) && (rewrite || !move))
      next = d::transition(post.state, d::PostCommand::edit);
    if (move) {
      const auto moved = d::state_after_move(actor, post.state, *space);
      if (!rewrite) next = moved;
    }
    if (rewrite || move) {
      const auto now = d::now_millis();
      store::PostRepository::revise(c, id,
                                    rewrite ? std::optional<std::string_view>(*text) : std::nullopt,
                                    move ? space : std::nullopt, now);
      if (rewrite) store::AnnotationRepository::reanchor_all(c, id, *text);
      if (next != post.state) {
        store::PostRepository::set_state(c, id, next, now);
        notify_coaches(
            c, actor.id, "submission_waiting",
            rewrite ? name + " changed an approved post; it is back in review: \"" +
                          excerpt(*text) + "\""
                    : name + " moved a post to the " + std::string(d::to_string(*space)) +
                          " space; it needs your review again: \"" + excerpt(post.body) + "\"",
            id);
      }
    }
    if (share && *share != post.share_with_mentor) {
      store::PostRepository::set_share_with_mentor(c, id, *share, d::now_millis());
      record_audit(c, client, actor.id,
                   *share ? "post_shared_with_mentor" : "post_unshared_with_mentor", "post", id,
                   nlohmann::json::object());
    }
    if (rewrite || move) {
      // A new version: kept as evidence; back in review, it is handed over again.
      auto saved = *store::PostRepository::find(c, id, actor.id);
      record_coaching_evidence(
          c, s.policy, {id, actor.id, saved.version, &saved.body, saved.blog_id.has_value()},
          next == d::PostState::in_review ? EvidenceKind::submit : EvidenceKind::save,
          next == d::PostState::in_review);
    }
    if (text || space) {
      nlohmann::json detail = nlohmann::json::object();
      if (move) detail["space"] = d::to_string(*space);
      record_audit(c, client, actor.id, "post_edited", "post", id, detail);
    }
    return *store::PostRepository::find(c, id, actor.id);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> submit_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  if (!d::has_capability(p.user.role, d::Capability::submit_for_review))
    throw d::forbidden("Only executives submit posts for review.");
  auto job = [&s, uid = p.user.id, name = p.user.display_name, id,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_own_post(c, uid, id);
    auto next = d::transition(post.state, d::PostCommand::submit);
    enforce_policy(s.policy, post.body, post.blog_id ? "article" : "post",
                   post.blog_id.has_value());
    store::PostRepository::set_state(c, id, next, d::now_millis());
    record_coaching_evidence(c, s.policy,
                             {id, uid, post.version, &post.body, post.blog_id.has_value()},
                             EvidenceKind::submit, true);
    notify_coaches(c, uid, "submission_waiting",
                   name + " submitted a post for review: \"" + excerpt(post.body) + "\"", id);
    record_audit(c, client, uid, "post_submitted", "post", id);
    return *store::PostRepository::find(c, id, uid);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> publish_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [&s, actor = p.actor(), id,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_own_post(c, actor.id, id);
    auto next = d::transition(post.state, d::PostCommand::publish);
    // A draft goes out directly only when the training level allows it there; an approved
    // post only when a coach approved this very version (text and space).
    if (post.state == d::PostState::draft)
      d::decide_new_post(actor, post.space, d::PostAction::publish);
    if (post.state == d::PostState::approved && d::needs_review(actor, post.space) &&
        !store::ReviewRepository::approves_version(c, id, post.version))
      d::decide_new_post(actor, post.space, d::PostAction::publish);
    enforce_policy(s.policy, post.body, post.blog_id ? "article" : "post",
                   post.blog_id.has_value());
    store::PostRepository::set_state(c, id, next, d::now_millis());
    // Published without a coach's approval of this version: handed over to readers directly.
    record_coaching_evidence(c, s.policy,
                             {id, actor.id, post.version, &post.body, post.blog_id.has_value()},
                             EvidenceKind::publish, post.state != d::PostState::approved);
    record_audit(c, client, actor.id, "post_published", "post", id);
    auto published = *store::PostRepository::find(c, id, actor.id);
    save_references(c, published, nullptr, published.author.display_name, true);
    live_events::post_published(published.facts());
    announce_article(c, published);
    return published;
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> withdraw_post(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  load_coached_post(s, p, id);
  auto job = [uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_own_post(c, uid, id);
    auto next = d::transition(post.state, d::PostCommand::withdraw);
    store::PostRepository::set_state(c, id, next, d::now_millis());
    record_audit(c, client, uid, "post_withdrawn", "post", id);
    return *store::PostRepository::find(c, id, uid);
  };
  co_return post_response(co_await write(s.writer, std::move(job)));
}

awaitable<http::Response> post_versions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto conn = s.reads.acquire();
  // The author and their coaches see every version with its notes and a pending correction;
  // readers of a corrected ("edited") published post see its published versions only.
  std::optional<CoachedPost> cp;
  try {
    cp = load_coached_post(*conn, p.user.id, id);
  } catch (const d::Error& e) {
    if (e.kind() != d::ErrorKind::not_found) throw;
  }
  store::PostRecord post;
  if (cp) {
    post = cp->post;
  } else {
    post = load_visible_post(s, p, id);
    if (!post.edited_at) throw d::not_found("Post " + std::to_string(id) + " history");
  }
  auto versions = store::PostRepository::versions(*conn, post.id);
  std::vector<store::AnnotationRecord> annotations;
  if (cp) annotations = store::AnnotationRepository::for_post(*conn, post.id);
  auto items = nlohmann::json::array();
  for (const auto& v : versions) {
    // A pending correction is for the author and their coaches, not a reverse mentor.
    if (v.pending && (!cp || cp->is_mentor)) continue;
    auto made_on = nlohmann::json::array();
    for (const auto& a : annotations) {
      if (a.version != v.version) continue;
      // Each version shows its own words: the note's anchor where it was on this text
      // (`current` is where the words are now, or were last seen).
      auto j = annotation_json(a);
      j["current"] = j["anchor"];
      if (auto then = d::make_anchor(v.body, static_cast<std::size_t>(a.orig_start),
                                     static_cast<std::size_t>(a.orig_end)))
        j["anchor"] = {{"exact", then->exact},
                       {"prefix", then->prefix},
                       {"suffix", then->suffix},
                       {"start", then->start},
                       {"end", then->end}};
      made_on.push_back(std::move(j));
    }
    items.push_back({{"version", v.version},
                     {"body", v.body},
                     {"space", d::to_string(v.space)},
                     {"created_at", d::format_rfc3339(v.created_at)},
                     {"pending", v.pending},
                     {"annotations", std::move(made_on)}});
  }
  co_return http::json_response(http::Status::ok,
                                {{"post", post_json(post)}, {"items", std::move(items)}});
}

}  // namespace greenroom::api
