#pragma once
// Reports, moderation cases (one open case per reported item) and moderator actions, and the
// state changes actions make to posts and replies (keeping reply_count in step).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/moderation.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

// A post or reply as moderation sees it.
struct ModeratedRecord {
  domain::TargetType type = domain::TargetType::post;
  std::int64_t id = 0;
  std::int64_t post_id = 0;         // the post itself, or the post a reply answers
  AuthorRef author;                 // of the item
  std::int64_t post_author_id = 0;  // of the post (the item itself, or the post replied to)
  domain::PostState post_state =
      domain::PostState::published;  // of the post (for a reply: its post)
  domain::Space space = domain::Space::company;
  domain::ReplyState reply_state = domain::ReplyState::visible;
  domain::ReplyReview reply_review = domain::ReplyReview::none;  // replies: held for a coach?
  std::int64_t reply_private_to = 0;  // replies: a drill reply's executive (ReplyFacts)
  bool locked = false;
  // Questions: the question's facts (author is the asker; never shown for an anonymous one),
  // and what a restore takes it back to. post_id is 0 for a question.
  std::optional<domain::QuestionFacts> question;
  std::int64_t blog_id = 0;
  domain::QuestionState question_restores_to = domain::QuestionState::open;
};

struct ReportRecord {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  domain::TargetType target_type = domain::TargetType::post;
  std::int64_t target_id = 0;
  AuthorRef reporter;
  domain::ReportReason reason = domain::ReportReason::other;
  std::string comment;
  domain::Millis created_at = 0;
  domain::Millis updated_at = 0;
};

struct FiledReport {
  ReportRecord report;
  bool created = false;   // false: the reporter's open report was updated
  bool new_case = false;  // the first open report of the item
  std::int64_t report_count = 0;
};

struct CaseRecord {
  std::int64_t id = 0;
  domain::TargetType target_type = domain::TargetType::post;
  std::int64_t target_id = 0;
  std::int64_t post_id = 0;
  std::int64_t report_count = 0;
  domain::Millis opened_at = 0;
  std::vector<ReportRecord> reports;  // oldest first
};

struct CasePage {
  std::vector<CaseRecord> items;
  std::optional<domain::Cursor> next;
};

struct ActionRecord {
  std::int64_t id = 0;
  std::int64_t moderator_id = 0;
  domain::TargetType target_type = domain::TargetType::post;
  std::int64_t target_id = 0;
  domain::ModAction action = domain::ModAction::hide;
  std::string reason;
  std::optional<std::int64_t> case_id;
  domain::Millis created_at = 0;
};

class ModerationRepository {
 public:
  // A post, reply or question by id (any state), nullopt when there is none.
  static std::optional<ModeratedRecord> find_item(Connection& c, domain::TargetType type,
                                                  std::int64_t id);
  static std::optional<std::int64_t> open_case(Connection& c, domain::TargetType type,
                                               std::int64_t id);

  // Files or updates the reporter's open report of the item (opening a case if needed).
  static FiledReport file_report(Connection& c, const ModeratedRecord& item,
                                 std::int64_t reporter_id, domain::ReportReason reason,
                                 const std::string& comment, domain::Millis now);

  // Open cases, oldest first report first, keyset on (opened_at, id), with their reports.
  static CasePage queue(Connection& c, std::optional<domain::Cursor> before, int limit);

  // Closes the case as "actioned" or "dismissed"; returns the reporters to tell.
  static std::vector<std::int64_t> close_case(Connection& c, std::int64_t case_id,
                                              std::string_view state, domain::Millis now);

  static void set_post_state(Connection& c, std::int64_t post_id, domain::PostState state,
                             const std::string& reason, domain::Millis now);
  // Moves a question to `state` (hidden, removed, or back on restore).
  static void set_question_state(Connection& c, std::int64_t question_id,
                                 domain::QuestionState state, const std::string& reason);
  // Moves a reply to `state`, adjusting its post's reply_count (visible replies only).
  static void set_reply_state(Connection& c, const ModeratedRecord& reply, domain::ReplyState state,
                              const std::string& reason);
  static void set_locked(Connection& c, std::int64_t post_id, bool locked, domain::Millis now);

  static ActionRecord insert_action(Connection& c, const ActionRecord& a);

  static std::vector<std::int64_t> moderator_ids(Connection& c);
};

}  // namespace greenroom::store
