#include "app/seed_moderation.hpp"

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/coaching_repository.hpp"
#include "store/moderation_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::app {

namespace d = greenroom::domain;

void seed_moderation(store::Connection& conn,
                     const std::function<std::int64_t(std::string_view)>& id_of,
                     domain::Millis now) {
  const auto mo = id_of("mo");
  auto audit = [&](std::optional<std::int64_t> actor, std::string action, std::string type,
                   std::int64_t id, std::string reason, nlohmann::json detail, d::Millis at) {
    store::audit::Entry e;
    e.at = at;
    e.actor_id = actor;
    e.action = std::move(action);
    e.target_type = std::move(type);
    e.target_id = id;
    e.reason = std::move(reason);
    e.client = "127.0.0.1";
    e.detail = detail.dump();
    store::audit::record(conn, e);
  };

  // A post two people reported: it waits in the moderation queue.
  const auto reported = store::PostRepository::insert(
      conn,
      {id_of("lee"), d::Space::company, d::PostState::published,
       "Heads up: the Hendricks account is about to churn, their CFO told me the renewal is "
       "dead. Call me on 07700 900123 if you want the details before the board hears."},
      now - 5 * 3600000);
  audit(id_of("lee"), "post_created", "post", reported, "", {{"space", "company"}},
        now - 5 * 3600000);
  auto item = *store::ModerationRepository::find_item(conn, d::TargetType::post, reported);
  auto first = store::ModerationRepository::file_report(
      conn, item, id_of("sam"), d::ReportReason::confidential,
      "Customer details and a renewal forecast in the company feed.", now - 4 * 3600000);
  audit(id_of("sam"), "report_filed", "post", reported, "",
        {{"report_id", first.report.id}, {"reason", "confidential"}}, now - 4 * 3600000);
  store::NotificationRepository::insert(
      conn,
      {mo, "item_reported", "A post by Lee Okafor was reported (confidential).", reported,
       std::nullopt, std::nullopt},
      now - 4 * 3600000);
  auto second = store::ModerationRepository::file_report(
      conn, item, id_of("priya"), d::ReportReason::personal_data, "A phone number in a post.",
      now - 3 * 3600000);
  audit(id_of("priya"), "report_filed", "post", reported, "",
        {{"report_id", second.report.id}, {"reason", "personal_data"}}, now - 3 * 3600000);

  // A reply a moderator hid, with the reason its author sees.
  const auto thread = store::PostRepository::insert(
      conn,
      {id_of("dana"), d::Space::company, d::PostState::published,
       "What is one thing that would make Monday meetings better? Honest answers welcome."},
      now - 30 * 3600000);
  audit(id_of("dana"), "post_created", "post", thread, "", {{"space", "company"}},
        now - 30 * 3600000);
  store::PostRepository::add_reply(conn, thread, id_of("sam"), "Shorter agendas, sent a day ahead.",
                                   now - 29 * 3600000);
  auto rude = store::PostRepository::add_reply(
      conn, thread, id_of("jordan"), "Fewer people from the sales floor who never listen.",
      now - 28 * 3600000);
  auto reply = *store::ModerationRepository::find_item(conn, d::TargetType::reply, rude.id);
  const std::string hide_reason =
      "Singles out a team in a way that reads as harassment; please raise it with your manager.";
  store::ModerationRepository::set_reply_state(conn, reply, d::ReplyState::hidden, hide_reason);
  auto hid = store::ModerationRepository::insert_action(
      conn, {0, mo, d::TargetType::reply, rude.id, d::ModAction::hide, hide_reason, std::nullopt,
             now - 27 * 3600000});
  store::NotificationRepository::insert(
      conn,
      {id_of("jordan"), "moderation_action", "A moderator hid your reply. Reason: " + hide_reason,
       thread, std::nullopt, std::nullopt},
      now - 27 * 3600000);
  audit(mo, "moderation_hide", "reply", rude.id, hide_reason,
        {{"action_id", hid.id}, {"from", "visible"}, {"to", "hidden"}}, now - 27 * 3600000);

  // A locked thread: it says so instead of offering a reply box.
  const auto locked = store::PostRepository::insert(
      conn,
      {id_of("priya"), d::Space::company, d::PostState::published,
       "The parking rota for the Leeds office is final for this quarter. Thank you for the "
       "many suggestions."},
      now - 50 * 3600000);
  audit(id_of("priya"), "post_created", "post", locked, "", {{"space", "company"}},
        now - 50 * 3600000);
  store::PostRepository::add_reply(conn, locked, id_of("lee"), "Thanks for sorting this out.",
                                   now - 49 * 3600000);
  const std::string lock_reason = "The rota is settled; the thread was going in circles.";
  store::ModerationRepository::set_locked(conn, locked, true, now - 48 * 3600000);
  auto lock = store::ModerationRepository::insert_action(
      conn, {0, mo, d::TargetType::post, locked, d::ModAction::lock, lock_reason, std::nullopt,
             now - 48 * 3600000});
  audit(mo, "moderation_lock", "post", locked, lock_reason,
        {{"action_id", lock.id}, {"locked", true}}, now - 48 * 3600000);
}

}  // namespace greenroom::app
