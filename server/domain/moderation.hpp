#pragma once
// The moderator's rules, no I/O: what can be reported and why, which action moves an item to
// which state, and who may act. Visibility itself stays in permissions.*.
#include <optional>
#include <string>
#include <string_view>

#include "domain/model.hpp"

namespace greenroom::domain {

enum class TargetType { post, reply, question };
enum class ReportReason { harassment, confidential, personal_data, misleading, other };
enum class ModAction { hide, remove, restore, lock, unlock, dismiss };

std::optional<TargetType> parse_target_type(std::string_view s);
std::optional<ReportReason> parse_report_reason(std::string_view s);
std::optional<ModAction> parse_mod_action(std::string_view s);
std::string_view to_string(TargetType t);
std::string_view to_string(ReportReason r);
std::string_view to_string(ModAction a);

inline constexpr int kMaxReportComment = 1000;  // code points
inline constexpr int kMaxModerationReason = 500;
// Moderators hear of an item's first report, and again when it passes this many.
inline constexpr int kReportsBeforeEscalation = 3;

// Checks a moderator's reason (1..500 code points, not blank); throws 400 reason_required.
void validate_moderation_reason(const std::string& reason);
// Checks a report comment (0..1000 code points); throws 400.
void validate_report_comment(const std::string& comment);

// The item an action is aimed at, as the rules need it.
struct ModeratedItem {
  TargetType type = TargetType::post;
  std::int64_t author_id = 0;
  PostState post_state = PostState::published;   // posts
  ReplyState reply_state = ReplyState::visible;  // replies
  bool locked = false;                           // posts
  bool has_open_reports = false;
  QuestionState question_state = QuestionState::open;  // questions
  // Where `restore` takes a hidden or removed question: back to what it was (answered,
  // declined, open, or pending when it never went out); see question_restore_state.
  QuestionState question_restores_to = QuestionState::open;
};

// What an action changes. Empty optionals are left as they are.
struct ModerationOutcome {
  std::optional<PostState> post_state;
  std::optional<ReplyState> reply_state;
  std::optional<bool> locked;
  std::optional<QuestionState> question_state;
  // Open reports of the item are closed as "actioned" or "dismissed" (nullopt: left open).
  std::optional<std::string_view> close_reports_as;
};

// Decides an action by a moderator or admin (the caller has checked they see the item):
// 403 own_content for their own item, 409 invalid_transition when the item is not in a state
// the action applies to, 400 for lock/unlock of a reply, 422 not_lockable for lock/unlock of
// a question (a question is not a thread), 409 no_open_reports for dismiss. A question is
// hidden when out (open, answered, declined), removed when out, pending or hidden, restored
// when hidden or removed.
ModerationOutcome decide_moderation(const Actor& actor, ModAction action,
                                    const ModeratedItem& item);

// A report is about a published post or a visible reply of a published post; anything else
// (a draft a coach sees, an item already hidden) is 409 not_reportable.
void check_reportable(TargetType type, PostState post_state, ReplyState reply_state);

// A question can be reported while it is out (open, answered, declined): 409 not_reportable.
void check_question_reportable(QuestionState state);

// What a hidden or removed question goes back to on restore: answered when it has an answer,
// declined when it has a decline reason, open when it went out, else pending.
QuestionState question_restore_state(bool has_answer, bool declined, bool went_out);

// Whether a new reply may be added (the post must also accept engagement): 409 thread_locked.
bool accepts_replies(bool locked);

}  // namespace greenroom::domain
