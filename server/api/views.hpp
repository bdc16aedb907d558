#pragma once
// JSON shapes of the API objects.
#include <nlohmann/json.hpp>

#include "store/records.hpp"

namespace greenroom::api {

nlohmann::json user_json(const store::UserRecord& u);
nlohmann::json author_json(const store::AuthorRef& a);
nlohmann::json post_json(const store::PostRecord& p);
nlohmann::json reply_json(const store::ReplyRecord& r);

}  // namespace greenroom::api
