#include "api/coaching.hpp"

#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/text.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

CoachedPost load_coached_post(store::Connection& c, std::int64_t user_id, std::int64_t post_id) {
  auto post = store::PostRepository::find(c, post_id, user_id);
  if (post && post->state != d::PostState::removed) {
    CoachedPost cp;
    cp.is_author = post->author.id == user_id;
    const auto rel =
        cp.is_author ? d::Relation{} : store::UserRepository::relation(c, user_id, post->author.id);
    // A post hidden by a moderator is for its author (and moderators) only, not coaches.
    cp.is_coach = !cp.is_author && post->state != d::PostState::hidden && rel.coaches_author;
    cp.is_mentor =
        !cp.is_author && !cp.is_coach && rel.mentors_author && d::visible_to_mentor(post->facts());
    if (cp.is_author || cp.is_coach || cp.is_mentor) {
      cp.post = std::move(*post);
      return cp;
    }
  }
  throw d::not_found("Post " + std::to_string(post_id));
}

CoachedPost load_coached_post(Services& s, const Principal& p, std::int64_t post_id) {
  auto conn = s.reads.acquire();
  return load_coached_post(*conn, p.user.id, post_id);
}

void notify(store::Connection& c, std::int64_t user_id, const std::string& kind,
            const std::string& message, std::optional<std::int64_t> post_id,
            std::optional<std::int64_t> annotation_id, std::optional<std::int64_t> goal_id) {
  store::NotificationRepository::insert(
      c, {user_id, kind, message, post_id, annotation_id, goal_id}, d::now_millis());
}

void notify_coaches(store::Connection& c, std::int64_t executive_id, const std::string& kind,
                    const std::string& message, std::optional<std::int64_t> post_id) {
  for (auto coach : store::UserRepository::coaches_of(c, executive_id))
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
