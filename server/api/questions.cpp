#include "api/questions.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/blog_views.hpp"
#include "api/blogs.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/policy.hpp"
#include "domain/blog.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/json_text.hpp"
#include "http/responses.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

store::QuestionRecord reload_question(store::Connection& c, const d::Actor& a, std::int64_t id) {
  auto q = store::QuestionRepository::find(c, id, a.id);
  if (!q || !d::can_view_question(a, q->facts()))
    throw d::not_found("Question " + std::to_string(id));
  return std::move(*q);
}

store::QuestionRecord load_visible_question(Services& s, const Principal& p, std::int64_t id) {
  auto conn = s.reads.acquire();
  return reload_question(*conn, p.actor(), id);
}

awaitable<http::Response> ask_question(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  auto body = read_json_object(ctx, {"body", "anonymous", "topic"});
  store::NewQuestion q;
  q.blog_id = blog.id;
  q.asker_id = p.user.id;
  q.body = require_string(body, "body");
  d::validate_text(q.body, "body", d::kMaxQuestionCodePoints);
  q.anonymous = optional_bool(body, "anonymous").value_or(false);
  q.topic = d::normalise_topic(optional_string(body, "topic"));
  q.pending = blog.premoderated;
  if (blog.host.id == p.user.id) throw d::forbidden("A host does not ask their own blog.");
  enforce_policy(s.policy, q.body, "question");

  auto insert = [q, host_id = blog.host.id, actor = p.actor(),
                 client = ctx.connection().client_ip](store::Connection& c) {
    auto id = store::QuestionRepository::insert(c, q, d::now_millis());
    // An anonymous asker is not named in the audit trail either: only the audited reveal
    // tells a moderator or admin who asked.
    record_audit(c, client, q.anonymous ? std::nullopt : std::optional<std::int64_t>(actor.id),
                 "question_asked", "question", id,
                 {{"blog_id", q.blog_id}, {"anonymous", q.anonymous}, {"pending", q.pending}});
    auto created = *store::QuestionRepository::find(c, id, actor.id);
    if (!q.pending) {
      notify_about(c, host_id, "question_asked",
                   "New question on your blog: \"" + excerpt(q.body) + "\"", "question", id);
      live_events::question_asked(created.facts(), q.blog_id);
    }
    return created;
  };
  auto created = co_await write(s.writer, std::move(insert));
  co_return http::json_response(
      http::Status::created, {{"question", question_json(created, p.actor(), blog.promise_days)}});
}

awaitable<http::Response> list_questions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  auto sort_name = ctx.query("sort").value_or("votes");
  store::QuestionSort sort;
  if (sort_name == "votes")
    sort = store::QuestionSort::votes;
  else if (sort_name == "newest")
    sort = store::QuestionSort::newest;
  else if (sort_name == "unanswered")
    sort = store::QuestionSort::unanswered;
  else
    throw d::bad_request("sort must be \"votes\", \"newest\" or \"unanswered\".");
  auto topic = d::normalise_topic(ctx.query("topic"));
  const auto limit = read_limit(ctx, 50, 200);
  std::optional<d::Cursor> after;
  if (auto raw = ctx.query("before"); raw && !raw->empty()) {
    after = d::decode_cursor(*raw);
    if (!after)
      throw d::bad_request("The before cursor is not one this server gave out; use \"next\".",
                           "bad_cursor");
  }
  const auto actor = p.actor();
  const auto now = d::now_millis();
  // The blog page's hot path: the items are written as JSON text (append_question_json).
  std::string out;
  out.reserve(256 + static_cast<std::size_t>(limit) * 1024);
  out += "{\"items\":[";
  int shown = 0;
  std::optional<std::string> next;
  {
    auto conn = s.reads.acquire();
    // Rows the caller may not see (pending or hidden questions of others) are left out by the
    // rule; keep reading batches until the page is full or the blog has no more.
    const int batch = limit + 1;
    for (int round = 0; round < 50; ++round) {
      auto rows =
          store::QuestionRepository::list(*conn, blog.id, p.user.id, sort, topic, batch, after);
      std::size_t used = 0;
      for (const auto& q : rows) {
        ++used;
        after = store::QuestionRepository::cursor_of(sort, q);
        if (!d::can_view_question(actor, q.facts())) continue;
        if (shown++) out.push_back(',');
        append_question_json(out, q, actor, blog.promise_days, now);
        if (shown == limit) break;
      }
      if (shown == limit) {
        // Another page exists if a row follows the last one shown.
        if (used < rows.size() ||
            !store::QuestionRepository::list(*conn, blog.id, p.user.id, sort, topic, 1, after)
                 .empty())
          next = d::encode_cursor(*after);
        break;
      }
      if (static_cast<int>(rows.size()) < batch) break;
    }
  }
  out += "],\"next\":";
  if (next)
    http::append_json_string(out, *next);
  else
    out += "null";
  out.push_back('}');
  co_return http::raw_json_response(http::Status::ok, std::move(out));
}

awaitable<http::Response> get_question(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto q = load_visible_question(s, p, ctx.id_param());
  auto blog = load_blog(s, q.blog_id);
  co_return http::json_response(http::Status::ok,
                                {{"question", question_json(q, p.actor(), blog.promise_days)}});
}

}  // namespace greenroom::api
