#include "api/search.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "api/visibility.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/references.hpp"
#include "domain/search_query.hpp"
#include "http/responses.hpp"
#include "store/search_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;
using boost::asio::awaitable;

namespace {

struct Ranked {
  const store::SearchHit* hit = nullptr;
  std::int64_t score = 0;  // search_score in millionths, the cursor key
};

std::optional<d::Millis> read_time(const http::RequestContext& ctx, std::string_view name) {
  auto raw = ctx.query(name);
  if (!raw || raw->empty()) return std::nullopt;
  auto t = d::parse_rfc3339(*raw);
  if (!t)
    throw d::bad_request(std::string(name) +
                         " must be an RFC 3339 time such as 2026-11-27T17:00:00Z.");
  return t;
}

// "#Budget" or "budget" -> "budget"; nullopt unless it is exactly one topic as the
// reference extractor recognises it in a text.
std::optional<std::string> read_topic(std::string_view raw) {
  if (!raw.empty() && raw.front() == '#') raw.remove_prefix(1);
  if (raw.empty() || raw.size() > 50) return std::nullopt;
  for (char ch : raw)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-')
      return std::nullopt;
  auto refs = d::find_references("#" + std::string(raw));
  if (refs.size() != 1 || refs[0].kind != d::TextReference::Kind::topic ||
      refs[0].end != raw.size() + 1)
    return std::nullopt;
  return refs[0].value;
}

store::SearchFilter read_filter(const http::RequestContext& ctx) {
  store::SearchFilter f;
  auto tr = d::translate_search_query(ctx.query("q").value_or(""));
  if (!tr.query) throw d::bad_request(tr.error, "bad_query");
  f.query = std::move(*tr.query);
  if (auto raw = ctx.query("space"); raw && !raw->empty()) {
    f.space = d::parse_space(*raw);
    if (!f.space) throw d::bad_request("space must be practice or company.");
  }
  if (auto raw = ctx.query("kind"); raw && !raw->empty()) {
    if (*raw != "post" && *raw != "reply" && *raw != "question")
      throw d::bad_request("kind must be post, reply or question.");
    f.kind = *raw;
  }
  if (auto raw = ctx.query("topic"); raw && !raw->empty()) {
    f.topic = read_topic(*raw);
    if (!f.topic)
      throw d::bad_request(
          "topic must be a topic such as #budget: a letter, then letters, digits, '_' or '-'.");
  }
  f.since = read_time(ctx, "since");
  f.until = read_time(ctx, "until");
  return f;
}

// Whether the caller may see the hit, by the one rule (a reply: its post, then the reply).
class Visibility {
 public:
  Visibility(store::Connection& c, d::Actor actor) : book_(c, actor.id), actor_(actor) {}
  bool sees(const store::SearchHit& h) {
    if (h.question) return d::can_view_question(actor_, *h.question);
    if (!d::can_view_post(actor_, h.post, rel(h.post.author_id))) return false;
    return !h.reply ||
           d::can_view_reply(actor_, *h.reply, rel(d::reply_relation_subject(*h.reply)));
  }

 private:
  const d::Relation& rel(std::int64_t author_id) {
    auto [it, fresh] = cache_.try_emplace(author_id);
    if (fresh) it->second = book_.of(author_id);
    return it->second;
  }
  RelationBook book_;
  d::Actor actor_;
  std::map<std::int64_t, d::Relation> cache_;
};

nlohmann::json segments_json(const std::string& marked) {
  auto out = nlohmann::json::array();
  for (auto& s : d::snippet_segments(marked)) out.push_back({{"text", s.text}, {"hit", s.hit}});
  return out;
}

// A question hit names its asker only when the question is named (domain::shows_asker); it
// has no post and no space.
nlohmann::json question_item(const store::SearchHit& h, const d::Actor& viewer, double score,
                             nlohmann::json snippet) {
  return {{"kind", "question"},
          {"id", h.item_id},
          {"post_id", nullptr},
          {"blog_id", h.blog_id},
          {"author",
           d::shows_asker(viewer, *h.question) ? author_json(h.author) : nlohmann::json(nullptr)},
          {"space", nullptr},
          {"state", d::to_string(h.question->state)},
          {"at", d::format_rfc3339(h.at)},
          {"score", score},
          {"snippet", std::move(snippet)}};
}

}  // namespace

awaitable<http::Response> search(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto f = read_filter(ctx);
  const int limit = read_limit(ctx, 20, 50);
  std::optional<d::Cursor> before;
  if (auto raw = ctx.query("before"); raw && !raw->empty()) {
    before = d::decode_cursor(*raw);
    if (!before)
      throw d::bad_request("The before cursor is not one this server gave out.", "bad_cursor");
  }
  auto conn = s.reads.acquire();
  if (auto author = ctx.query("author"); author && !author->empty()) {
    auto u = store::UserRepository::find_by_username(*conn, *author);
    f.author_id = u ? u->id : -1;  // an unknown author matches nothing
  }
  std::vector<store::SearchHit> hits;
  try {
    if (f.kind != "question") hits = store::SearchRepository::matches(*conn, f);
    // Questions have no space, and an author filter never finds an asker (anonymous or not).
    if ((!f.kind || f.kind == "question") && !f.space && !f.author_id)
      for (auto& h : store::SearchRepository::question_matches(*conn, f))
        hits.push_back(std::move(h));
  } catch (const store::StoreError&) {
    throw d::bad_request("The search could not be understood; try plain words.", "bad_query");
  }
  Visibility vis(*conn, p.actor());
  const d::Millis now = d::now_millis();
  std::vector<Ranked> ranked;
  for (const auto& h : hits) {
    if (!vis.sees(h)) continue;
    double age_days = std::floor(static_cast<double>(now - h.at) / 86'400'000.0);
    auto score = static_cast<std::int64_t>(std::llround(d::search_score(h.bm25, age_days) * 1e6));
    ranked.push_back({&h, score});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score > b.score : a.hit->rowid > b.hit->rowid;
  });
  std::vector<const Ranked*> page;
  nlohmann::json next = nullptr;
  for (const auto& r : ranked) {
    if (before && (r.score > before->key || (r.score == before->key && r.hit->rowid >= before->id)))
      continue;
    if (static_cast<int>(page.size()) == limit) {
      const Ranked* last = page.back();
      next = d::encode_cursor({last->score, last->hit->rowid});  // the page after `last`
      break;
    }
    page.push_back(&r);
  }
  std::vector<std::int64_t> rowids;
  for (const auto* r : page) rowids.push_back(r->hit->rowid);
  auto marked = store::SearchRepository::snippets(*conn, f.query, rowids);
  auto items = nlohmann::json::array();
  for (const auto* r : page) {
    const auto& h = *r->hit;
    auto snippet = segments_json(marked[h.rowid]);
    const double score = static_cast<double>(r->score) / 1e6;
    if (h.question) {
      items.push_back(question_item(h, p.actor(), score, std::move(snippet)));
      continue;
    }
    auto state = h.reply ? d::to_string(h.reply->state) : d::to_string(h.post.state);
    items.push_back({{"kind", h.kind},
                     {"id", h.item_id},
                     {"post_id", h.post.id},
                     {"author", author_json(store::UserRepository::author_ref(*conn, h.author.id))},
                     {"space", d::to_string(h.post.space)},
                     {"state", state},
                     {"at", d::format_rfc3339(h.at)},
                     {"score", score},
                     {"snippet", std::move(snippet)}});
  }
  co_return http::json_response(http::Status::ok,
                                {{"items", std::move(items)}, {"next", std::move(next)}});
}

}  // namespace greenroom::api
