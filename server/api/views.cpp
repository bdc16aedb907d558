#include "api/views.hpp"

#include "api/references.hpp"

#include "domain/cursor.hpp"
#include "domain/drills.hpp"
#include "domain/markdown.hpp"
#include "domain/moderation.hpp"
#include "http/json_text.hpp"

namespace greenroom::api {

// The reply as every reader sees it (reply_json adds the drill fields).
static nlohmann::json reply_core_json(const store::ReplyRecord& r);

using domain::format_rfc3339;

nlohmann::json user_json(const store::UserRecord& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", domain::to_string(u.role)},
          {"training_level",
           u.level ? nlohmann::json(domain::to_string(*u.level)) : nlohmann::json(nullptr)}};
}

nlohmann::json author_json(const store::AuthorRef& a) {
  return {{"id", a.id}, {"username", a.username}, {"display_name", a.display_name}};
}

nlohmann::json post_json(const store::PostRecord& p) {
  return {{"id", p.id},
          {"author", author_json(p.author)},
          {"body", p.body},
          {"space", domain::to_string(p.space)},
          {"state", domain::to_string(p.state)},
          {"version", p.version},
          {"created_at", format_rfc3339(p.created_at)},
          {"updated_at", format_rfc3339(p.updated_at)},
          {"published_at", p.published_at ? nlohmann::json(format_rfc3339(*p.published_at))
                                          : nlohmann::json(nullptr)},
          {"reply_count", p.reply_count},
          {"like_count", p.like_count},
          {"liked_by_me", p.liked_by_me},
          {"locked", p.locked},
          {"moderation_reason", p.moderation_reason.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(p.moderation_reason)},
          {"scheduled_at", p.scheduled_at ? nlohmann::json(format_rfc3339(*p.scheduled_at))
                                          : nlohmann::json(nullptr)},
          {"edited_at",
           p.edited_at ? nlohmann::json(format_rfc3339(*p.edited_at)) : nlohmann::json(nullptr)},
          {"correction_state",
           p.correction_state ? nlohmann::json(*p.correction_state) : nlohmann::json(nullptr)},
          {"share_with_mentor", p.share_with_mentor},
          {"references", references_json(p.body)},
          {"blog_id", p.blog_id ? nlohmann::json(*p.blog_id) : nlohmann::json(nullptr)},
          {"html",
           p.blog_id ? nlohmann::json(domain::render_markdown(p.body)) : nlohmann::json(nullptr)}};
}

void append_post_json(std::string& out, const store::PostRecord& p) {
  using http::append_json_int;
  using http::append_json_string;
  out += "{\"id\":";
  append_json_int(out, p.id);
  out += ",\"author\":{\"id\":";
  append_json_int(out, p.author.id);
  out += ",\"username\":";
  append_json_string(out, p.author.username);
  out += ",\"display_name\":";
  append_json_string(out, p.author.display_name);
  out += "},\"body\":";
  append_json_string(out, p.body);
  out += ",\"space\":";
  append_json_string(out, domain::to_string(p.space));
  out += ",\"state\":";
  append_json_string(out, domain::to_string(p.state));
  out += ",\"version\":";
  append_json_int(out, p.version);
  out += ",\"created_at\":";
  append_json_string(out, format_rfc3339(p.created_at));
  out += ",\"updated_at\":";
  append_json_string(out, format_rfc3339(p.updated_at));
  out += ",\"published_at\":";
  if (p.published_at)
    append_json_string(out, format_rfc3339(*p.published_at));
  else
    out += "null";
  out += ",\"reply_count\":";
  append_json_int(out, p.reply_count);
  out += ",\"like_count\":";
  append_json_int(out, p.like_count);
  out += ",\"liked_by_me\":";
  http::append_json_bool(out, p.liked_by_me);
  out += ",\"locked\":";
  http::append_json_bool(out, p.locked);
  out += ",\"moderation_reason\":";
  if (p.moderation_reason.empty())
    out += "null";
  else
    append_json_string(out, p.moderation_reason);
  const auto append_time = [&out](const std::optional<domain::Millis>& t) {
    if (t)
      append_json_string(out, format_rfc3339(*t));
    else
      out += "null";
  };
  out += ",\"scheduled_at\":";
  append_time(p.scheduled_at);
  out += ",\"edited_at\":";
  append_time(p.edited_at);
  out += ",\"correction_state\":";
  if (p.correction_state)
    append_json_string(out, *p.correction_state);
  else
    out += "null";
  out += ",\"share_with_mentor\":";
  http::append_json_bool(out, p.share_with_mentor);
  out += ",\"references\":";
  append_references_json(out, p.body);
  out += ",\"blog_id\":";
  if (p.blog_id) {
    append_json_int(out, *p.blog_id);
    out += ",\"html\":";
    append_json_string(out, domain::render_markdown(p.body));
  } else {
    out += "null,\"html\":null";
  }
  out += '}';
}

nlohmann::json reply_json(const store::ReplyRecord& r) {
  auto j = reply_core_json(r);
  // A drill reply: seen only by the drill's executive and their coaches; a persona reply
  // carries the label every reader sees beside it.
  j["drill_private"] = r.private_to != 0;
  j["persona"] = nullptr;
  if (r.persona_id)
    j["persona"] = {{"id", *r.persona_id},
                    {"name", r.persona_name},
                    {"label", domain::simulated_label(r.persona_name)}};
  return j;
}

nlohmann::json reply_core_json(const store::ReplyRecord& r) {
  return {{"id", r.id},
          {"post_id", r.post_id},
          {"author", author_json(r.author)},
          {"body", r.body},
          {"state", domain::to_string(r.state)},
          {"review_state", domain::to_string(r.review)},
          {"references", references_json(r.body)},
          {"version", r.version},
          {"created_at", format_rfc3339(r.created_at)},
          {"moderation_reason", r.moderation_reason.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(r.moderation_reason)}};
}

std::string page_text(const store::Page& page, std::string_view extra) {
  std::string out;
  out.reserve(256 + page.items.size() * 512);
  out += "{\"items\":[";
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    if (i) out.push_back(',');
    append_post_json(out, page.items[i]);
  }
  out += "],\"next\":";
  if (page.next)
    http::append_json_string(out, domain::encode_cursor(*page.next));
  else
    out += "null";
  if (!extra.empty()) {
    out.push_back(',');
    out += extra;
  }
  out.push_back('}');
  return out;
}

}  // namespace greenroom::api
