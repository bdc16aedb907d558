#pragma once
// JSON shapes of the API objects.
#include <nlohmann/json.hpp>

#include "store/records.hpp"

namespace greenroom::api {

nlohmann::json user_json(const store::UserRecord& u);
nlohmann::json author_json(const store::AuthorRef& a);
nlohmann::json post_json(const store::PostRecord& p);
// The same object as post_json, written straight into `out` (the feed's hot path).
void append_post_json(std::string& out, const store::PostRecord& p);
nlohmann::json reply_json(const store::ReplyRecord& r);

}  // namespace greenroom::api
