#include "store/reference_repository.hpp"

namespace greenroom::store {

void ReferenceRepository::replace(Connection& c, std::int64_t post_id,
                                  std::optional<std::int64_t> reply_id,
                                  const std::vector<StoredReference>& refs) {
  c.prepare("DELETE FROM text_references WHERE post_id = ?1 AND reply_id IS ?2")
      .bind(1, post_id)
      .bind(2, reply_id)
      .run();
  for (const auto& r : refs)
    c.prepare(
         "INSERT INTO text_references(post_id, reply_id, kind, value, user_id, start_cp, "
         "end_cp) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, post_id)
        .bind(2, reply_id)
        .bind(3, r.ref.kind == domain::TextReference::Kind::mention ? "mention" : "topic")
        .bind(4, r.ref.value)
        .bind(5, r.user_id)
        .bind(6, static_cast<std::int64_t>(r.ref.start))
        .bind(7, static_cast<std::int64_t>(r.ref.end))
        .run();
}

std::vector<StoredReference> ReferenceRepository::of(Connection& c, std::int64_t post_id,
                                                     std::optional<std::int64_t> reply_id) {
  auto q = c.prepare(
      "SELECT kind, value, user_id, start_cp, end_cp FROM text_references "
      "WHERE post_id = ?1 AND reply_id IS ?2 ORDER BY start_cp");
  q.bind(1, post_id).bind(2, reply_id);
  std::vector<StoredReference> out;
  while (q.step()) {
    StoredReference r;
    r.ref.kind = q.text(0) == "mention" ? domain::TextReference::Kind::mention
                                        : domain::TextReference::Kind::topic;
    r.ref.value = q.text(1);
    r.user_id = q.int64_or_null(2);
    r.ref.start = static_cast<std::size_t>(q.int64(3));
    r.ref.end = static_cast<std::size_t>(q.int64(4));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace greenroom::store
