#include "api/reading.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/mentoring_views.hpp"
#include "api/reading_fetcher.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/feed_url.hpp"
#include "domain/permissions.hpp"
#include "domain/reading.hpp"
#include "http/responses.hpp"
#include "store/following_repository.hpp"
#include "store/post_repository.hpp"
#include "store/reading_entry_repository.hpp"
#include "store/reading_feed_repository.hpp"
#include "store/reading_post_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

nlohmann::json time_or_null(const std::optional<d::Millis>& t) {
  return t ? nlohmann::json(d::format_rfc3339(*t)) : nlohmann::json(nullptr);
}

nlohmann::json text_or_null(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

nlohmann::json feed_json(const store::ExternalFeedRecord& f) {
  nlohmann::json error = nullptr;
  if (f.last_error_code)
    error = {{"code", *f.last_error_code}, {"message", f.last_error_message.value_or("")}};
  return {{"id", f.id},
          {"url", f.url},
          {"host", f.host},
          {"title", f.title},
          {"site_link", text_or_null(f.site_link)},
          {"subscribed_at", d::format_rfc3339(f.subscribed_at)},
          {"last_attempt_at", time_or_null(f.last_attempt_at)},
          {"last_success_at", time_or_null(f.last_success_at)},
          {"next_fetch_at", d::format_rfc3339(f.next_fetch_at)},
          {"last_error", error}};
}

nlohmann::json entry_json(const store::FeedEntryRecord& e) {
  return {{"kind", "entry"},
          {"id", e.id},
          {"feed", {{"id", e.feed_id}, {"title", e.feed_title}, {"url", e.feed_url}}},
          {"title", e.title},
          {"link", text_or_null(e.link)},
          {"summary", e.summary},
          {"published_at", time_or_null(e.published_at)},
          {"updated_at", time_or_null(e.updated_at)},
          {"date", d::format_rfc3339(e.sort_at)},
          {"read", e.read_at.has_value()},
          {"read_at", time_or_null(e.read_at)}};
}

// A followed post in the reading view: the post as the feeds show it, and the reader's marker.
nlohmann::json post_item_json(const store::PostRecord& p, std::optional<d::Millis> read_at) {
  return {{"kind", "post"},
          {"id", p.id},
          {"date", d::format_rfc3339(p.published_at.value_or(p.created_at))},
          {"read", read_at.has_value()},
          {"read_at", time_or_null(read_at)},
          {"post", post_json(p)}};
}

// New since yesterday and the "new" ceiling for followed posts (the count stays cheap).
constexpr int kNewPostsCap = 999;

bool read_flag(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw || *raw == "false" || *raw == "0") return false;
  if (*raw == "true" || *raw == "1") return true;
  throw d::bad_request("The " + std::string(name) + " parameter is true or false.",
                       "invalid_parameter");
}

}  // namespace

awaitable<http::Response> list_reading_feeds(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    for (const auto& f : store::ExternalFeedRepository::subscribed(*conn, p.user.id))
      items.push_back(feed_json(f));
  }
  co_return http::json_response(http::Status::ok, list_json(std::move(items), std::nullopt));
}

awaitable<http::Response> subscribe_feed(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"url"});
  const auto raw = require_string(body, "url");
  auto url = d::parse_feed_url(raw);
  if (!url)
    throw d::bad_request(
        "The feed address must be an absolute http:// or https:// URL (at most 2000 "
        "characters, no spaces or user name), such as https://news.example.com/feed.xml.",
        "invalid_feed_url");
  auto job = [uid = p.user.id, target = *url,
              client = ctx.connection().client_ip](store::Connection& c) {
    if (!store::FeedHostRepository::allowed(c, target.host))
      throw d::Error(d::ErrorKind::unprocessable, "feed_host_not_allowed",
                     "Greenroom reads external feeds only from hosts an admin has allowed, and " +
                         target.host + " is not one of them. Ask an admin to allow it.");
    if (store::ExternalFeedRepository::subscription_count(c, uid) >= d::kMaxSubscriptionsPerPerson)
      throw d::Error(d::ErrorKind::unprocessable, "too_many_feeds",
                     "You follow " + std::to_string(d::kMaxSubscriptionsPerPerson) +
                         " feeds already, the most one person may; unsubscribe from one first.");
    const auto now = d::now_millis();
    auto feed = store::ExternalFeedRepository::find_or_create(c, target.text(), target.host, now);
    if (store::ExternalFeedRepository::subscription(c, uid, feed.id))
      throw d::conflict("You already follow this feed.", "already_subscribed");
    store::ExternalFeedRepository::subscribe(c, uid, feed.id, now);
    record_audit(c, client, uid, "feed_subscribed", "external_feed", feed.id, {{"url", feed.url}});
    return *store::ExternalFeedRepository::subscription(c, uid, feed.id);
  };
  auto feed = co_await write(s.writer, std::move(job));
  if (s.feeds) s.feeds->wake();
  co_return http::json_response(http::Status::created, {{"feed", feed_json(feed)}});
}

