// The command line: user add, migrate, backup, and configuration checking.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

TEST(Cli, UserAddRefusesBadInputAndDuplicates) {
  TestServer server;
  EXPECT_EQ(
      server.cli({"user", "add", "pat", "--role", "emperor", "--password-stdin"}, kPassword + "\n")
          .exit_code,
      2);
  EXPECT_EQ(server.cli({"user", "add", "pat", "--role", "member", "--password-stdin"}, "short\n")
                .exit_code,
            2);
  EXPECT_EQ(server.cli({"user", "add", "pat", "--role", "member"}, kPassword + "\n").exit_code, 2);
  EXPECT_EQ(server
                .cli({"user", "add", "bad name", "--role", "member", "--password-stdin"},
                     kPassword + "\n")
                .exit_code,
            2);
  EXPECT_EQ(
      server
          .cli({"user", "add", "pat", "--role", "member", "--level", "run", "--password-stdin"},
               kPassword + "\n")
          .exit_code,
      2);
  EXPECT_EQ(server
                .cli({"user", "add", "pat", "--role", "executive", "--coach", "nobody",
                      "--password-stdin"},
                     kPassword + "\n")
                .exit_code,
            2);
  auto ok =
      server.cli({"user", "add", "pat", "--role", "member", "--password-stdin"}, kPassword + "\n");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  auto dup =
      server.cli({"user", "add", "PAT", "--role", "member", "--password-stdin"}, kPassword + "\n");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.err.find("taken"), std::string::npos);
  // The password is never echoed and the user can sign in with it.
  EXPECT_EQ(ok.out.find(kPassword), std::string::npos);
  Client pat(server.port(), "pat");
  EXPECT_EQ(pat.get("/api/v1/me").json()["user"]["role"], "member");

  // The console's change is in the audit trail, in the chain, with "cli" as its client; the
  // refused attempts wrote nothing.
  auto coach =
      server.cli({"user", "add", "cyd", "--role", "coach", "--password-stdin"}, kPassword + "\n");
  ASSERT_EQ(coach.exit_code, 0) << coach.err;
  auto exec = server.cli(
      {"user", "add", "eli", "--role", "executive", "--coach", "cyd", "--password-stdin"},
      kPassword + "\n");
  ASSERT_EQ(exec.exit_code, 0) << exec.err;
  server.add_user("ada", "admin");
  Client ada(server.port(), "ada");
  auto created = ada.get("/api/v1/audit?action=user_created&limit=50").json()["items"];
  std::set<std::string> via_cli;
  for (const auto& e : created)
    if (e["client"] == "cli") via_cli.insert(e["detail"]["role"].get<std::string>());
  EXPECT_EQ(via_cli, (std::set<std::string>{"member", "coach", "executive", "admin"}));
  auto assigned = ada.get("/api/v1/audit?action=coach_assigned&limit=50").json()["items"];
  ASSERT_EQ(assigned.size(), 1u) << assigned.dump();
  EXPECT_EQ(assigned[0]["client"], "cli");
  EXPECT_EQ(server.cli({"audit", "verify"}).exit_code, 0);
}

TEST(Cli, MigrateIsIdempotent) {
  TestServer server;
  auto again = server.cli({"migrate"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("applied 0 migration(s)"), std::string::npos) << again.out;
}

TEST(Cli, BackupMakesAConsistentCopyWhileServing) {
  TestServer server;
  server.add_user("bea", "member");
  Client bea(server.port(), "bea");
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(
        bea.post("/api/v1/posts", {{"body", "backup " + std::to_string(i)}, {"space", "company"}})
            .status,
        201);
  auto file = server.data_dir() + "/backup.db";
  auto r = server.cli({"backup", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM posts", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 20);
  sqlite3_finalize(st);
  sqlite3_close(db);
  // Refuses to overwrite.
  EXPECT_EQ(server.cli({"backup", file}).exit_code, 1);
}

TEST(Cli, ServeRefusesAnUnknownConfigKey) {
  TestServer server;
  server.stop();
  auto bad = server.data_dir() + "/bad.json";
  std::ofstream(bad) << R"({ "listen": { "prot": 1 } })";
  auto r = server.cli({"serve", "--config", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown configuration key: listen.prot"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace greenroom::test
