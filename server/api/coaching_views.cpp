#include "api/coaching_views.hpp"

#include "api/views.hpp"

namespace greenroom::api {

using domain::format_rfc3339;

namespace {
nlohmann::json time_or_null(const std::optional<domain::Millis>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}
nlohmann::json id_or_null(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json annotation_json(const store::AnnotationRecord& a) {
  auto replies = nlohmann::json::array();
  for (const auto& r : a.replies)
    replies.push_back({{"id", r.id},
                       {"author", author_json(r.author)},
                       {"body", r.body},
                       {"created_at", format_rfc3339(r.created_at)}});
  return {{"id", a.id},
          {"post_id", a.post_id},
          {"reply_id", id_or_null(a.reply_id)},
          {"version", a.version},
          {"coach", author_json(a.coach)},
          {"author_role", a.author_role},
          {"category", a.category},
          {"comment", a.comment},
          {"suggestion", a.suggestion ? nlohmann::json(*a.suggestion) : nlohmann::json(nullptr)},
          {"anchor",
           {{"exact", a.anchor.exact},
            {"prefix", a.anchor.prefix},
            {"suffix", a.anchor.suffix},
            {"start", a.anchor.start},
            {"end", a.anchor.end}}},
          {"original", {{"start", a.orig_start}, {"end", a.orig_end}}},
          {"orphaned", a.orphaned},
          {"resolved", a.resolved_at.has_value()},
          {"resolved_at", time_or_null(a.resolved_at)},
          {"applied", a.applied},
          {"created_at", format_rfc3339(a.created_at)},
          {"replies", std::move(replies)}};
}

nlohmann::json review_json(const store::ReviewRecord& r) {
  return {{"id", r.id},
          {"post_id", r.post_id},
          {"reply_id", id_or_null(r.reply_id)},
          {"version", r.version},
          {"coach", author_json(r.coach)},
          {"verdict", r.verdict},
          {"comment", r.comment},
          {"rubric",
           {{"clarity", r.rubric.clarity},
            {"tone", r.rubric.tone},
            {"audience_fit", r.rubric.audience_fit},
            {"policy", r.rubric.policy}}},
          {"created_at", format_rfc3339(r.created_at)}};
}

nlohmann::json goal_json(const store::GoalRecord& g, domain::Millis now) {
  return {{"id", g.id},
          {"executive_id", g.executive_id},
          {"coach", author_json(g.coach)},
          {"title", g.title},
          {"metric", domain::to_string(g.metric)},
          {"target", g.target},
          {"term", domain::to_string(g.term)},
          {"created_at", format_rfc3339(g.created_at)},
          {"due_at", format_rfc3339(g.due_at)},
          {"progress", std::min(g.progress, g.target)},
          {"count", g.progress},
          {"status", domain::to_string(domain::goal_status(g.progress, g.target, now, g.due_at))}};
}

namespace {
// `{"type","id"}`; a notice about a person adds their `username` (the profile's address).
nlohmann::json notification_target(const store::NotificationRecord& n) {
  if (!n.target_type || !n.target_id) return nullptr;
  nlohmann::json t = {{"type", *n.target_type}, {"id", *n.target_id}};
  if (n.target_username) t["username"] = *n.target_username;
  return t;
}
}  // namespace

nlohmann::json notification_json(const store::NotificationRecord& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"message", n.message},
          {"post_id", id_or_null(n.post_id)},
          {"annotation_id", id_or_null(n.annotation_id)},
          {"goal_id", id_or_null(n.goal_id)},
          {"target", notification_target(n)},
          {"created_at", format_rfc3339(n.created_at)},
          {"read", n.read}};
}

}  // namespace greenroom::api
