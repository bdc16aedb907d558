#include "api/references.hpp"

#include <set>

#include "api/coaching.hpp"
#include "api/visibility.hpp"
#include "domain/permissions.hpp"
#include "domain/references.hpp"
#include "http/json_text.hpp"
#include "store/reference_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {
const char* kind_name(d::TextReference::Kind k) {
  return k == d::TextReference::Kind::mention ? "mention" : "topic";
}
}  // namespace

int save_references(store::Connection& c, const store::PostRecord& post,
                    const store::ReplyRecord* reply, const std::string& author_name,
                    bool announce) {
  const auto& text = reply ? reply->body : post.body;
  const auto author_id = reply ? reply->author.id : post.author.id;
  std::vector<store::StoredReference> stored;
  std::set<std::int64_t> mentioned;
  for (auto& ref : d::find_references(text)) {
    store::StoredReference s{ref, std::nullopt};
    if (ref.kind == d::TextReference::Kind::mention) {
      if (auto u = store::UserRepository::find_by_username(c, ref.value)) {
        s.user_id = u->id;
        if (u->id != author_id && !u->disabled) mentioned.insert(u->id);
      }
    }
    stored.push_back(std::move(s));
  }
  store::ReferenceRepository::replace(
      c, post.id, reply ? std::optional<std::int64_t>(reply->id) : std::nullopt, stored);
  if (!announce) return 0;
  int notified = 0;
  for (auto uid : mentioned) {
    auto u = store::UserRepository::find_by_id(c, uid);
    if (!u) continue;
    const d::Actor actor{u->id, u->role, u->level};
    // The one rule: someone who may not see the item is not told it exists.
    if (!d::can_view_post(actor, post.facts(), relation(c, uid, post.author.id))) continue;
    if (reply && !d::can_view_reply(actor, reply->facts(),
                                    relation(c, uid, d::reply_relation_subject(reply->facts()))))
      continue;
    notify(c, uid, "mention",
           author_name + " mentioned you" + (reply ? " in a reply" : "") + ": \"" + excerpt(text) +
               "\"",
           post.id);
    ++notified;
  }
  return notified;
}

nlohmann::json references_json(std::string_view text) {
  auto out = nlohmann::json::array();
  for (const auto& r : d::find_references(text))
    out.push_back(nlohmann::json{
        {"kind", kind_name(r.kind)}, {"value", r.value}, {"start", r.start}, {"end", r.end}});
  return out;
}

void append_references_json(std::string& out, std::string_view text) {
  out.push_back('[');
  bool first = true;
  for (const auto& r : d::find_references(text)) {
    if (!first) out.push_back(',');
    first = false;
    out += "{\"kind\":\"";
    out += kind_name(r.kind);
    out += "\",\"value\":";
    http::append_json_string(out, r.value);
    out += ",\"start\":";
    http::append_json_int(out, static_cast<std::int64_t>(r.start));
    out += ",\"end\":";
    http::append_json_int(out, static_cast<std::int64_t>(r.end));
    out.push_back('}');
  }
  out.push_back(']');
}

}  // namespace greenroom::api
