#include "api/views.hpp"

namespace greenroom::api {

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
          {"liked_by_me", p.liked_by_me}};
}

nlohmann::json reply_json(const store::ReplyRecord& r) {
  return {{"id", r.id},
          {"post_id", r.post_id},
          {"author", author_json(r.author)},
          {"body", r.body},
          {"created_at", format_rfc3339(r.created_at)}};
}

}  // namespace greenroom::api
