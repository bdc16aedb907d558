#include "api/social_notices.hpp"

#include <algorithm>
#include <set>

#include "api/coaching.hpp"
#include "api/visibility.hpp"
#include "domain/permissions.hpp"
#include "domain/social.hpp"
#include "domain/time.hpp"
#include "store/blog_repository.hpp"
#include "store/everyday_notice_repository.hpp"
#include "store/follow_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {

// The enabled person `user_id`, when the one rule lets them see the post.
bool may_see(store::Connection& c, std::int64_t user_id, const store::PostRecord& post) {
  auto u = store::UserRepository::find_by_id(c, user_id);
  return u && !u->disabled &&
         d::can_view_post({u->id, u->role, u->level}, post.facts(),
                          relation(c, u->id, post.author.id));
}

}  // namespace

void notify_reply(store::Connection& c, const store::PostRecord& post,
                  const store::ReplyRecord& reply, const std::string& replier_name) {
  if (reply.author.id == post.author.id || !d::is_reply_public(reply.facts())) return;
  if (!may_see(c, post.author.id, post)) return;
  notify(c, post.author.id, "reply",
         replier_name + " replied to your post: \"" + excerpt(reply.body) + "\"", post.id);
}

void notify_like(store::Connection& c, const store::PostRecord& post, std::int64_t liker_id,
                 const std::string& liker_name, d::Millis liked_at) {
  const auto author = post.author.id;
  if (liker_id == author || !may_see(c, author, post)) return;
  // One unread notice per post: later likes rewrite it rather than add rows.
  if (auto open = store::EverydayNoticeRepository::unread_about_post(c, author, "like", post.id)) {
    const auto likers =
        store::EverydayNoticeRepository::likes_since(c, post.id, author, open->created_at);
    store::EverydayNoticeRepository::rewrite(
        c, open->id,
        d::like_notice_message(liker_name, std::max<std::int64_t>(likers - 1, 0),
                               excerpt(post.body)));
    return;
  }
  notify(c, author, "like", d::like_notice_message(liker_name, 0, excerpt(post.body)), post.id,
         std::nullopt, std::nullopt, liked_at);
}

void announce_article(store::Connection& c, const store::PostRecord& post) {
  if (!post.blog_id || post.state != d::PostState::published) return;
  std::set<std::int64_t> readers;
  for (auto id : store::FollowRepository::followers(c, store::FollowKind::blog, *post.blog_id))
    readers.insert(id);
  for (auto id : store::FollowRepository::followers(c, store::FollowKind::user, post.author.id))
    readers.insert(id);
  readers.erase(post.author.id);
  std::string title = "a blog";
  if (auto blog = store::BlogRepository::find(c, *post.blog_id)) title = "\"" + blog->title + "\"";
  for (auto id : readers)
    if (may_see(c, id, post))
      notify(c, id, "new_article",
             post.author.display_name + " published a new article on " + title + ": \"" +
                 excerpt(post.body) + "\"",
             post.id);
}

}  // namespace greenroom::api
