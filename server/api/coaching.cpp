#include "api/coaching.hpp"

#include "api/live_events.hpp"
#include "api/notifications.hpp"
#include "api/visibility.hpp"

#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/social.hpp"
#include "domain/text.hpp"
#include "store/coaching_repository.hpp"
#include "store/everyday_notice_repository.hpp"
#include "store/post_repository.hpp"
#include "store/reply_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

CoachedPost load_coached_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id) {
  auto post = store::PostRepository::find(c, post_id, user_id);
  if (post) {
    CoachedPost cp;
    cp.is_author = post->author.id == user_id;
    const d::Actor actor{user_id, d::Role::member, std::nullopt};  // the rule needs only the id
    const auto rel = relation(c, user_id, post->author.id);
    const bool allowed = d::can_coach_view(actor, post->facts(), rel);
    cp.is_coach = allowed && !cp.is_author;
    cp.is_mentor = !allowed && d::can_mentor_work(actor, post->facts(), rel);
    if (allowed || cp.is_mentor) {
      cp.post = std::move(*post);
      return cp;
    }
  }
  throw d::not_found("Post " + std::to_string(post_id));
}

CoachedReply load_coached_reply(store::Connection& c, std::int64_t user_id, std::int64_t reply_id) {
  auto reply = store::ReplyRepository::find(c, reply_id);
  if (reply && reply->state != d::ReplyState::removed) {
    auto post = store::PostRepository::find(c, reply->post_id, user_id);
    auto viewer = store::UserRepository::find_by_id(c, user_id);
    if (post && viewer) {
      const d::Actor actor{viewer->id, viewer->role, viewer->level};
      const bool sees_post =
          d::can_view_post(actor, post->facts(), relation(c, user_id, post->author.id));
      CoachedReply cr;
      cr.is_author = reply->author.id == user_id;
      cr.is_coach = !cr.is_author && reply->state != d::ReplyState::hidden &&
                    relation(c, user_id, reply->author.id).coaches_author;
      if (sees_post && (cr.is_author || cr.is_coach)) {
        cr.reply = std::move(*reply);
        cr.post = std::move(*post);
        return cr;
      }
    }
  }
  throw d::not_found("Reply " + std::to_string(reply_id));
}

CoachedPost load_coached_post(Services& s, const Principal& p, std::int64_t post_id) {
  auto conn = s.reads.acquire();
  return load_coached_post(*conn, p.user.id, post_id);
}

store::PostRecord load_own_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id) {
  auto cp = load_coached_post(c, user_id, post_id);
  if (!cp.is_author) throw d::forbidden("Only the author can change this post.");
  return std::move(cp.post);
}

namespace {
// The user's tabs hear the new unread count, counted as GET /me counts it (notices about posts
// they can no longer see are left out).
void announce_unread(store::Connection& c, std::int64_t user_id) {
  auto u = store::UserRepository::find_by_id(c, user_id);
  if (!u) return;
  live_events::unread_changed(user_id, visible_unread_count(c, {u->id, u->role, u->level}));
}
// A notice of everyday activity the person turned off (GET /api/v1/me/notification-settings).
bool muted(store::Connection& c, std::int64_t user_id, const std::string& kind) {
  return d::is_everyday_kind(kind) && store::EverydayNoticeRepository::opted_out(c, user_id, kind);
}
}  // namespace

void notify(store::Connection& c, std::int64_t user_id, const std::string& kind,
            const std::string& message, std::optional<std::int64_t> post_id,
            std::optional<std::int64_t> annotation_id, std::optional<std::int64_t> goal_id,
            std::optional<d::Millis> at) {
  if (muted(c, user_id, kind)) return;
  store::NotificationRepository::insert(
      c, {user_id, kind, message, post_id, annotation_id, goal_id}, at.value_or(d::now_millis()));
  announce_unread(c, user_id);
}

void notify_about(store::Connection& c, std::int64_t user_id, const std::string& kind,
                  const std::string& message, const std::string& target_type,
                  std::int64_t target_id) {
  if (muted(c, user_id, kind)) return;
  store::NotificationRepository::insert(
      c, {user_id, kind, message, std::nullopt, std::nullopt, std::nullopt, target_type, target_id},
      d::now_millis());
  announce_unread(c, user_id);
}

void notify_coaches(store::Connection& c, std::int64_t executive_id, const std::string& kind,
                    const std::string& message, std::optional<std::int64_t> post_id) {
  for (auto coach : store::UserRepository::live_coaches_of(c, executive_id))
    notify(c, coach, kind, message, post_id);
}

std::string excerpt(const std::string& body) {
  constexpr std::size_t kMax = 60;
  if (d::code_point_count(body) <= kMax) return body;
  auto cut = d::byte_offset_of(body, kMax).value_or(body.size());
  auto space = body.rfind(' ', cut);
  if (space != std::string::npos && space > cut / 2) cut = space;
  return body.substr(0, cut) + "…";
}

}  // namespace greenroom::api
