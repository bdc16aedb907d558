#include "api/feeds.hpp"

#include <algorithm>
#include <ctime>

#include "api/async.hpp"
#include "api/atom.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/credentials.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/social.hpp"
#include "http/responses.hpp"
#include "store/blog_repository.hpp"
#include "store/feed_token_repository.hpp"
#include "store/following_repository.hpp"
#include "store/post_repository.hpp"
#include "store/question_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;
using boost::asio::awaitable;

namespace {

constexpr int kEntries = 50;

std::string token_for(const Services& s, std::int64_t user_id, std::int64_t generation) {
  return hmac_token(s.settings.feed_key, "greenroom feed v1:" + std::to_string(user_id) + ":" +
                                             std::to_string(generation));
}

nlohmann::json token_json(const std::string& token, const std::string& username,
                          d::Millis created_at) {
  const std::string base = "/feeds/" + token;
  return {{"token", token},
          {"created_at", d::format_rfc3339(created_at)},
          {"feeds",
           {{"company", base + "/company.atom"}, {"mine", base + "/users/" + username + ".atom"}}}};
}

std::string origin(const http::RequestContext& ctx) {
  auto host = ctx.request()[boost::beast::http::field::host];
  return std::string(ctx.connection().tls ? "https://" : "http://") + std::string(host);
}

std::string etag_of(std::string_view body) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : sha256_bytes(body).substr(0, 16)) {
    out += hex[ch >> 4];
    out += hex[ch & 15];
  }
  return out;
}

