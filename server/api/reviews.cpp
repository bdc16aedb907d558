#include "api/reviews.hpp"

#include "api/async.hpp"
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

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

int rubric_score(const nlohmann::json& rubric, const char* name) {
  auto it = rubric.find(name);
  if (it == rubric.end() || !it->is_number_integer() || it->get<int>() < 1 || it->get<int>() > 5)
    throw d::bad_request(std::string("rubric.") + name +
                         " is required: a whole number from 1 to 5.");
  return it->get<int>();
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

awaitable<http::Response> review_queue(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::review_posts))
    throw d::forbidden("The review queue is for coaches.");
  const auto now = d::now_millis();
  auto items = nlohmann::json::array();
  auto conn = s.reads.acquire();
  for (const auto& [post_id, submitted] : store::ReviewRepository::queue(*conn, p.user.id, 200)) {
    auto post = store::PostRepository::find(*conn, post_id, p.user.id);
    if (!post) continue;
    items.push_back({{"post", post_json(*post)},
                     {"submitted_at", d::format_rfc3339(submitted)},
                     {"waiting_seconds", std::max<std::int64_t>(0, (now - submitted) / 1000)}});
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> create_review(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  auto cp = load_coached_post(s, p, id);
  if (!cp.is_coach)
    throw d::forbidden("Only the author's coaches review a post; nobody approves their own.");
  auto body = read_json_object(ctx, {"verdict", "comment", "rubric", "version"});
  std::optional<std::int64_t> seen_version;
  if (body.contains("version")) {
    if (!body["version"].is_number_integer())
      throw d::bad_request("version must be the post version you reviewed (a number).");
    seen_version = body["version"].get<std::int64_t>();
  }
  auto verdict = require_string(body, "verdict");
  if (verdict != "approve" && verdict != "changes_requested")
    throw d::bad_request("verdict must be \"approve\" or \"changes_requested\".");
  auto comment = optional_string(body, "comment").value_or("");
  if (!comment.empty()) d::validate_text(comment, "comment", 2000);
  auto rubric = read_rubric(body);
  auto job = [uid = p.user.id, name = p.user.display_name, id, verdict, comment, rubric,
              seen_version](store::Connection& c) {
    auto post = load_coached_post(c, uid, id).post;
    // A published post with a correction in review: the verdict is on the correction.
    auto correction = post.state == d::PostState::published
                          ? store::PostRepository::correction_of(c, id)
                          : std::nullopt;
    if (correction && correction->state != "in_review") correction.reset();
    const auto version = correction ? correction->version : post.version;
    if (seen_version && *seen_version != version)
      throw d::conflict("The post changed while you were reviewing it (you saw version " +
                        std::to_string(*seen_version) + ", it is now version " +
                        std::to_string(version) + "); reload it and review again.");
    const bool approve = verdict == "approve";
    if (!correction) {
      auto next = d::transition(
          post.state, approve ? d::PostCommand::approve : d::PostCommand::request_changes);
      if (!approve && comment.empty() && !has_open_notes(c, id)) throw feedback_required();
      store::PostRepository::set_state(c, id, next, d::now_millis());
    } else {
      if (!approve && comment.empty()) throw feedback_required();
      store::PostRepository::set_correction_state(c, id, approve ? "approved" : "changes_requested",
                                                  d::now_millis());
    }
    const auto now = d::now_millis();
    auto rid = store::ReviewRepository::insert(c, id, version, uid, verdict, comment, rubric, now);
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