awaitable<http::Response> unsubscribe_feed(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto feed_id = ctx.id_param("id");
  auto job = [uid = p.user.id, feed_id, client = ctx.connection().client_ip](store::Connection& c) {
    auto feed = store::ExternalFeedRepository::subscription(c, uid, feed_id);
    if (!feed) throw d::not_found("Feed " + std::to_string(feed_id));
    store::ExternalFeedRepository::unsubscribe(c, uid, feed_id);
    record_audit(c, client, uid, "feed_unsubscribed", "external_feed", feed_id,
                 {{"url", feed->url}});
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}

awaitable<http::Response> reading_view(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto limit = read_limit(ctx, 30, 100);
  std::optional<d::ReadingPosition> after;
  if (auto raw = read_before(ctx)) {
    after = d::reading_position(*raw);
    if (!after)
      throw d::bad_request(
          "The before cursor is not one this server gave out; use the \"next\" value of the "
          "previous page.",
          "bad_cursor");
  }
  const bool unread_only = read_flag(ctx, "unread");
  const auto now = d::now_millis();
  const auto today = d::utc_day(now);
  store::Page posts;
  store::FeedEntryPage entries;
  std::unordered_map<std::int64_t, d::Millis> post_reads;
  int new_since = 0, days = 0, feeds = 0;
  bool day_known = true;
  {
    auto conn = s.reads.acquire();
    // Two newest-first lists, each read from its own keyset cursor and bounded by the page
    // size: the Following feed (the same query and visibility as GET /feed/following) and
    // the external entries. They are merged below.
    store::ListingQuery q;
    q.viewer_id = p.user.id;
    q.reach = practice_reach_of(*conn, p.user.id, p.user.role);
    q.limit = limit;
    if (after) q.before = d::posts_after(*after);
    posts = store::FollowingRepository::reading_posts(*conn, q, unread_only);
    entries = store::FeedEntryRepository::for_reader(
        *conn, p.user.id, after ? std::optional(d::entries_after(*after)) : std::nullopt,
        unread_only, limit);
    std::vector<std::int64_t> ids;
    for (const auto& post : posts.items) ids.push_back(post.id);
    post_reads = store::ReadingPostRepository::read_times(*conn, p.user.id, ids);
    new_since =
        store::FeedEntryRepository::unread_since(*conn, p.user.id, now - d::kNewSinceWindow) +
        store::FollowingRepository::unread_following_since(*conn, q, now - d::kNewSinceWindow,
                                                           kNewPostsCap);
    day_known = store::FeedEntryRepository::has_reading_day(*conn, p.user.id, today);
    days = store::FeedEntryRepository::reading_days_since(*conn, p.user.id,
                                                          d::utc_day(now - 29LL * 86400 * 1000));
    feeds = store::ExternalFeedRepository::subscription_count(*conn, p.user.id);
  }
  // Opening the reading view (its first page) makes today a reading day (a goal metric).
  if (!day_known && !after) {
    auto job = [uid = p.user.id, today](store::Connection& c) {
      store::FeedEntryRepository::record_reading_day(c, uid, today);
    };
    co_await write(s.writer, std::move(job));
    ++days;
  }
  // The k-way (here two-way) merge: newest first, at most `limit`.
  auto items = nlohmann::json::array();
  std::size_t i = 0, j = 0;
  std::optional<d::ReadingPosition> last;
  auto post_at = [&](std::size_t k) {
    const auto& post = posts.items[k];
    return d::ReadingPosition{post.published_at.value_or(post.created_at), d::ReadingKind::post,
                              post.id};
  };
  auto entry_at = [&](std::size_t k) {
    return d::ReadingPosition{entries.items[k].sort_at, d::ReadingKind::entry, entries.items[k].id};
  };
  while (static_cast<int>(items.size()) < limit &&
         (i < posts.items.size() || j < entries.items.size())) {
    const bool take_post = j >= entries.items.size() ||
                           (i < posts.items.size() && d::reading_before(post_at(i), entry_at(j)));
    if (take_post) {
      const auto& post = posts.items[i];
      auto read = post_reads.find(post.id);
      items.push_back(post_item_json(
          post, read == post_reads.end() ? std::nullopt : std::optional(read->second)));
      last = post_at(i++);
    } else {
      items.push_back(entry_json(entries.items[j]));
      last = entry_at(j++);
    }
  }
  const bool more = i < posts.items.size() || j < entries.items.size() || posts.next.has_value() ||
                    entries.next.has_value();
  auto out = list_json(std::move(items),
                       more && last ? std::optional(d::reading_cursor(*last)) : std::nullopt);
  out["new_since_yesterday"] = new_since;
  out["stats"] = {{"feeds", feeds}, {"reading_days_30", days}};
  co_return http::json_response(http::Status::ok, out);
}

namespace {

awaitable<http::Response> set_read(Services& s, http::RequestContext& ctx, bool read) {
  auto p = authenticate(s, ctx);
  const auto entry_id = ctx.id_param("id");
  auto job = [uid = p.user.id, entry_id, read](store::Connection& c) {
    if (!store::FeedEntryRepository::for_reader_by_id(c, uid, entry_id))
      throw d::not_found("Entry " + std::to_string(entry_id));
    if (read)
      store::FeedEntryRepository::mark_read(c, uid, entry_id, d::now_millis());
    else
      store::FeedEntryRepository::mark_unread(c, uid, entry_id);
    return *store::FeedEntryRepository::for_reader_by_id(c, uid, entry_id);
  };
  auto entry = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"item", entry_json(entry)}});
}

}  // namespace

