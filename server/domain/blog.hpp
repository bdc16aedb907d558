#pragma once
// The Q&A blog's rules: who sees a question, who may learn who asked it, what a host may do
// with it, and the promise figures. No I/O.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/model.hpp"
#include "domain/permissions.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {

inline constexpr std::size_t kMaxQuestionCodePoints = 1000;
inline constexpr std::size_t kMaxTopicCodePoints = 40;
inline constexpr std::size_t kMaxDeclineCodePoints = 1000;

// Whether `actor` may approve a pending question (pre-moderation).
bool can_premoderate(const Actor& actor);

// A vote: not on one's own question, only on an out question. Throws Error (403 own, 409
// state).
void check_vote(const Actor& actor, const QuestionFacts& q);

// The host answers an open or answered question (an answer is edited by answering again),
// declines an open one. Throws Error(forbidden) for anyone but the host (who sees the
// question), Error(conflict) for the wrong state.
void check_answer(const Actor& actor, const QuestionFacts& q);
void check_decline(const Actor& actor, const QuestionFacts& q);

// The topic: optional, 1..40 characters of letters, digits, spaces and '-'; returns it
// trimmed and lower-cased, nullopt when absent or blank. Throws Error(bad_request).
std::optional<std::string> normalise_topic(std::optional<std::string> topic);

// The promise figures of a blog from its out questions.
struct QuestionTiming {
  QuestionState state = QuestionState::open;
  Millis asked_at = 0;
  std::optional<Millis> closed_at;
};
struct BlogStats {
  std::int64_t questions = 0;  // out: open, answered, declined
  std::int64_t answered = 0;
  std::int64_t declined = 0;
  std::int64_t waiting = 0;
  double answer_rate = 0;  // answered / questions, 0 without questions
  std::optional<std::int64_t> median_seconds_to_answer;
  std::optional<std::int64_t> oldest_unanswered_seconds;
  std::int64_t overdue = 0;  // open and older than the promise
};
BlogStats blog_stats(std::span<const QuestionTiming> questions, Millis now,
                     std::int64_t promise_days);

}  // namespace greenroom::domain
