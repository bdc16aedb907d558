// Defects found in review, each pinned by a test: role changes end coaching powers, parallel
// guesses cannot beat the login limit, hidden posts stay hidden from coaches, a verdict
// applies only to the version the coach read, HEAD has no body, bad booleans are 400.
#include <sqlite3.h>

#include <fstream>
#include <future>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

void sql(const TestServer& server, const std::string& statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((server.data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  ASSERT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string sql_text(const TestServer& server, const std::string& query) {
  sqlite3* db = nullptr;
  sqlite3_open_v2((server.data_dir() + "/greenroom.db").c_str(), &db, SQLITE_OPEN_READONLY,
                  nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, query.c_str(), -1, &st, nullptr);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW)
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

TEST(Hardening, PasswordHashesAreUpgradedToTheConfiguredCostOnSignIn) {
  TestServer server;  // the test config hashes with m=64 KiB, t=1
  server.add_user("r1", "member");
  const auto query = "SELECT password_hash FROM users WHERE username = 'r1'";
  EXPECT_EQ(sql_text(server, query).rfind("$argon2id$v=19$m=64,t=1,p=1$", 0), 0u);
  server.stop();
  std::ofstream(server.config_path())
      << R"({"static_dir": "", "auth": {"argon2_t_cost": 2, "argon2_memory_kib": 128}})";
  server.start();
  Client first(server.port(), "r1");
  EXPECT_EQ(sql_text(server, query).rfind("$argon2id$v=19$m=128,t=2,p=1$", 0), 0u)
      << sql_text(server, query);
  Client again(server.port(), "r1");  // and the password still works against the new hash
  EXPECT_EQ(again.get("/api/v1/me").status, 200);
}

TEST(Hardening, ADemotedCoachLosesEveryCoachingPower) {
  TestServer server;
  server.add_user("root", "admin");
  server.add_user("c2", "coach");
  server.add_user("e2", "executive", "crawl", "c2");
  Client admin(server.port(), "root"), e2(server.port(), "e2");
  auto draft = e2.post("/api/v1/posts",
                       {{"body", "For my coach only"}, {"space", "company"}, {"action", "submit"}});
  ASSERT_EQ(draft.status, 201);
  const auto post = "/api/v1/posts/" + std::to_string(draft.json()["post"]["id"].get<long long>());
  {
    Client c2(server.port(), "c2");
    ASSERT_EQ(c2.get(post).status, 200);
    ASSERT_EQ(
        admin.send("PATCH", "/api/v1/users/" + std::to_string(c2.id()), R"({"role":"member"})", {})
            .status,
        200);
    EXPECT_EQ(c2.get("/api/v1/me").status, 401) << "the old session survived the role change";
  }
  Client again(server.port(), "c2");
  EXPECT_EQ(again.get(post).status, 404);
  EXPECT_EQ(
      again
          .post(post + "/reviews",
                {{"verdict", "approve"},
                 {"version", 1},
                 {"rubric", {{"clarity", 5}, {"tone", 5}, {"audience_fit", 5}, {"policy", 5}}}})
          .status,
      404);
  // No longer their coach: the executive's id is not theirs to know.
  EXPECT_EQ(
      again.put("/api/v1/users/" + std::to_string(e2.id()) + "/level", {{"level", "run"}}).status,
      404);
  EXPECT_EQ(e2.get(post).json()["post"]["state"], "in_review");
}

TEST(Hardening, ParallelGuessesCannotBeatTheLoginLimit) {
  TestServer server;
  server.add_user("ceo", "executive", "run");
  std::vector<std::future<int>> guesses;
  for (int i = 0; i < 16; ++i)
    guesses.push_back(std::async(std::launch::async, [&server, i] {
      return http_request(
                 server.port(), "POST", "/api/v1/auth/login",
                 nlohmann::json{{"username", "ceo"}, {"password", "guess-" + std::to_string(i)}}
                     .dump(),
                 {{"Content-Type", "application/json"}})
          .status;
    }));
  int checked = 0;
  for (auto& g : guesses) {
    const int status = g.get();
    EXPECT_TRUE(status == 401 || status == 429 || status == 503) << status;
    if (status == 401) ++checked;
  }
  EXPECT_LE(checked, 5) << "more passwords were checked than the limit allows";
  // Use up whatever is left of the allowance; then even the right password is refused.
  for (int i = 0; i < 5; ++i)
    http_request(server.port(), "POST", "/api/v1/auth/login",
                 nlohmann::json{{"username", "ceo"}, {"password", "more-wrong"}}.dump(),
                 {{"Content-Type", "application/json"}});
  auto right = http_request(server.port(), "POST", "/api/v1/auth/login",
                            nlohmann::json{{"username", "ceo"}, {"password", kPassword}}.dump(),
                            {{"Content-Type", "application/json"}});
  EXPECT_EQ(right.status, 429);
}

TEST(Hardening, AHiddenPostIsNotReadableThroughCoachingEndpoints) {
  TestServer server;
  server.add_user("c3", "coach");
  server.add_user("e3", "executive", "run", "c3");
  Client c3(server.port(), "c3"), e3(server.port(), "e3");
  auto post = e3.post("/api/v1/posts", {{"body", "Published, then hidden"}, {"space", "company"}});
  ASSERT_EQ(post.status, 201);
  const auto id = post.json()["post"]["id"].get<long long>();
  const auto path = "/api/v1/posts/" + std::to_string(id);
  ASSERT_EQ(c3.get(path + "/versions").status, 200);
  sql(server, "UPDATE posts SET state = 'hidden' WHERE id = " +
                  std::to_string(id));  // as a moderator would
  for (auto sub : {"", "/versions", "/annotations", "/reviews"})
    EXPECT_EQ(c3.get(path + sub).status, 404) << sub;
  EXPECT_EQ(e3.get(path + "/versions").status, 200);  // the author still sees their own post
}

TEST(Hardening, AVerdictAppliesOnlyToTheVersionTheCoachRead) {
  TestServer server;
  server.add_user("c4", "coach");
  server.add_user("e4", "executive", "crawl", "c4");
  Client c4(server.port(), "c4"), e4(server.port(), "e4");
  auto created = e4.post("/api/v1/posts",
                         {{"body", "Version one"}, {"space", "company"}, {"action", "submit"}});
  const auto path =
      "/api/v1/posts/" + std::to_string(created.json()["post"]["id"].get<long long>());
  ASSERT_EQ(c4.get(path).json()["post"]["version"], 1);  // the coach reads version 1
  ASSERT_EQ(e4.post(path + "/withdraw", nullptr).status, 200);
  ASSERT_EQ(e4.send("PATCH", path, R"({"body":"Version two, never reviewed"})", {}).status, 200);
  ASSERT_EQ(e4.post(path + "/submit", nullptr).status, 200);
  const nlohmann::json rubric = {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}};
  auto stale =
      c4.post(path + "/reviews", {{"verdict", "approve"}, {"rubric", rubric}, {"version", 1}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(e4.get(path).json()["post"]["state"], "in_review");
  EXPECT_EQ(c4.post(path + "/reviews", {{"verdict", "approve"}, {"rubric", rubric}, {"version", 2}})
                .status,
            201);
}

TEST(Hardening, HeadAnswersWithoutABodyAndKeepsTheConnectionInStep) {
  TestServer server;
  RawConnection conn(server.port());
  conn.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = conn.read_all(1500);
  // Both answers arrive; the HEAD one has a Content-Length but no body before the GET's.
  auto second = head.find("HTTP/1.1 200", 5);
  ASSERT_NE(second, std::string::npos) << head;
  EXPECT_EQ(head.substr(0, second).find("{\"status\""), std::string::npos) << head;
  EXPECT_NE(head.substr(second).find("{\"status\":\"ok\"}"), std::string::npos);
}

TEST(Hardening, NonBooleanAllIsA400NotA500) {
  TestServer server;
  server.add_user("n1", "member");
  Client n1(server.port(), "n1");
  EXPECT_EQ(n1.post("/api/v1/notifications/read", {{"all", 1}}).status, 400);
  EXPECT_EQ(n1.post("/api/v1/notifications/read", {{"all", "yes"}}).status, 400);
  EXPECT_EQ(n1.post("/api/v1/notifications/read", {{"all", true}}).status, 200);
}

}  // namespace
}  // namespace greenroom::test
