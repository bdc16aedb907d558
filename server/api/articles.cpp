#include "api/articles.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/blogs.hpp"
#include "api/coaching.hpp"
#include "api/evidence_recording.hpp"
#include "api/json_body.hpp"
#include "api/policy.hpp"
#include "api/social_notices.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/markdown.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"
#include "http/responses.hpp"
#include "store/post_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

awaitable<http::Response> create_article(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  if (blog.host.id != p.user.id) throw d::forbidden("Only the blog's host writes its articles.");
  auto body = read_json_object(ctx, {"body", "action"});
  auto text = require_string(body, "body");
  auto action = d::parse_action(optional_string(body, "action").value_or("publish"));
  if (!action) throw d::bad_request("action must be \"draft\", \"submit\" or \"publish\".");
  d::validate_text(text, "body", d::kMaxArticleCodePoints);
  // The same path as a company post: Crawl and Walk hosts need a coach's approval.
  const auto state = d::decide_new_post(p.actor(), d::Space::company, *action);
  if (state != d::PostState::draft) enforce_policy(s.policy, text, "article", true);

  auto insert = [&policy = s.policy, uid = p.user.id, name = p.user.display_name, blog_id = blog.id,
                 state, text = std::move(text),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto id =
        store::PostRepository::insert(c, {uid, d::Space::company, state, text}, d::now_millis());
    store::BlogRepository::attach_article(c, id, blog_id);
    record_coaching_evidence(c, policy, {id, uid, 1, &text, true},
                             state == d::PostState::draft       ? EvidenceKind::save
                             : state == d::PostState::in_review ? EvidenceKind::submit
                                                                : EvidenceKind::publish,
                             state != d::PostState::draft);
    record_audit(c, client, uid, "article_created", "post", id,
                 {{"blog_id", blog_id}, {"state", d::to_string(state)}});
    if (state == d::PostState::in_review)
      notify_coaches(c, uid, "submission_waiting",
                     name + " submitted an article for review: \"" + excerpt(text) + "\"", id);
    auto article = *store::PostRepository::find(c, id, uid);
    announce_article(c, article);
    return article;
  };
  auto post = co_await write(s.writer, std::move(insert));
  co_return http::json_response(http::Status::created, {{"post", post_json(post)}});
}

awaitable<http::Response> list_articles(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  const auto limit = read_limit(ctx, 20, 100);
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    // Each article is shown to whoever the one rule lets see it (drafts: host and coaches).
    const auto rel = relation(*conn, p.user.id, blog.host.id);
    for (auto id : store::BlogRepository::article_ids(*conn, blog.id, 500)) {
      if (static_cast<int>(items.size()) >= limit) break;
      auto post = store::PostRepository::find(*conn, id, p.user.id);
      if (post && d::can_view_post(p.actor(), post->facts(), rel))
        items.push_back(post_json(*post));
    }
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> preview_markdown(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto body = read_json_object(ctx, {"body"});
  auto text = require_string(body, "body");
  if (!d::is_valid_utf8(text)) throw d::bad_request("body must be valid UTF-8 text.");
  if (d::code_point_count(text) > d::kMaxArticleCodePoints)
    throw d::bad_request("body is too long; articles have at most 50000 characters.");
  co_return http::json_response(http::Status::ok, {{"html", d::render_markdown(text)}});
}

}  // namespace greenroom::api
