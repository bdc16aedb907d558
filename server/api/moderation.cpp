#include "api/moderation.hpp"
#include "api/visibility.hpp"

#include <algorithm>
#include <map>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/live_events.hpp"
#include "api/moderation_views.hpp"
#include "api/question_moderation.hpp"
#include "api/views.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

d::TargetType read_target_type(const nlohmann::json& body) {
  auto t = d::parse_target_type(require_string(body, "target_type"));
  if (!t) throw d::bad_request("target_type must be \"post\", \"reply\" or \"question\".");
  return *t;
}

std::int64_t read_target_id(const nlohmann::json& body) {
  auto it = body.find("target_id");
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() <= 0)
    throw d::bad_request("target_id must be the id (a positive number) of the item.");
  return it->get<std::int64_t>();
}

std::string_view noun(d::TargetType t) {
  return t == d::TargetType::post ? "post" : t == d::TargetType::reply ? "reply" : "question";
}

std::string capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// What the author is told; the moderator is never named.
std::string author_message(d::ModAction a, d::TargetType t, const std::string& reason) {
  std::string what;
  switch (a) {
    case d::ModAction::hide:
      what = "A moderator hid your " + std::string(noun(t));
      break;
    case d::ModAction::remove:
      what = "A moderator removed your " + std::string(noun(t));
      break;
    case d::ModAction::restore:
      what = "A moderator restored your " + std::string(noun(t));
      break;
    case d::ModAction::lock:
      what = "A moderator locked the thread of your post";
      break;
    case d::ModAction::unlock:
      what = "A moderator unlocked the thread of your post";
      break;
    case d::ModAction::dismiss:
      what = "Reports about your " + std::string(noun(t)) + " were dismissed";
      break;
  }
  return what + ". Reason: " + reason;
}

}  // namespace

store::ModeratedRecord load_visible_item(store::Connection& c, const d::Actor& actor,
                                         d::TargetType type, std::int64_t id) {
  const auto missing = capitalized(noun(type)) + " " + std::to_string(id);
  auto item = store::ModerationRepository::find_item(c, type, id);
  if (!item) throw d::not_found(missing);
  if (type == d::TargetType::question) {
    if (!d::can_view_question(actor, *item->question)) throw d::not_found(missing);
    return *item;
  }
  const auto rel = relation(c, actor.id, item->post_author_id);
  const d::PostFacts post{item->post_id, item->post_author_id, item->space, item->post_state};
  if (!d::can_view_post(actor, post, rel)) throw d::not_found(missing);
  if (type == d::TargetType::reply) {
    const d::ReplyFacts reply{item->id,          item->post_id,      item->author.id,
                              item->reply_state, item->reply_review, item->reply_private_to};
    if (!d::can_view_reply(actor, reply, relation(c, actor.id, d::reply_relation_subject(reply))))
      throw d::not_found(missing);
  }
  return *item;
}

