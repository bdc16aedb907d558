#include "store/people_repository.hpp"

#include <string>

namespace greenroom::store {

std::vector<UserRecord> PeopleRepository::by_prefix(Connection& c, std::string_view prefix,
                                                    int limit) {
  // LIKE with the wildcards of the prefix escaped; ASCII case-insensitive like usernames.
  std::string pattern;
  for (char ch : prefix) {
    if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
    pattern.push_back(ch);
  }
  pattern.push_back('%');
  auto q = c.prepare(
      "SELECT id, username, display_name, role, training_level FROM users "
      "WHERE disabled = 0 AND (username LIKE ?1 ESCAPE '\\' OR display_name LIKE ?1 ESCAPE '\\' "
      "  OR display_name LIKE '% ' || ?1 ESCAPE '\\') "
      "ORDER BY username LIKE ?1 ESCAPE '\\' DESC, username COLLATE NOCASE LIMIT ?2");
  q.bind(1, pattern).bind(2, limit);
  std::vector<UserRecord> out;
  while (q.step()) {
    UserRecord u;
    u.id = q.int64(0);
    u.username = q.text(1);
    u.display_name = q.text(2);
    u.role = domain::parse_role(q.text(3)).value_or(domain::Role::member);
    if (!q.is_null(4)) u.level = domain::parse_level(q.text(4));
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace greenroom::store