// Sun, 06 Nov 1994 08:49:37 GMT
std::string http_date(d::Millis ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::optional<d::Millis> parse_http_date(std::string_view s) {
  std::tm tm{};
  std::string str(s);
  const char* end = strptime(str.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  return static_cast<d::Millis>(timegm(&tm)) * 1000;
}

struct Owner {
  store::UserRecord user;
  d::Actor actor() const { return {user.id, user.role, user.level}; }
};

Owner owner_of(store::Connection& c, http::RequestContext& ctx) {
  const auto& token = ctx.params().at("token");
  auto id = store::FeedTokenRepository::active_owner(c, sha256_bytes(token));
  std::optional<store::UserRecord> u;
  if (id) u = store::UserRepository::find_by_id(c, *id);
  if (!u || u->disabled) throw d::not_found("That feed");
  return {*u};
}

AtomEntry post_entry(const store::PostRecord& p, const std::string& web) {
  AtomEntry e;
  e.id = atom_tag("post", p.id);
  e.title = atom_title(p.body);
  e.link = web + "/posts/" + std::to_string(p.id);
  e.author_name = p.author.display_name;
  e.content = p.body;
  e.published = p.published_at.value_or(p.created_at);
  e.updated = std::max(e.published, p.edited_at.value_or(0));
  return e;
}

// An answered question: the question and the current answer. The author is the asker only for
// a named question (domain::shows_asker); an anonymous one is never attributed to anyone.
AtomEntry question_entry(const store::QuestionRecord& q, const d::Actor& owner,
                         const store::BlogRecord& blog, const std::string& web) {
  AtomEntry e;
  e.id = atom_tag("question", q.id);
  e.title = atom_title(q.body);
  e.link = web + "/questions/" + std::to_string(q.id);
  e.author_name =
      d::shows_asker(owner, q.facts()) ? q.asker.display_name : std::string("Anonymous question");
  e.content = "Question: " + q.body + "\n\nAnswer (" + blog.host.display_name +
              "): " + (q.answer ? q.answer->body : std::string());
  e.published = q.closed_at.value_or(q.asked_at.value_or(q.created_at));
  e.updated = std::max(e.published, q.answer ? q.answer->updated_at : d::Millis(0));
  return e;
}

// The feed as Atom, or 304 when the reader already has this version.
http::Response atom_response(const http::RequestContext& ctx, const AtomFeed& feed) {
  const std::string xml = render_atom(feed);
  const std::string etag = "\"" + etag_of(xml) + "\"";
  const std::string modified = http_date(feed.updated());
  const auto& req = ctx.request();
  bool fresh = false;
  if (auto inm = req[boost::beast::http::field::if_none_match]; !inm.empty()) {
    fresh = inm.find(etag) != std::string_view::npos || inm == "*";
  } else if (auto ims = req[boost::beast::http::field::if_modified_since]; !ims.empty()) {
    auto t = parse_http_date(ims);
    fresh = t && feed.updated() - feed.updated() % 1000 <= *t;
  }
  http::Response res{fresh ? http::Status::not_modified : http::Status::ok, req.version()};
  res.set(boost::beast::http::field::etag, etag);
  res.set(boost::beast::http::field::last_modified, modified);
  res.set(boost::beast::http::field::cache_control, "private, no-cache");
  res.set("Referrer-Policy", "no-referrer");
  if (!fresh) {
    res.set(boost::beast::http::field::content_type, "application/atom+xml; charset=utf-8");
    res.body() = xml;
  }
  res.prepare_payload();
  return res;
}

}  // namespace

awaitable<http::Response> get_feed_token(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto rec = store::FeedTokenRepository::for_user(*conn, p.user.id);
  nlohmann::json body = {{"token", nullptr}, {"feeds", nullptr}};
  if (rec)
    body = token_json(token_for(s, p.user.id, rec->generation), p.user.username, rec->created_at);
  co_return http::json_response(http::Status::ok, body);
}

awaitable<http::Response> rotate_feed_token(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto job = [&s, uid = p.user.id, client = ctx.connection().client_ip](store::Connection& c) {
    auto rec = store::FeedTokenRepository::for_user(c, uid);
    const std::int64_t generation = rec ? rec->generation + 1 : 1;
    const auto now = d::now_millis();
    store::FeedTokenRepository::put(c, uid, sha256_bytes(token_for(s, uid, generation)), generation,
                                    now);
    record_audit(c, client, uid, rec ? "feed_token_rotated" : "feed_token_created", "user", uid);
    return std::pair<std::int64_t, d::Millis>{generation, now};
  };
  auto [generation, at] = co_await write(s.writer, std::move(job));
  co_return http::json_response(
      http::Status::created, token_json(token_for(s, p.user.id, generation), p.user.username, at));
}

awaitable<http::Response> company_atom(Services& s, http::RequestContext& ctx) {
  auto conn = s.reads.acquire();
  auto owner = owner_of(*conn, ctx);
  const auto web = origin(ctx);
  AtomFeed feed;
  feed.id = atom_tag("feed/company", 0);
  feed.title = "Greenroom: company";
  feed.self_link = web + std::string(ctx.path());
  feed.alternate_link = web + "/";
  store::FeedQuery q;
  q.space = d::Space::company;
  q.viewer_id = owner.user.id;
  q.limit = kEntries;
  for (const auto& p : store::PostRepository::feed(*conn, q).items)
    if (d::can_view_post(owner.actor(), p.facts(), relation(*conn, owner.user.id, p.author.id)))
      feed.entries.push_back(post_entry(p, web));
  co_return atom_response(ctx, feed);
}

awaitable<http::Response> user_atom(Services& s, http::RequestContext& ctx) {
  auto conn = s.reads.acquire();
  auto owner = owner_of(*conn, ctx);
  auto author = store::UserRepository::find_by_username(*conn, ctx.params().at("username"));
  if (!author) throw d::not_found("That person");
  const auto web = origin(ctx);
  AtomFeed feed;
  feed.id = atom_tag("feed/user", author->id);
  feed.title = "Greenroom: " + author->display_name;
  feed.self_link = web + std::string(ctx.path());
  feed.alternate_link = web + "/";
  const auto rel = relation(*conn, owner.user.id, author->id);
  std::optional<d::Cursor> before;
  for (int pages = 0; pages < 20 && static_cast<int>(feed.entries.size()) < kEntries; ++pages) {
    auto page = store::PostRepository::by_author(*conn, author->id, before, 100);
    for (const auto& p : page.items)
      if (p.state == d::PostState::published && static_cast<int>(feed.entries.size()) < kEntries &&
          d::can_view_post(owner.actor(), p.facts(), rel))
        feed.entries.push_back(post_entry(p, web));
    if (!page.next) break;
    before = page.next;
  }
  co_return atom_response(ctx, feed);
}

awaitable<http::Response> blog_atom(Services& s, http::RequestContext& ctx) {
  auto conn = s.reads.acquire();
  auto owner = owner_of(*conn, ctx);
  auto blog = store::BlogRepository::find(*conn, ctx.id_param());
  if (!blog) throw d::not_found("That blog");
  const auto web = origin(ctx);
  AtomFeed feed;
  feed.id = atom_tag("feed/blog", blog->id);
  feed.title = "Greenroom: " + blog->title;
  feed.self_link = web + std::string(ctx.path());
  feed.alternate_link = web + "/blogs/" + std::to_string(blog->id);
  // Published articles and answered questions the owner may see, newest first.
  const auto rel = relation(*conn, owner.user.id, blog->host.id);
  for (auto id : store::BlogRepository::article_ids(*conn, blog->id, 200)) {
    auto p = store::PostRepository::find(*conn, id, owner.user.id);
    if (p && p->state == d::PostState::published &&
        d::can_view_post(owner.actor(), p->facts(), rel))
      feed.entries.push_back(post_entry(*p, web));
  }
  for (const auto& q :
       store::QuestionRepository::answered(*conn, blog->id, owner.user.id, kEntries))
    if (d::can_view_question(owner.actor(), q.facts()))
      feed.entries.push_back(question_entry(q, owner.actor(), *blog, web));
  std::stable_sort(
      feed.entries.begin(), feed.entries.end(),
      [](const AtomEntry& a, const AtomEntry& b) { return a.published > b.published; });
  if (feed.entries.size() > static_cast<std::size_t>(kEntries)) feed.entries.resize(kEntries);
  co_return atom_response(ctx, feed);
}

awaitable<http::Response> topic_atom(Services& s, http::RequestContext& ctx) {
  auto conn = s.reads.acquire();
  auto owner = owner_of(*conn, ctx);
  auto tag = d::parse_topic(ctx.params().at("tag"));
  if (!tag)
    throw d::bad_request(
        "A topic is a letter followed by up to 49 letters, digits, '_' or '-' (as in #okrs).",
        "bad_topic");
  const auto web = origin(ctx);
  AtomFeed feed;
  feed.id = "tag:greenroom.invalid,2026:feed/topic/" + *tag;
  feed.title = "Greenroom: #" + *tag;
  feed.self_link = web + std::string(ctx.path());
  feed.alternate_link = web + "/topics/" + *tag;
  // The topic page's listing for the token's owner (their practice reach), each post asked
  // of the one rule once more.
  store::ListingQuery q;
  q.viewer_id = owner.user.id;
  q.reach = practice_reach_of(*conn, owner.user.id, owner.user.role);
  q.limit = kEntries;
  for (const auto& p : store::FollowingRepository::topic_posts(*conn, *tag, q).items)
    if (d::can_view_post(owner.actor(), p.facts(), relation(*conn, owner.user.id, p.author.id)))
      feed.entries.push_back(post_entry(p, web));
  co_return atom_response(ctx, feed);
}

}  // namespace greenroom::api
