#include "api/notifications.hpp"

#include <map>

#include "api/async.hpp"
#include "api/auth.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/visibility.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"
#include "store/question_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {
// A notification about a post the reader may no longer see (a coach unassigned or disabled,
// a post hidden or removed) is left out: its message quotes the post.
bool post_visible(store::Connection& c, const d::Actor& reader, std::int64_t post_id) {
  auto post = store::PostRepository::find(c, post_id, reader.id);
  return post && d::can_view_post(reader, post->facts(), relation(c, reader.id, post->author.id));
}
// A notice about a blog question the reader may no longer see (hidden or removed) is left
// out the same way.
bool question_visible(store::Connection& c, const d::Actor& reader, std::int64_t question_id) {
  auto q = store::QuestionRepository::find(c, question_id, reader.id);
  return q && d::can_view_question(reader, q->facts());
}

bool notice_visible(store::Connection& c, const d::Actor& reader,
                    const store::NotificationRecord& n) {
  if (n.post_id && !post_visible(c, reader, *n.post_id)) return false;
  if (n.target_type == "question" && n.target_id && !question_visible(c, reader, *n.target_id))
    return false;
  return true;
}
}  // namespace

std::int64_t visible_unread_count(store::Connection& c, const d::Actor& reader) {
  std::int64_t count = 0;
  // A coach's unread notices name many posts of a few executives: one relation per author
  // (each is a query over coaching assignments), not one per post. /me and every new notice
  // (announce_unread, on the writer) count them.
  std::map<std::int64_t, d::Relation> relations;
  for (const auto& [post_id, n] : store::NotificationRepository::unread_by_post(c, reader.id)) {
    if (!post_id) {
      count += n;
      continue;
    }
    auto post = store::PostRepository::find(c, *post_id, reader.id);
    if (!post) continue;
    auto [it, fresh] = relations.try_emplace(post->author.id);
    if (fresh) it->second = relation(c, reader.id, post->author.id);
    if (d::can_view_post(reader, post->facts(), it->second)) count += n;
  }
  for (const auto& [question_id, n] :
       store::NotificationRepository::unread_by_question(c, reader.id))
    if (!question_visible(c, reader, question_id)) count -= n;
  return count;
}

awaitable<http::Response> list_notifications(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto limit = read_limit(ctx, 20, 100);
  const bool unread = ctx.query("unread").value_or("false") == "true";
  std::optional<std::int64_t> before;
  if (auto raw = ctx.query("before")) {
    auto c = d::decode_cursor(*raw);
    if (!c)
      throw d::bad_request("The before cursor is not one this server gave out.", "bad_cursor");
    before = c->id;
  }
  auto conn = s.reads.acquire();
  auto list = store::NotificationRepository::list(*conn, p.user.id, unread, before, limit + 1);
  nlohmann::json next = nullptr;
  if (list.size() > static_cast<std::size_t>(limit)) {
    list.pop_back();
    next = d::encode_cursor({list.back().id, list.back().id});
  }
  // A notice about a post the reader may no longer see (hidden or removed since) is left out.
  auto items = nlohmann::json::array();
  for (const auto& n : list)
    if (notice_visible(*conn, p.actor(), n)) items.push_back(notification_json(n));
  co_return http::json_response(http::Status::ok,
                                {{"items", std::move(items)},
                                 {"next", next},
                                 {"unread_count", visible_unread_count(*conn, p.actor())}});
}

awaitable<http::Response> read_notifications(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"ids", "all"});
  if (body.contains("all") && !body["all"].is_boolean())
    throw d::bad_request("all must be true or false.");
  const bool all = body.contains("all") && body["all"].get<bool>();
  std::vector<std::int64_t> ids;
  if (!all) {
    auto it = body.find("ids");
    if (it == body.end() || !it->is_array() || it->empty() || it->size() > 500)
      throw d::bad_request("Send {\"ids\":[...]} (1 to 500 notification ids) or {\"all\":true}.");
    for (const auto& v : *it) {
      if (!v.is_number_integer()) throw d::bad_request("ids must be notification ids (numbers).");
      ids.push_back(v.get<std::int64_t>());
    }
  }
  auto job = [uid = p.user.id, reader = p.actor(), all, ids](store::Connection& c) {
    const auto now = d::now_millis();
    if (all)
      store::NotificationRepository::mark_all_read(c, uid, now);
    else
      store::NotificationRepository::mark_read(c, uid, ids, now);
    const auto unread = visible_unread_count(c, reader);
    live_events::unread_changed(uid, unread);  // the user's other tabs
    return unread;
  };
  auto unread = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"unread_count", unread}});
}

}  // namespace greenroom::api
