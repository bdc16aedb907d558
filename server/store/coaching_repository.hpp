#pragma once
// Reviews (verdict + rubric), the review queue, policy versions, goals and notifications.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/goals.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct Rubric {
  int clarity = 0, tone = 0, audience_fit = 0, policy = 0;
};

struct ReviewRecord {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t version = 0;
  AuthorRef coach;
  std::string verdict;
  std::string comment;
  Rubric rubric;
  domain::Millis created_at = 0;
  std::optional<std::int64_t> reply_id;  // set when the verdict is on a reply of the post
};

class ReviewRepository {
 public:
  static std::int64_t insert(Connection& c, std::int64_t post_id, std::int64_t version,
                             std::int64_t coach_id, const std::string& verdict,
                             const std::string& comment, const Rubric& rubric, domain::Millis now,
                             std::optional<std::int64_t> reply_id = std::nullopt);
  // The verdicts on the post's own text (not on its replies), oldest first.
  static std::vector<ReviewRecord> for_post(Connection& c, std::int64_t post_id);
  static std::vector<ReviewRecord> for_reply(Connection& c, std::int64_t reply_id);
  // Whether a coach approved this version of the post's text: exactly, or the newest approval
  // when the versions since only applied that coach's own suggestions (which keep it).
  static bool approves_version(Connection& c, std::int64_t post_id, std::int64_t version);
  static std::optional<ReviewRecord> find(Connection& c, std::int64_t id);
  // Posts in review by the coach's executives, oldest submission first: (post id, submitted_at).
  static std::vector<std::pair<std::int64_t, domain::Millis>> queue(Connection& c,
                                                                    std::int64_t coach_id,
                                                                    int limit);
  static std::int64_t waiting_for(Connection& c, std::int64_t executive_id);
  // The coach whose approval put the post in its current `approved` state (the newest
  // approve verdict), 0 when there is none.
  static std::int64_t approved_by(Connection& c, std::int64_t post_id);
};

struct PolicyRecord {
  std::int64_t version = 0;
  std::string document;
  domain::Millis created_at = 0;
  std::optional<AuthorRef> created_by;  // filled by list() and find(); null for the seed
};

class PolicyRepository {
 public:
  static std::optional<PolicyRecord> latest(Connection& c);
  // Every saved version, newest first, with who saved it; one version.
  static std::vector<PolicyRecord> list(Connection& c);
  static std::optional<PolicyRecord> find(Connection& c, std::int64_t version);
  static void insert(Connection& c, std::int64_t version, const std::string& document,
                     std::optional<std::int64_t> by, domain::Millis now);
};

struct GoalRecord {
  std::int64_t id = 0;
  std::int64_t executive_id = 0;
  AuthorRef coach;
  std::string title;
  domain::GoalMetric metric = domain::GoalMetric::company_posts;
  std::int64_t target = 1;
  domain::GoalTerm term = domain::GoalTerm::short_term;
  domain::Millis created_at = 0;
  domain::Millis due_at = 0;
  std::int64_t progress = 0;  // counted from activity in [created_at, due_at]
};

struct NewGoal {
  std::int64_t executive_id = 0;
  std::int64_t coach_id = 0;
  std::string title;
  domain::GoalMetric metric = domain::GoalMetric::company_posts;
  std::int64_t target = 1;
  domain::GoalTerm term = domain::GoalTerm::short_term;
  domain::Millis due_at = 0;
};

class GoalRepository {
 public:
  static std::int64_t insert(Connection& c, const NewGoal& g, domain::Millis now);
  static std::optional<GoalRecord> find(Connection& c, std::int64_t id);
  static std::vector<GoalRecord> for_executive(Connection& c, std::int64_t executive_id);
  static void remove(Connection& c, std::int64_t id);
  // Goals due within `window` of `now`, not reminded yet and not done.
  static std::vector<GoalRecord> due_for_reminder(Connection& c, domain::Millis now,
                                                  domain::Millis window);
  static void mark_reminded(Connection& c, std::int64_t id, domain::Millis now);
};

struct NotificationRecord {
  std::int64_t id = 0;
  std::string kind;
  std::string message;
  std::optional<std::int64_t> post_id, annotation_id, goal_id;
  // What the notice is about when it is not a post, annotation or goal (a question, an
  // article, a mentorship, a person, a policy version): both set or both empty.
  std::optional<std::string> target_type = std::nullopt;
  std::optional<std::int64_t> target_id = std::nullopt;
  domain::Millis created_at = 0;
  bool read = false;
  // For a notice about a person (target_type "user"): their username while the account is
  // enabled, else empty.
  std::optional<std::string> target_username = std::nullopt;
};

struct NewNotification {
  std::int64_t user_id = 0;
  std::string kind;
  std::string message;
  std::optional<std::int64_t> post_id, annotation_id, goal_id;
  std::optional<std::string> target_type = std::nullopt;  // with target_id, see NotificationRecord
  std::optional<std::int64_t> target_id = std::nullopt;
};

class NotificationRepository {
 public:
  static void insert(Connection& c, const NewNotification& n, domain::Millis now);
  static std::vector<NotificationRecord> list(Connection& c, std::int64_t user_id, bool unread_only,
                                              std::optional<std::int64_t> before_id, int limit);
  // Unread notices grouped by the post they are about (nullopt: not about a post).
  static std::vector<std::pair<std::optional<std::int64_t>, std::int64_t>> unread_by_post(
      Connection& c, std::int64_t user_id);
  // Unread notices about a blog question (target_type "question"), grouped by question.
  static std::vector<std::pair<std::int64_t, std::int64_t>> unread_by_question(
      Connection& c, std::int64_t user_id);
  static void mark_read(Connection& c, std::int64_t user_id, const std::vector<std::int64_t>& ids,
                        domain::Millis now);
  static void mark_all_read(Connection& c, std::int64_t user_id, domain::Millis now);
};

}  // namespace greenroom::store
