#include "domain/moderation.hpp"

#include <array>
#include <utility>

#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<std::string_view, E>, N>;

constexpr Table<TargetType, 3> kTargets{{
    {"post", TargetType::post},
    {"reply", TargetType::reply},
    {"question", TargetType::question},
}};
constexpr Table<ReportReason, 5> kReasons{{
    {"harassment", ReportReason::harassment},
    {"confidential", ReportReason::confidential},
    {"personal_data", ReportReason::personal_data},
    {"misleading", ReportReason::misleading},
    {"other", ReportReason::other},
}};
constexpr Table<ModAction, 6> kActions{{
    {"hide", ModAction::hide},
    {"remove", ModAction::remove},
    {"restore", ModAction::restore},
    {"lock", ModAction::lock},
    {"unlock", ModAction::unlock},
    {"dismiss", ModAction::dismiss},
}};

template <class E, std::size_t N>
std::optional<E> lookup(const Table<E, N>& t, std::string_view s) {
  for (const auto& [name, value] : t)
    if (name == s) return value;
  return std::nullopt;
}
template <class E, std::size_t N>
std::string_view name_of(const Table<E, N>& t, E e) {
  for (const auto& [name, value] : t)
    if (value == e) return name;
  return "unknown";
}

Error invalid_transition(ModAction action, std::string_view state) {
  return conflict("This item is " + std::string(state) + "; \"" + std::string(to_string(action)) +
                      "\" does not apply to it.",
                  "invalid_transition");
}

bool question_out(QuestionState s) {
  return s == QuestionState::open || s == QuestionState::answered || s == QuestionState::declined;
}

ModerationOutcome decide_question(ModAction action, const ModeratedItem& item) {
  ModerationOutcome out;
  const auto state = item.question_state;
  const std::string state_name(to_string(state));
  switch (action) {
    case ModAction::hide:
      if (!question_out(state)) throw invalid_transition(action, state_name);
      out.question_state = QuestionState::hidden;
      out.close_reports_as = "actioned";
      break;
    case ModAction::remove:
      if (!question_out(state) && state != QuestionState::pending && state != QuestionState::hidden)
        throw invalid_transition(action, state_name);
      out.question_state = QuestionState::removed;
      out.close_reports_as = "actioned";
      break;
    case ModAction::restore:
      if (state != QuestionState::hidden && state != QuestionState::removed)
        throw invalid_transition(action, state_name);
      out.question_state = item.question_restores_to;
      break;
    case ModAction::lock:
    case ModAction::unlock:
      throw Error(ErrorKind::unprocessable, "not_lockable",
                  "A question is not a thread and cannot be locked or unlocked; hide or remove "
                  "it instead.");
    case ModAction::dismiss:
      if (!item.has_open_reports)
        throw conflict("This item has no open reports to dismiss.", "no_open_reports");
      out.close_reports_as = "dismissed";
      break;
  }
  return out;
}

}  // namespace

std::optional<TargetType> parse_target_type(std::string_view s) {
  return lookup(kTargets, s);
}
std::optional<ReportReason> parse_report_reason(std::string_view s) {
  return lookup(kReasons, s);
}
std::optional<ModAction> parse_mod_action(std::string_view s) {
  return lookup(kActions, s);
}
std::string_view to_string(TargetType t) {
  return name_of(kTargets, t);
}
std::string_view to_string(ReportReason r) {
  return name_of(kReasons, r);
}
std::string_view to_string(ModAction a) {
  return name_of(kActions, a);
}

void validate_moderation_reason(const std::string& reason) {
  if (is_blank(reason))
    throw bad_request("Every moderation action needs a reason (1 to 500 characters).",
                      "reason_required");
  validate_text(reason, "reason", kMaxModerationReason);
}

void validate_report_comment(const std::string& comment) {
  if (comment.empty()) return;
  validate_text(comment, "comment", kMaxReportComment);
}

ModerationOutcome decide_moderation(const Actor& actor, ModAction action,
                                    const ModeratedItem& item) {
  if (!has_capability(actor.role, Capability::moderate))
    throw forbidden("Moderation actions are for moderators and admins.");
  if (actor.id == item.author_id)
    throw forbidden("Moderators do not act on their own posts or replies; ask another moderator.",
                    "own_content");
  if (item.type == TargetType::question) return decide_question(action, item);
  ModerationOutcome out;
  const bool is_post = item.type == TargetType::post;
  const auto state_name =
      is_post ? std::string(to_string(item.post_state)) : std::string(to_string(item.reply_state));
  switch (action) {
    case ModAction::hide:
      if (is_post ? item.post_state != PostState::published
                  : item.reply_state != ReplyState::visible)
        throw invalid_transition(action, state_name);
      if (is_post)
        out.post_state = PostState::hidden;
      else
        out.reply_state = ReplyState::hidden;
      out.close_reports_as = "actioned";
      break;
    case ModAction::remove:
      if (is_post
              ? (item.post_state != PostState::published && item.post_state != PostState::hidden)
              : item.reply_state == ReplyState::removed)
        throw invalid_transition(action, state_name);
      if (is_post)
        out.post_state = PostState::removed;
      else
        out.reply_state = ReplyState::removed;
      out.close_reports_as = "actioned";
      break;
    case ModAction::restore:
      if (is_post ? (item.post_state != PostState::hidden && item.post_state != PostState::removed)
                  : item.reply_state == ReplyState::visible)
        throw invalid_transition(action, state_name);
      if (is_post)
        out.post_state = PostState::published;
      else
        out.reply_state = ReplyState::visible;
      break;
    case ModAction::lock:
    case ModAction::unlock:
      if (!is_post)
        throw bad_request("Only a post (a thread) can be locked or unlocked.",
                          "invalid_target_type");
      if (item.locked == (action == ModAction::lock))
        throw conflict(
            item.locked ? "This thread is already locked." : "This thread is not locked.",
            "invalid_transition");
      if (item.post_state != PostState::published && item.post_state != PostState::hidden)
        throw invalid_transition(action, state_name);
      out.locked = action == ModAction::lock;
      if (action == ModAction::lock) out.close_reports_as = "actioned";
      break;
    case ModAction::dismiss:
      if (!item.has_open_reports)
        throw conflict("This item has no open reports to dismiss.", "no_open_reports");
      out.close_reports_as = "dismissed";
      break;
  }
  return out;
}

void check_reportable(TargetType type, PostState post_state, ReplyState reply_state) {
  const bool ok = post_state == PostState::published &&
                  (type != TargetType::reply || reply_state == ReplyState::visible);
  if (!ok)
    throw conflict("Only published posts and their visible replies can be reported.",
                   "not_reportable");
}

void check_question_reportable(QuestionState state) {
  if (!question_out(state))
    throw conflict("Only questions that are out (open, answered or declined) can be reported.",
                   "not_reportable");
}

QuestionState question_restore_state(bool has_answer, bool declined, bool went_out) {
  if (has_answer) return QuestionState::answered;
  if (declined) return QuestionState::declined;
  return went_out ? QuestionState::open : QuestionState::pending;
}

bool accepts_replies(bool locked) {
  return !locked;
}

}  // namespace greenroom::domain
