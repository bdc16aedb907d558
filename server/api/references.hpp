#pragma once
// Mentions (@username) and topics (#topic) of posts and replies: recognised by
// domain::find_references when a text is saved, stored with their offsets, returned with the
// item, and announced: a mentioned person is notified only if the visibility rule lets them
// see the item.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::api {

// Inside a write: stores the references of the post's text (or the reply's, when given).
// With `announce` (the item is now out for its audience) each mentioned person who may see it
// is notified ("mention"); the author never is. Returns how many were notified.
int save_references(store::Connection& c, const store::PostRecord& post,
                    const store::ReplyRecord* reply, const std::string& author_name, bool announce);

// [{"kind":"mention"|"topic","value","start","end"}] for a text (code-point offsets).
nlohmann::json references_json(std::string_view text);
void append_references_json(std::string& out, std::string_view text);

}  // namespace greenroom::api
