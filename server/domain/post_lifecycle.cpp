#include "domain/post_lifecycle.hpp"

#include "domain/errors.hpp"

namespace greenroom::domain {

std::string_view to_string(PostCommand c) {
  switch (c) {
    case PostCommand::edit:
      return "edit";
    case PostCommand::submit:
      return "submit";
    case PostCommand::publish:
      return "publish";
    case PostCommand::withdraw:
      return "withdraw";
    case PostCommand::approve:
      return "approve";
    case PostCommand::request_changes:
      return "request changes";
  }
  return "unknown";
}

std::vector<PostCommand> allowed_commands(PostState s) {
  switch (s) {
    case PostState::draft:
      return {PostCommand::edit, PostCommand::submit, PostCommand::publish};
    case PostState::in_review:
      return {PostCommand::withdraw, PostCommand::approve, PostCommand::request_changes};
    case PostState::changes_requested:
      return {PostCommand::edit, PostCommand::submit};
    case PostState::approved:
      return {PostCommand::publish, PostCommand::edit};
    case PostState::published:
    case PostState::hidden:
    case PostState::removed:
      return {};
  }
  return {};
}

bool is_editable(PostState s) {
  return s == PostState::draft || s == PostState::changes_requested || s == PostState::approved;
}

PostState transition(PostState from, PostCommand cmd) {
  for (auto allowed : allowed_commands(from)) {
    if (allowed != cmd) continue;
    switch (cmd) {
      case PostCommand::edit:
        // Changing an approved text sends it back to the coaches.
        return from == PostState::approved ? PostState::in_review : from;
      case PostCommand::submit:
        return PostState::in_review;
      case PostCommand::publish:
        return PostState::published;
      case PostCommand::withdraw:
        return PostState::draft;
      case PostCommand::approve:
        return PostState::approved;  // the leader publishes it (now or scheduled)
      case PostCommand::request_changes:
        return PostState::changes_requested;
    }
  }
  std::string legal;
  for (auto c : allowed_commands(from))
    legal += (legal.empty() ? "" : ", ") + std::string(to_string(c));
  throw Error(ErrorKind::conflict, "illegal_transition",
              "A post that is " + std::string(to_string(from)) + " cannot " +
                  std::string(to_string(cmd)) +
                  "; allowed now: " + (legal.empty() ? "nothing" : legal) + ".");
}

}  // namespace greenroom::domain
