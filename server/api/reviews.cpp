#include "api/reviews.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/live_events.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/coaching_views.hpp"
#include "api/json_body.hpp"
#include "api/views.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"
#include "store/reply_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

int rubric_score(const nlohmann::json& rubric, const char* name) {
  auto it = rubric.find(name);
  // Compared as 64-bit: get<int>() would wrap 4294967297 to 1.
  if (it == rubric.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 ||
      it->get<std::int64_t>() > 5)
    throw d::bad_request(std::string("rubric.") + name +
                         " is required: a whole number from 1 to 5.");
  return static_cast<int>(it->get<std::int64_t>());
}

store::Rubric read_rubric(const nlohmann::json& body) {
  auto it = body.find("rubric");
  if (it == body.end() || !it->is_object())
    throw d::bad_request(
        "rubric is required: {\"clarity\",\"tone\",\"audience_fit\",\"policy\"}, each 1 to 5.");
  for (const auto& [key, value] : it->items())
    if (key != "clarity" && key != "tone" && key != "audience_fit" && key != "policy")
      throw d::bad_request("Unknown rubric field \"" + key +
                           "\"; allowed: clarity, tone, audience_fit, policy.");
  return {rubric_score(*it, "clarity"), rubric_score(*it, "tone"),
          rubric_score(*it, "audience_fit"), rubric_score(*it, "policy")};
}

bool has_open_notes(store::Connection& c, std::int64_t post_id) {
  for (const auto& a : store::AnnotationRepository::for_post(c, post_id))
    if (!a.resolved_at && !a.orphaned) return true;
  return false;
}

d::Error feedback_required() {
  return d::Error(d::ErrorKind::unprocessable, "feedback_required",
                  "Say what to change: add an overall comment or leave at least one open note "
                  "on the text before requesting changes.");
}

}  // namespace

VerdictInput read_verdict_input(http::RequestContext& ctx) {
  auto body = read_json_object(ctx, {"verdict", "comment", "rubric", "version"});
  VerdictInput in;
  auto version = body.find("version");
  if (version == body.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1)
    throw d::bad_request(
        "version is required: the version you reviewed (the \"version\" of what you read).");
  in.version = version->get<std::int64_t>();
  in.verdict = require_string(body, "verdict");
  if (in.verdict != "approve" && in.verdict != "changes_requested")
    throw d::bad_request("verdict must be \"approve\" or \"changes_requested\".");
  in.comment = optional_string(body, "comment").value_or("");
  if (!in.comment.empty()) d::validate_text(in.comment, "comment", 2000);
  in.rubric = read_rubric(body);
  return in;
}

awaitable<http::Response> review_queue(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("The review queue is for coaches.");
  const auto now = d::now_millis();
  auto conn = s.reads.acquire();
  // Posts and held replies, oldest submission first.
  std::vector<std::pair<domain::Millis, nlohmann::json>> waiting;
  auto entry = [now](const char* kind, domain::Millis submitted, nlohmann::json item) {
    item["kind"] = kind;
    item["submitted_at"] = d::format_rfc3339(submitted);
    item["waiting_seconds"] = std::max<std::int64_t>(0, (now - submitted) / 1000);
    return std::make_pair(submitted, std::move(item));
  };
  for (const auto& [post_id, submitted] : store::ReviewRepository::queue(*conn, p.user.id, 200)) {
    auto post = store::PostRepository::find(*conn, post_id, p.user.id);
    if (!post) continue;
    waiting.push_back(entry("post", submitted, {{"post", post_json(*post)}}));
  }
  for (const auto& [reply_id, submitted] : store::ReplyRepository::queue(*conn, p.user.id, 200)) {
    try {
      auto cr = load_coached_reply(*conn, p.user.id, reply_id);
      if (!cr.is_coach) continue;
      waiting.push_back(entry("reply", submitted,
                              {{"reply", reply_json(cr.reply)}, {"post", post_json(cr.post)}}));
    } catch (const d::Error&) {
      // not one this coach may see (e.g. the post it answers was hidden meanwhile)
    }
  }
  std::stable_sort(waiting.begin(), waiting.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto items = nlohmann::json::array();
  for (auto& w : waiting) items.push_back(std::move(w.second));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_review(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto cp = load_coached_post(s, p, id);
  if (!cp.is_coach)
    throw d::forbidden("Only the author's coaches review a post; nobody approves their own.");
  auto in = read_verdict_input(ctx);
  auto job = [uid = p.user.id, name = p.user.display_name, id, verdict = in.verdict,
              comment = in.comment, rubric = in.rubric, seen_version = in.version,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto post = load_coached_post(c, uid, id).post;
    // A published post with a correction in review: the verdict is on the correction.
    auto correction = post.state == d::PostState::published
                          ? store::PostRepository::correction_of(c, id)
                          : std::nullopt;
    if (correction && correction->state != "in_review") correction.reset();
    const auto version = correction ? correction->version : post.version;
    if (seen_version != version)
      throw d::conflict("The post changed while you were reviewing it (you saw version " +
                            std::to_string(seen_version) + ", it is now version " +
                            std::to_string(version) + "); reload it and review again.",
                        "stale_version");
    const bool approve = verdict == "approve";
    const auto now = d::now_millis();
    if (!correction) {
      auto next = d::transition(
          post.state, approve ? d::PostCommand::approve : d::PostCommand::request_changes);
      if (!approve && comment.empty() && !has_open_notes(c, id)) throw feedback_required();
      store::PostRepository::set_state(c, id, next, now);
    } else {
      if (!approve && comment.empty()) throw feedback_required();
      store::PostRepository::set_correction_state(c, id, approve ? "approved" : "changes_requested",
                                                  now);
    }
    auto rid = store::ReviewRepository::insert(c, id, version, uid, verdict, comment, rubric, now);
    nlohmann::json detail = {{"review_id", rid}};
    if (correction) detail["correction_version"] = version;
    record_audit(c, client, uid, "review_" + verdict, "post", id, detail);
    live_events::own_post_changed(post.author.id, id, "post.verdict");
    const auto what = correction ? "your correction of \"" : "\"";
    notify(c, post.author.id, "verdict_given",
           approve ? name + " approved " + what + excerpt(post.body) +
                         "\"; publish it now or schedule it."
                   : name + " asked for changes to " + what + excerpt(post.body) + "\"",
           id);
    return std::make_pair(*store::ReviewRepository::find(c, rid),
                          *store::PostRepository::find(c, id, uid));
  };
  auto [review, post] = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created,
                                {{"review", review_json(review)}, {"post", post_json(post)}});
}

awaitable<http::Response> list_reviews(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto cp = load_coached_post(*conn, p.user.id, ctx.id_param());
  auto items = nlohmann::json::array();
  for (const auto& r : store::ReviewRepository::for_post(*conn, cp.post.id))
    items.push_back(review_json(r));
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

}  // namespace greenroom::api
