#include "domain/post_rules.hpp"

#include <string>

#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/text.hpp"

namespace greenroom::domain {

void validate_text(std::string_view text, std::string_view field, std::size_t max_code_points) {
  const std::string name(field);
  if (!is_valid_utf8(text)) throw bad_request(name + " must be valid UTF-8 text.");
  if (is_blank(text)) throw bad_request(name + " must not be empty.");
  const auto n = code_point_count(text);
  if (n > max_code_points)
    throw bad_request(name + " is " + std::to_string(n) + " characters long; at most " +
                      std::to_string(max_code_points) + " are allowed.");
  if (has_forbidden_control(text))
    throw bad_request(name +
                      " contains control characters; only text, new lines and tabs are allowed.");
}

PostState decide_new_post(const Actor& author, Space space, PostAction action) {
  const Capability cap =
      space == Space::company ? Capability::post_company : Capability::post_practice;
  if (!has_capability(author.role, cap))
    throw forbidden("A " + std::string(to_string(author.role)) + " may not post in the " +
                    std::string(to_string(space)) + " space; use the company space.");
  switch (action) {
    case PostAction::draft:
      return PostState::draft;
    case PostAction::submit:
      if (!has_capability(author.role, Capability::submit_for_review))
        throw forbidden("Only executives submit posts for review; publish it instead.");
      return PostState::in_review;
    case PostAction::publish:
      break;
  }
  if (author.role != Role::executive) return PostState::published;
  const Level level = author.level.value_or(Level::crawl);
  if (level == Level::run) return PostState::published;
  if (level == Level::walk && space == Space::practice) return PostState::published;
  if (level == Level::walk)
    throw forbidden(
        "At the Walk level a company post needs a coach's approval first: submit it for review "
        "(publishing directly is allowed in the practice space).",
        "review_required");
  throw forbidden(
      "At the Crawl level every post needs a coach's approval first: submit it for review.",
      "review_required");
}

bool needs_review(const Actor& author, Space space) {
  if (author.role != Role::executive) return false;
  switch (author.level.value_or(Level::crawl)) {
    case Level::crawl:
      return true;
    case Level::walk:
      return space == Space::company;
    case Level::run:
      return false;
  }
  return true;
}

PostState state_after_move(const Actor& author, PostState from, Space to) {
  if (from == PostState::approved) return needs_review(author, to) ? PostState::in_review : from;
  return transition(from, PostCommand::edit);  // drafts and changes_requested; 409 otherwise
}

ReplyReview decide_new_reply(const Actor& author, Space space) {
  const bool crawl =
      author.role == Role::executive && author.level.value_or(Level::crawl) == Level::crawl;
  return crawl && space == Space::company ? ReplyReview::in_review : ReplyReview::none;
}

ReplyReview reply_transition(ReplyReview from, PostCommand cmd) {
  if (from == ReplyReview::in_review && cmd == PostCommand::approve) return ReplyReview::approved;
  if (from == ReplyReview::in_review && cmd == PostCommand::request_changes)
    return ReplyReview::changes_requested;
  if (from == ReplyReview::changes_requested && cmd == PostCommand::edit)
    return ReplyReview::in_review;
  const std::string allowed = from == ReplyReview::in_review           ? "approve, request changes"
                              : from == ReplyReview::changes_requested ? "edit"
                                                                       : "nothing";
  throw Error(ErrorKind::conflict, "illegal_transition",
              "A reply that is " +
                  std::string(from == ReplyReview::none ? "not held for review" : to_string(from)) +
                  " cannot " + std::string(to_string(cmd)) + "; allowed now: " + allowed + ".");
}

bool corrects_directly(const Actor& author) {
  return author.role != Role::executive || author.level.value_or(Level::crawl) == Level::run;
}

void validate_schedule(Millis at, Millis now) {
  constexpr Millis kYear = 366LL * 24 * 3600 * 1000;
  if (at <= now) throw bad_request("at must be a time in the future (RFC 3339, UTC).");
  if (at > now + kYear) throw bad_request("at must be within a year from now.");
}

}  // namespace greenroom::domain
