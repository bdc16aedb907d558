#include "domain/blog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "domain/errors.hpp"
#include "domain/permissions.hpp"

namespace greenroom::domain {
namespace {

constexpr std::array<std::pair<std::string_view, QuestionState>, 6> kStates = {{
    {"pending", QuestionState::pending},
    {"open", QuestionState::open},
    {"answered", QuestionState::answered},
    {"declined", QuestionState::declined},
    {"hidden", QuestionState::hidden},
    {"removed", QuestionState::removed},
}};

bool is_out(QuestionState s) {
  return s == QuestionState::open || s == QuestionState::answered || s == QuestionState::declined;
}

bool oversees(const Actor& a) {
  return has_capability(a.role, Capability::moderate);
}

}  // namespace

std::optional<QuestionState> parse_question_state(std::string_view s) {
  for (const auto& [name, state] : kStates)
    if (name == s) return state;
  return std::nullopt;
}

std::string_view to_string(QuestionState s) {
  for (const auto& [name, state] : kStates)
    if (state == s) return name;
  return "removed";
}

bool can_premoderate(const Actor& actor) {
  return oversees(actor);
}

void check_vote(const Actor& actor, const QuestionFacts& q) {
  if (actor.id == q.asker_id)
    throw forbidden("You cannot vote on your own question.", "own_question");
  if (q.state != QuestionState::open && q.state != QuestionState::answered &&
      q.state != QuestionState::declined)
    throw conflict("Votes are only possible on questions that are out.");
}

void check_answer(const Actor& actor, const QuestionFacts& q) {
  if (actor.id != q.host_id) throw forbidden("Only the blog's host answers its questions.");
  if (q.state != QuestionState::open && q.state != QuestionState::answered)
    throw conflict(
        "Only open questions can be answered; this one is " + std::string(to_string(q.state)) + ".",
        "illegal_transition");
}

void check_decline(const Actor& actor, const QuestionFacts& q) {
  if (actor.id != q.host_id) throw forbidden("Only the blog's host declines its questions.");
  if (q.state != QuestionState::open)
    throw conflict(
        "Only open questions can be declined; this one is " + std::string(to_string(q.state)) + ".",
        "illegal_transition");
}

std::optional<std::string> normalise_topic(std::optional<std::string> topic) {
  if (!topic) return std::nullopt;
  std::string t;
  for (char ch : *topic) {
    auto u = static_cast<unsigned char>(ch);
    if (!(std::isalnum(u) || ch == ' ' || ch == '-'))
      throw bad_request("topic may hold letters, digits, spaces and '-' only.");
    t.push_back(static_cast<char>(std::tolower(u)));
  }
  auto first = t.find_first_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  t = t.substr(first, t.find_last_not_of(' ') - first + 1);
  if (t.size() > kMaxTopicCodePoints) throw bad_request("topic has at most 40 characters.");
  return t;
}

BlogStats blog_stats(std::span<const QuestionTiming> questions, Millis now,
                     std::int64_t promise_days) {
  BlogStats s;
  std::vector<Millis> times;
  const Millis promise = promise_days * 24 * 3600 * 1000;
  for (const auto& q : questions) {
    if (!is_out(q.state)) continue;
    ++s.questions;
    if (q.state == QuestionState::declined) ++s.declined;
    if (q.state == QuestionState::answered) {
      ++s.answered;
      if (q.closed_at) times.push_back(*q.closed_at - q.asked_at);
    }
    if (q.state == QuestionState::open) {
      ++s.waiting;
      const auto age = std::max<Millis>(0, now - q.asked_at);
      if (!s.oldest_unanswered_seconds || age / 1000 > *s.oldest_unanswered_seconds)
        s.oldest_unanswered_seconds = age / 1000;
      if (age > promise) ++s.overdue;
    }
  }
  if (s.questions) s.answer_rate = static_cast<double>(s.answered) / s.questions;
  if (!times.empty()) {
    std::sort(times.begin(), times.end());
    const auto n = times.size();
    const Millis median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    s.median_seconds_to_answer = median / 1000;
  }
  return s;
}

}  // namespace greenroom::domain
