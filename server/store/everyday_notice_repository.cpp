#include "store/everyday_notice_repository.hpp"

namespace greenroom::store {

bool EverydayNoticeRepository::opted_out(Connection& c, std::int64_t user_id,
                                         std::string_view kind) {
  auto q = c.prepare("SELECT 1 FROM notification_opt_outs WHERE user_id = ?1 AND kind = ?2");
  q.bind(1, user_id).bind(2, kind);
  return q.step();
}

std::vector<std::string> EverydayNoticeRepository::opt_outs(Connection& c, std::int64_t user_id) {
  auto q = c.prepare("SELECT kind FROM notification_opt_outs WHERE user_id = ?1 ORDER BY kind");
  q.bind(1, user_id);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

bool EverydayNoticeRepository::set_enabled(Connection& c, std::int64_t user_id,
                                           std::string_view kind, bool enabled,
                                           domain::Millis now) {
  if (enabled) {
    c.prepare("DELETE FROM notification_opt_outs WHERE user_id = ?1 AND kind = ?2")
        .bind(1, user_id)
        .bind(2, kind)
        .run();
  } else {
    c.prepare(
         "INSERT OR IGNORE INTO notification_opt_outs(user_id, kind, created_at) "
         "VALUES(?1, ?2, ?3)")
        .bind(1, user_id)
        .bind(2, kind)
        .bind(3, now)
        .run();
  }
  return c.changes() > 0;
}

std::optional<UnreadNotice> EverydayNoticeRepository::unread_about_post(Connection& c,
                                                                        std::int64_t user_id,
                                                                        std::string_view kind,
                                                                        std::int64_t post_id) {
  auto q = c.prepare(
      "SELECT id, created_at FROM notifications WHERE user_id = ?1 AND kind = ?2 "
      "AND post_id = ?3 AND read_at IS NULL ORDER BY id DESC LIMIT 1");
  q.bind(1, user_id).bind(2, kind).bind(3, post_id);
  if (!q.step()) return std::nullopt;
  return UnreadNotice{q.int64(0), q.int64(1)};
}

void EverydayNoticeRepository::rewrite(Connection& c, std::int64_t notice_id,
                                       std::string_view message) {
  c.prepare("UPDATE notifications SET message = ?2 WHERE id = ?1")
      .bind(1, notice_id)
      .bind(2, message)
      .run();
}

std::int64_t EverydayNoticeRepository::likes_since(Connection& c, std::int64_t post_id,
                                                   std::int64_t author_id, domain::Millis since) {
  auto q = c.prepare(
      "SELECT count(*) FROM likes WHERE post_id = ?1 AND user_id <> ?2 AND created_at >= ?3");
  q.bind(1, post_id).bind(2, author_id).bind(3, since);
  return q.step() ? q.int64(0) : 0;
}

}  // namespace greenroom::store
