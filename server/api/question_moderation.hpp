#pragma once
// The parts of moderation that differ for a blog question: what can be reported, how the
// item is named to moderators (never by an anonymous asker), its queue entry and its state
// change (with the live event to those who could see it).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/model.hpp"
#include "store/database.hpp"
#include "store/moderation_repository.hpp"

namespace greenroom::api {

// 409 not_reportable unless the item (post, reply or question) may be reported now.
void check_item_reportable(const store::ModeratedRecord& item);

// "post by Ada Lovelace", "question by Max", "question asked anonymously on a blog".
std::string reported_item_words(const store::ModeratedRecord& item);

// The queue entry of a question case, when `actor` may see the question: the question as
// everyone sees it (an anonymous one without its asker), "post": null, and the blog.
std::optional<nlohmann::json> question_case_json(store::Connection& c, const domain::Actor& actor,
                                                 const store::CaseRecord& k);

// Moves the question to `state` (inside the moderation action's write job); a hidden or
// removed question is announced as withdrawn to those who could see it.
void apply_question_state(store::Connection& c, const store::ModeratedRecord& item,
                          domain::QuestionState state, const std::string& reason);

}  // namespace greenroom::api
