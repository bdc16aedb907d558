#pragma once
// Rules for writing posts and replies: what a body may contain and which state a new post
// starts in for a given author, space and action.
#include <cstddef>
#include <string_view>

#include "domain/model.hpp"
#include "domain/post_lifecycle.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {

inline constexpr std::size_t kMaxPostCodePoints = 5000;
inline constexpr std::size_t kMaxReplyCodePoints = 2000;

// Throws Error(bad_request, validation_failed) naming `field` when the text is not valid
// UTF-8, empty or blank, too long (in code points), or has control characters.
void validate_text(std::string_view text, std::string_view field, std::size_t max_code_points);

// The state a new post starts in, or throws Error(forbidden, ...) saying why the author may
// not do that: `review_required` when the training level does not allow publishing there.
PostState decide_new_post(const Actor& author, Space space, PostAction action);

// Whether the author's training level needs a coach's approval before a post goes out in
// `space` (Crawl: everywhere; Walk: the company space; Run and non-executives: never).
bool needs_review(const Actor& author, Space space);

// The state after the author moves a post to another space. A move is a change like an edit
// (a new version): drafts and posts with changes requested stay as they are (submit and
// publish decide later); an approved post goes back to review when the level needs a coach's
// approval in the new space. Throws Error(conflict, illegal_transition) in other states.
PostState state_after_move(const Actor& author, PostState from, Space to);

// Where a new reply by `author` to a post in `space` starts: held for the author's coaches
// (ReplyReview::in_review) when a Crawl executive replies in the company space, else out.
ReplyReview decide_new_reply(const Actor& author, Space space);

// A coach's verdict or the author's edit on a held reply: in_review --approve--> approved,
// in_review --request_changes--> changes_requested, changes_requested --edit--> in_review.
// Throws Error(conflict, illegal_transition) otherwise.
ReplyReview reply_transition(ReplyReview from, PostCommand cmd);
// How a published post is corrected: directly (the live text changes at once, marked
// edited) at Run and for everyone who publishes without review; below Run the correction
// goes through review while the published version stays up.
bool corrects_directly(const Actor& author);

// When a post may be scheduled: strictly after `now`, at most a year ahead; throws
// Error(bad_request) saying what is allowed.
void validate_schedule(Millis at, Millis now);

}  // namespace greenroom::domain
