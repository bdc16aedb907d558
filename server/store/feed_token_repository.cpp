#include "store/feed_token_repository.hpp"

namespace greenroom::store {

std::optional<FeedTokenRecord> FeedTokenRepository::for_user(Connection& c, std::int64_t user_id) {
  auto q = c.prepare("SELECT generation, created_at FROM feed_tokens WHERE user_id = ?1");
  q.bind(1, user_id);
  if (!q.step()) return std::nullopt;
  return FeedTokenRecord{user_id, q.int64(0), q.int64(1)};
}

void FeedTokenRepository::put(Connection& c, std::int64_t user_id, std::string_view token_hash,
                              std::int64_t generation, domain::Millis now) {
  c.prepare(
       "INSERT INTO feed_tokens(user_id, token_hash, generation, created_at) "
       "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(user_id) DO UPDATE SET "
       "token_hash = excluded.token_hash, generation = excluded.generation, "
       "created_at = excluded.created_at")
      .bind(1, user_id)
      .bind_blob(2, token_hash)
      .bind(3, generation)
      .bind(4, now)
      .run();
}

std::optional<std::int64_t> FeedTokenRepository::active_owner(Connection& c,
                                                              std::string_view token_hash) {
  auto q = c.prepare(
      "SELECT t.user_id FROM feed_tokens t JOIN users u ON u.id = t.user_id "
      "WHERE t.token_hash = ?1 AND u.disabled = 0");
  q.bind_blob(1, token_hash);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

}  // namespace greenroom::store
