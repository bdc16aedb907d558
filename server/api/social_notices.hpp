#pragma once
// Notices of everyday activity, written inside the write job of the change they report:
// a reply to your post, likes of your post (one unread notice per post, updated as more
// people like it: "Ana and 4 others liked…"), and a new article of a blog you follow (or of
// a host you follow). Each goes only to someone the one rule lets see the item, never to
// the person who acted, and not to anyone who turned that kind off.
#include <string>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::api {

void notify_reply(store::Connection& c, const store::PostRecord& post,
                  const store::ReplyRecord& reply, const std::string& replier_name);
// `liked_at` is the like's own time: the notice it opens starts there, so the likes counted
// into it later include the one that opened it.
void notify_like(store::Connection& c, const store::PostRecord& post, std::int64_t liker_id,
                 const std::string& liker_name, domain::Millis liked_at);
// After a post went out: when it is a blog article, its blog's and its host's followers hear.
void announce_article(store::Connection& c, const store::PostRecord& post);

}  // namespace greenroom::api