awaitable<http::Response> create_report(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"target_type", "target_id", "reason", "comment"});
  const auto type = read_target_type(body);
  const auto id = read_target_id(body);
  auto reason = d::parse_report_reason(require_string(body, "reason"));
  if (!reason)
    throw d::bad_request(
        "reason must be one of harassment, confidential, personal_data, misleading, other.");
  auto comment = optional_string(body, "comment").value_or("");
  d::validate_report_comment(comment);
  const auto actor = p.actor();
  {
    auto conn = s.reads.acquire();
    auto item = load_visible_item(*conn, actor, type, id);
    check_item_reportable(item);
  }
  auto job = [actor, type, id, reason = *reason, comment,
              client = ctx.connection().client_ip](store::Connection& c) {
    // Current state, on the writer's connection.
    auto item = load_visible_item(c, actor, type, id);
    check_item_reportable(item);
    const auto now = d::now_millis();
    auto filed = store::ModerationRepository::file_report(c, item, actor.id, reason, comment, now);
    // An anonymous asker is named nowhere, not even to moderators (they use the reveal).
    const auto what = reported_item_words(item);
    auto tell = [&](std::int64_t m, const char* kind, const std::string& message) {
      if (type == d::TargetType::question)
        notify_about(c, m, kind, message, "question", id);
      else
        notify(c, m, kind, message, item.post_id);
    };
    if (filed.new_case) {
      for (auto m : store::ModerationRepository::moderator_ids(c))
        if (m != actor.id)
          tell(m, "item_reported",
               "A " + what + " was reported (" + std::string(d::to_string(reason)) + ").");
    } else if (filed.created && filed.report_count == d::kReportsBeforeEscalation + 1) {
      for (auto m : store::ModerationRepository::moderator_ids(c))
        if (m != actor.id)
          tell(m, "item_reported_often",
               "A " + what + " now has " + std::to_string(filed.report_count) + " open reports.");
    }
    record_audit(c, client, actor.id, filed.created ? "report_filed" : "report_updated",
                 d::to_string(type), id,
                 {{"report_id", filed.report.id},
                  {"case_id", filed.report.case_id},
                  {"reason", d::to_string(reason)}});
    return filed;
  };
  auto filed = co_await write(s.writer, std::move(job));
  co_return http::json_response(filed.created ? http::Status::created : http::Status::ok,
                                {{"report", report_json(filed.report, false)}});
}

awaitable<http::Response> moderation_queue(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::moderate))
    throw d::forbidden("The moderation queue is for moderators and admins.");
  const auto limit = read_limit(ctx, 20, 100);
  std::optional<d::Cursor> after;
  if (auto raw = ctx.query("before")) {
    after = d::decode_cursor(*raw);
    if (!after)
      throw d::bad_request("The before cursor is not one this server gave out; use \"next\".",
                           "bad_cursor");
  }
  const auto actor = p.actor();
  auto conn = s.reads.acquire();
  auto page = store::ModerationRepository::queue(*conn, after, limit);
  auto items = nlohmann::json::array();
  for (const auto& k : page.items) {
    if (k.target_type == d::TargetType::question) {
      if (auto item = question_case_json(*conn, actor, k)) items.push_back(std::move(*item));
      continue;
    }
    auto post = store::PostRepository::find(*conn, k.post_id, actor.id);
    if (!post) continue;
    const auto rel = relation(*conn, actor.id, post->author.id);
    if (!d::can_view_post(actor, post->facts(), rel)) continue;
    nlohmann::json item = post_json(*post);
    if (k.target_type == d::TargetType::reply) {
      item = nullptr;
      for (const auto& r : store::PostRepository::replies(*conn, post->id, 1000))
        if (r.id == k.target_id &&
            d::can_view_reply(actor, r.facts(),
                              relation(*conn, actor.id, d::reply_relation_subject(r.facts()))))
          item = reply_json(r);
      if (item.is_null()) continue;
    }
    const bool own = (k.target_type == d::TargetType::post
                          ? post->author.id
                          : item["author"]["id"].get<std::int64_t>()) == actor.id;
    items.push_back(case_json(k, std::move(item), post_json(*post), own));
  }
  co_return http::json_response(http::Status::ok,
                                {{"items", std::move(items)},
                                 {"next", page.next ? nlohmann::json(d::encode_cursor(*page.next))
                                                    : nlohmann::json(nullptr)}});
}

