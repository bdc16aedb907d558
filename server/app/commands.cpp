#include "app/commands.hpp"

#include <filesystem>
#include <iostream>

#include "api/audit.hpp"
#include "api/credentials.hpp"
#include "domain/accounts.hpp"
#include "domain/post_rules.hpp"
#include "store/audit.hpp"
#include "store/data_dir.hpp"
#include "store/migrations.hpp"
#include "store/user_repository.hpp"

namespace greenroom::app {

namespace {

api::Argon2Params argon2_of(const Config& c) {
  return {c.argon2_t_cost, c.argon2_memory_kib, c.argon2_parallelism};
}

void open_and_migrate(const Config& cfg) {
  store::secure_data_dir(cfg.data_dir, cfg.database_path());
  store::Connection conn(cfg.database_path(), store::Connection::Mode::read_write);
  store::migrate(conn);
}

}  // namespace

int migrate_command(const Config& cfg, std::ostream& out) {
  store::secure_data_dir(cfg.data_dir, cfg.database_path());
  store::Connection conn(cfg.database_path(), store::Connection::Mode::read_write);
  int applied = store::migrate(conn);
  out << "applied " << applied << " migration(s); schema version " << store::schema_version(conn)
      << "\n";
  return 0;
}

int user_add_command(const Config& cfg, const UserAddOptions& o, std::istream& password_in,
                     std::ostream& out, std::ostream& err) {
  auto role = domain::parse_role(o.role);
  if (!role) {
    err << "error: --role must be one of admin, moderator, coach, executive, member\n";
    return 2;
  }
  try {
    domain::validate_username(o.username);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
  std::optional<domain::Level> level;
  if (*role == domain::Role::executive) {
    level = domain::parse_level(o.level.value_or("crawl"));
    if (!level) {
      err << "error: --level must be crawl, walk or run\n";
      return 2;
    }
  } else if (o.level || o.coach) {
    err << "error: --level and --coach are for executives only\n";
    return 2;
  }
  std::string password;
  std::getline(password_in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  try {
    domain::validate_password(password);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << " (it is read from standard input)\n";
    return 2;
  }
  std::string display = o.display_name.value_or(o.username);
  try {
    domain::validate_text(display, "display name", 80);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
  open_and_migrate(cfg);
  store::Connection conn(cfg.database_path(), store::Connection::Mode::read_write);
  store::Transaction tx(conn);
  std::optional<store::UserRecord> coach;
  if (o.coach) {
    coach = store::UserRepository::find_by_username(conn, *o.coach);
    if (!coach || coach->role != domain::Role::coach) {
      err << "error: --coach must name an existing coach\n";
      return 2;
    }
  }
  if (store::UserRepository::find_by_username(conn, o.username)) {
    err << "error: the username " << o.username << " is taken\n";
    return 1;
  }
  const auto now = domain::now_millis();
  auto id = store::UserRepository::insert(
      conn, {o.username, display, *role, level, api::hash_password(password, argon2_of(cfg))}, now);
  // Written to the audit trail like the admin screen's changes; the actor is the operator at
  // the console (no user), the client "cli".
  api::record_audit(conn, "cli", std::nullopt, "user_created", "user", id,
                    {{"role", o.role}, {"via", "cli"}});
  if (coach) {
    store::UserRepository::assign_coach(conn, coach->id, id, now);
    api::record_audit(conn, "cli", std::nullopt, "coach_assigned", "user", id,
                      {{"coach_id", coach->id}, {"via", "cli"}});
  }
  tx.commit();
  out << "created user " << o.username << " (id " << id << ", role " << o.role << ")\n";
  return 0;
}

int backup_command(const Config& cfg, const std::string& file, std::ostream& out,
                   std::ostream& err) {
  if (!std::filesystem::exists(cfg.database_path())) {
    err << "error: no database at " << cfg.database_path() << "\n";
    return 1;
  }
  if (std::filesystem::exists(file)) {
    err << "error: " << file << " exists; choose a new file name\n";
    return 1;
  }
  store::Connection src(cfg.database_path(), store::Connection::Mode::read_only);
  auto tmp = file + ".partial";
  std::filesystem::remove(tmp);
  {
    store::Connection dst(tmp, store::Connection::Mode::read_write);
    dst.exec("PRAGMA journal_mode=DELETE");
    // One step copies every page inside one read transaction: a consistent snapshot while
    // the server keeps writing.
    sqlite3_backup* b = sqlite3_backup_init(dst.handle(), "main", src.handle(), "main");
    if (!b) dst.fail(sqlite3_errcode(dst.handle()), "backup");
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) dst.fail(rc, "backup");
    auto q = dst.prepare("PRAGMA integrity_check");
    if (!q.step() || q.text(0) != "ok") {
      err << "error: the copy failed its integrity check\n";
      return 1;
    }
  }
  std::filesystem::rename(tmp, file);
  out << "backed up " << cfg.database_path() << " to " << file << "\n";
  return 0;
}

int audit_verify_command(const Config& cfg, std::ostream& out, std::ostream& err) {
  if (!std::filesystem::exists(cfg.database_path())) {
    err << "error: no database at " << cfg.database_path() << "\n";
    return 2;
  }
  store::Connection conn(cfg.database_path(), store::Connection::Mode::read_only);
  const auto r = store::audit::verify(conn);
  if (r.ok) {
    out << "audit trail intact: " << r.checked << " entries verified\n";
    return 0;
  }
  err << "audit trail BROKEN at entry " << *r.broken_id << ": " << r.problem << " ("
      << r.checked - 1 << " entries before it verified)\n";
  return 1;
}

}  // namespace greenroom::app
