#pragma once
// The non-serving commands of the CLI.
#include <iosfwd>
#include <optional>
#include <string>

#include "app/config.hpp"

namespace greenroom::app {

int migrate_command(const Config& cfg, std::ostream& out);

struct UserAddOptions {
  std::string username;
  std::string role;
  std::optional<std::string> display_name;
  std::optional<std::string> level;  // executives; default crawl
  std::optional<std::string> coach;  // executives: assign to this coach (username)
};
// Reads the password from `password_in` (first line).
int user_add_command(const Config& cfg, const UserAddOptions& opts, std::istream& password_in,
                     std::ostream& out, std::ostream& err);

int seed_demo_command(const Config& cfg, std::ostream& out);

// Walks the audit hash chain: 0 when intact, 1 naming the first broken entry.
int audit_verify_command(const Config& cfg, std::ostream& out, std::ostream& err);

int backup_command(const Config& cfg, const std::string& file, std::ostream& out,
                   std::ostream& err);

}  // namespace greenroom::app
