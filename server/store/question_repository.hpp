#pragma once
// Questions on a blog, their votes (vote_count stored, kept in step here), the host's answer
// with every version of it, and declines. Listings return every question of the blog that is
// not removed; the caller shows each only to whoever domain::can_view_question lets see it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/blog.hpp"
#include "domain/cursor.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct AnswerRecord {
  std::string body;
  std::optional<std::string> html;  // rendered when written; nullopt for older answers
  std::int64_t version = 1;
  domain::Millis created_at = 0;
  domain::Millis updated_at = 0;
};

struct QuestionRecord {
  std::int64_t id = 0;
  std::int64_t blog_id = 0;
  std::int64_t host_id = 0;
  AuthorRef asker;  // never shown for an anonymous question (domain::shows_asker)
  bool anonymous = false;
  std::optional<std::string> topic;
  std::string body;
  domain::QuestionState state = domain::QuestionState::open;
  std::int64_t vote_count = 0;
  bool voted_by_me = false;
  std::optional<std::string> decline_reason;
  domain::Millis created_at = 0;
  std::optional<domain::Millis> asked_at;
  std::optional<domain::Millis> closed_at;
  std::optional<AnswerRecord> answer;

  domain::QuestionFacts facts() const { return {id, asker.id, host_id, anonymous, state}; }
};

struct NewQuestion {
  std::int64_t blog_id = 0;
  std::int64_t asker_id = 0;
  bool anonymous = false;
  std::optional<std::string> topic;
  std::string body;
  bool pending = false;  // pre-moderated blog
};

enum class QuestionSort { votes, newest, unanswered };

struct AnswerVersion {
  std::int64_t version = 0;
  std::string body;
  domain::Millis created_at = 0;
};

class QuestionRepository {
 public:
  static std::int64_t insert(Connection& c, const NewQuestion& q, domain::Millis now);
  static std::optional<QuestionRecord> find(Connection& c, std::int64_t id, std::int64_t viewer_id);
  // One page in `sort` order after the cursor (keyset: votes (vote_count, id) descending,
  // newest id descending, unanswered (open first, then time out, then id) ascending).
  static std::vector<QuestionRecord> list(Connection& c, std::int64_t blog_id,
                                          std::int64_t viewer_id, QuestionSort sort,
                                          const std::optional<std::string>& topic, int limit,
                                          const std::optional<domain::Cursor>& after = {});
  // The cursor that continues a `sort` listing after `q`.
  static domain::Cursor cursor_of(QuestionSort sort, const QuestionRecord& q);
  // Answered questions of the blog, the latest answered first (the blog's Atom feed).
  static std::vector<QuestionRecord> answered(Connection& c, std::int64_t blog_id,
                                              std::int64_t viewer_id, int limit);
  // Questions out (open, answered, declined) and votes cast on them, per topic and week
  // (weeks start Monday 00:00 UTC), from `since` on.
  struct TopicWeek {
    std::optional<std::string> topic;
    domain::Millis week_start = 0;
    std::int64_t questions = 0;
    std::int64_t votes = 0;
  };
  static std::vector<TopicWeek> temperature(Connection& c, std::int64_t blog_id,
                                            domain::Millis since);
  static std::vector<domain::QuestionTiming> timings(Connection& c, std::int64_t blog_id);

  // Idempotent; return the new vote_count.
  static std::int64_t vote(Connection& c, std::int64_t id, std::int64_t user_id,
                           domain::Millis now);
  static std::int64_t unvote(Connection& c, std::int64_t id, std::int64_t user_id);
  static std::vector<std::int64_t> voters(Connection& c, std::int64_t id);

  // The first answer or a new version of it (with its rendered HTML); the question becomes
  // answered (closed_at is the first answer's time). Returns the answer's version.
  static std::int64_t answer(Connection& c, std::int64_t id, std::string_view body,
                             std::string_view html, domain::Millis now);
  static std::vector<AnswerVersion> answer_versions(Connection& c, std::int64_t id);
  static void decline(Connection& c, std::int64_t id, std::string_view reason, domain::Millis now);
  // pending -> open (a moderator approved it; the promise clock starts now).
  static void approve(Connection& c, std::int64_t id, domain::Millis now);
};

}  // namespace greenroom::store