namespace {

// A followed post's marker: any published post the caller may see right now (the one rule);
// 404 for anything else, as if it did not exist.
awaitable<http::Response> set_post_read(Services& s, http::RequestContext& ctx, bool read) {
  auto p = authenticate(s, ctx);
  const auto post_id = ctx.id_param("id");
  auto job = [uid = p.user.id, actor = p.actor(), post_id, read](store::Connection& c) {
    auto post = store::PostRepository::find(c, post_id, uid);
    if (!post || post->state != d::PostState::published ||
        !d::can_view_post(actor, post->facts(), relation(c, uid, post->author.id)))
      throw d::not_found("Post " + std::to_string(post_id));
    if (read)
      store::ReadingPostRepository::mark_read(c, uid, post_id, d::now_millis());
    else
      store::ReadingPostRepository::mark_unread(c, uid, post_id);
    return post_item_json(*post, store::ReadingPostRepository::read_at(c, uid, post_id));
  };
  auto item = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"item", std::move(item)}});
}

}  // namespace

awaitable<http::Response> mark_post_read(Services& s, http::RequestContext& ctx) {
  return set_post_read(s, ctx, true);
}

awaitable<http::Response> mark_post_unread(Services& s, http::RequestContext& ctx) {
  return set_post_read(s, ctx, false);
}

awaitable<http::Response> mark_entry_read(Services& s, http::RequestContext& ctx) {
  return set_read(s, ctx, true);
}

awaitable<http::Response> mark_entry_unread(Services& s, http::RequestContext& ctx) {
  return set_read(s, ctx, false);
}

}  // namespace greenroom::api
