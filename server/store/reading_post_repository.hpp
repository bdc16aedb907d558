#pragma once
// Read markers of posts in a person's reading view (schema/0023). Which posts a person may
// mark is decided above (the one rule); this only keeps the markers.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::store {

class ReadingPostRepository {
 public:
  static void mark_read(Connection& c, std::int64_t user_id, std::int64_t post_id,
                        domain::Millis now);
  static void mark_unread(Connection& c, std::int64_t user_id, std::int64_t post_id);
  static std::optional<domain::Millis> read_at(Connection& c, std::int64_t user_id,
                                               std::int64_t post_id);
  // The markers among `post_ids` (a page: one primary-key lookup each).
  static std::unordered_map<std::int64_t, domain::Millis> read_times(
      Connection& c, std::int64_t user_id, const std::vector<std::int64_t>& post_ids);
};

}  // namespace greenroom::store
