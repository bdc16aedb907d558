#pragma once
// Finding people by the start of their username or display name (mention autocompletion).
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

class PeopleRepository {
 public:
  // Enabled accounts whose username or a word of whose display name starts with `prefix`
  // (case-insensitive), usernames first, then alphabetically; at most `limit`.
  static std::vector<UserRecord> by_prefix(Connection& c, std::string_view prefix, int limit);
};

}  // namespace greenroom::store
