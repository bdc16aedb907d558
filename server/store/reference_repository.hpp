#pragma once
// Mentions and topics stored per post or reply (schema/0013_social.sql).
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/references.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct StoredReference {
  domain::TextReference ref;
  std::optional<std::int64_t> user_id;  // the mentioned person, when the name is a username
};

class ReferenceRepository {
 public:
  // Replaces what is stored for the post (reply_id nullopt) or the reply.
  static void replace(Connection& c, std::int64_t post_id, std::optional<std::int64_t> reply_id,
                      const std::vector<StoredReference>& refs);
  static std::vector<StoredReference> of(Connection& c, std::int64_t post_id,
                                         std::optional<std::int64_t> reply_id);
};

}  // namespace greenroom::store
