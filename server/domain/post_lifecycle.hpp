#pragma once
// The post lifecycle: which command is legal in which state, and where it leads.
//   draft --submit--> in_review --approve--> approved --publish (now or scheduled)--> published
//                         |--request_changes--> changes_requested --edit/submit--> in_review
//   approved --edit--> in_review (applying the approving coach's own suggestion keeps the
//   approval; the handler decides that, see api/annotations.cpp)
//   draft --publish--> published (when the training level allows; see decide_new_post)
//   in_review --withdraw--> draft
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace greenroom::domain {

enum class PostCommand { edit, submit, publish, withdraw, approve, request_changes };

std::string_view to_string(PostCommand c);

// The state after `cmd`, or throws Error(conflict, "illegal_transition") naming the current
// state and the commands allowed from it.
PostState transition(PostState from, PostCommand cmd);

std::vector<PostCommand> allowed_commands(PostState s);

// Whether the author may still change the text (an approved text goes back to review).
bool is_editable(PostState s);

}  // namespace greenroom::domain
