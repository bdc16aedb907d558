#include "store/reading_post_repository.hpp"

namespace greenroom::store {

void ReadingPostRepository::mark_read(Connection& c, std::int64_t user_id, std::int64_t post_id,
                                      domain::Millis now) {
  c.prepare(
       "INSERT INTO reading_post_reads(user_id, post_id, read_at) VALUES(?1, ?2, ?3) "
       "ON CONFLICT(user_id, post_id) DO NOTHING")
      .bind(1, user_id)
      .bind(2, post_id)
      .bind(3, now)
      .run();
}

void ReadingPostRepository::mark_unread(Connection& c, std::int64_t user_id, std::int64_t post_id) {
  c.prepare("DELETE FROM reading_post_reads WHERE user_id = ?1 AND post_id = ?2")
      .bind(1, user_id)
      .bind(2, post_id)
      .run();
}

std::optional<domain::Millis> ReadingPostRepository::read_at(Connection& c, std::int64_t user_id,
                                                             std::int64_t post_id) {
  auto q = c.prepare("SELECT read_at FROM reading_post_reads WHERE user_id = ?1 AND post_id = ?2");
  q.bind(1, user_id).bind(2, post_id);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

std::unordered_map<std::int64_t, domain::Millis> ReadingPostRepository::read_times(
    Connection& c, std::int64_t user_id, const std::vector<std::int64_t>& post_ids) {
  std::unordered_map<std::int64_t, domain::Millis> out;
  for (auto id : post_ids)
    if (auto at = read_at(c, user_id, id)) out.emplace(id, *at);
  return out;
}

}  // namespace greenroom::store
