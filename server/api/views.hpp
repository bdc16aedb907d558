#pragma once
// JSON shapes of the API objects.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "store/post_repository.hpp"
#include "store/records.hpp"

namespace greenroom::api {

nlohmann::json user_json(const store::UserRecord& u);
nlohmann::json author_json(const store::AuthorRef& a);
nlohmann::json post_json(const store::PostRecord& p);
// The same object as post_json, written straight into `out` (the feed's hot path).
void append_post_json(std::string& out, const store::PostRecord& p);
// A page of posts, {"items":[...],"next":...}, written the same way, with `extra` (a JSON
// object's members, without braces) after it.
std::string page_text(const store::Page& page, std::string_view extra = "");
nlohmann::json reply_json(const store::ReplyRecord& r);

}  // namespace greenroom::api