awaitable<http::Response> moderation_action(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::moderate))
    throw d::forbidden("Moderation actions are for moderators and admins.");
  auto body = read_json_object(ctx, {"target_type", "target_id", "action", "reason"});
  const auto type = read_target_type(body);
  const auto id = read_target_id(body);
  auto action = d::parse_mod_action(require_string(body, "action"));
  if (!action)
    throw d::bad_request("action must be one of hide, remove, restore, lock, unlock, dismiss.");
  auto reason_it = body.find("reason");
  if (reason_it == body.end() || !reason_it->is_string())
    throw d::bad_request("Every moderation action needs a reason (1 to 500 characters).",
                         "reason_required");
  const auto reason = reason_it->get<std::string>();
  d::validate_moderation_reason(reason);
  const auto actor = p.actor();
  auto job = [actor, type, id, action = *action, reason,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto item = load_visible_item(c, actor, type, id);
    const auto case_id = store::ModerationRepository::open_case(c, type, id);
    d::ModeratedItem facts;
    facts.type = type;
    facts.author_id = item.author.id;
    facts.post_state = item.post_state;
    facts.reply_state = item.reply_state;
    facts.locked = item.locked;
    facts.has_open_reports = case_id.has_value();
    if (item.question) facts.question_state = item.question->state;
    facts.question_restores_to = item.question_restores_to;
    const auto outcome = d::decide_moderation(actor, action, facts);
    const auto now = d::now_millis();
    std::string from, to;
    const d::PostFacts post_before{item.post_id, item.post_author_id, item.space, item.post_state};
    const d::ReplyFacts reply_before{item.id,          item.post_id,      item.author.id,
                                     item.reply_state, item.reply_review, item.reply_private_to};
    if (outcome.post_state) {
      if (*outcome.post_state == d::PostState::hidden ||
          *outcome.post_state == d::PostState::removed)
        live_events::post_withdrawn(post_before, *outcome.post_state);
      from = d::to_string(item.post_state);
      to = d::to_string(*outcome.post_state);
      store::ModerationRepository::set_post_state(c, item.id, *outcome.post_state, reason, now);
    }
    if (outcome.reply_state) {
      if (*outcome.reply_state != d::ReplyState::visible)
        live_events::reply_withdrawn(post_before, reply_before);
      from = d::to_string(item.reply_state);
      to = d::to_string(*outcome.reply_state);
      store::ModerationRepository::set_reply_state(c, item, *outcome.reply_state, reason);
    }
    if (outcome.question_state) {
      from = d::to_string(item.question->state);
      to = d::to_string(*outcome.question_state);
      apply_question_state(c, item, *outcome.question_state, reason);
    }
    if (outcome.locked) store::ModerationRepository::set_locked(c, item.id, *outcome.locked, now);
    std::optional<std::int64_t> closed;
    if (outcome.close_reports_as && case_id) {
      closed = case_id;
      const bool dismissed = *outcome.close_reports_as == "dismissed";
      for (auto reporter :
           store::ModerationRepository::close_case(c, *case_id, *outcome.close_reports_as, now))
        notify(c, reporter, "report_resolved",
               dismissed ? "Thank you for your report about a " + std::string(noun(type)) +
                               ". A moderator reviewed it and took no action."
                         : "Thank you for your report about a " + std::string(noun(type)) +
                               ". A moderator reviewed it and took action.",
               std::nullopt);
    }
    if (action != d::ModAction::dismiss) {
      // A removed item is gone for its author too: the notice carries no link to it.
      const bool gone = action == d::ModAction::remove;
      if (type == d::TargetType::question) {
        if (gone)  // no link to what the asker can no longer open
          notify(c, item.author.id, "moderation_action", author_message(action, type, reason),
                 std::nullopt);
        else
          notify_about(c, item.author.id, "moderation_action", author_message(action, type, reason),
                       "question", id);
      } else {
        notify(c, item.author.id, "moderation_action", author_message(action, type, reason),
               gone && type == d::TargetType::post ? std::nullopt
                                                   : std::optional<std::int64_t>(item.post_id));
      }
    }
    store::ActionRecord a;
    a.moderator_id = actor.id;
    a.target_type = type;
    a.target_id = id;
    a.action = action;
    a.reason = reason;
    a.case_id = closed ? closed : case_id;
    a.created_at = now;
    auto saved = store::ModerationRepository::insert_action(c, a);
    nlohmann::json detail = {{"action_id", saved.id}};
    if (saved.case_id) detail["case_id"] = *saved.case_id;
    if (!from.empty()) detail["from"] = from, detail["to"] = to;
    if (outcome.locked) detail["locked"] = *outcome.locked;
    record_audit(c, client, actor.id, "moderation_" + std::string(d::to_string(action)),
                 d::to_string(type), id, detail, reason);
    return saved;
  };
  auto saved = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"action", action_json(saved)}});
}

}  // namespace greenroom::api
