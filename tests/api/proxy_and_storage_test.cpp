// Issue 10, "Connections, proxies, data at rest": X-Forwarded-For only from trusted proxies,
// private file modes whatever the umask, CSRF tokens not stored, and a sign-in that takes
// back only its own attempt.
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

const std::string kLogin = "/api/v1/auth/login";

HttpResponse login(const TestServer& server, const std::string& user, const std::string& password,
                   const std::string& forwarded_for = "") {
  std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
  if (!forwarded_for.empty()) headers["X-Forwarded-For"] = forwarded_for;
  return http_request(server.port(), "POST", kLogin,
                      nlohmann::json{{"username", user}, {"password", password}}.dump(), headers);
}

// The request log lines (parsed) of one route.
std::vector<nlohmann::json> request_lines(const TestServer& server, const std::string& route) {
  std::vector<nlohmann::json> out;
  std::istringstream in(server.log());
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.value("msg", "") == "request" && j.value("route", "") == route)
      out.push_back(j);
  }
  return out;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 01000000;  // "absent", never a real mode
  return st.st_mode & 07777;
}

TEST(Proxies, ForwardedForIsIgnoredFromAnUntrustedPeer) {
  TestServer server({true, {{"auth", {{"login_max_failures", 2}}}}});  // 8 per address
  auto first = login(server, "nobody", "wrong-password", "203.0.113.7");
  EXPECT_EQ(first.status, 401);
  auto lines = request_lines(server, "/api/v1/auth/login");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back()["client"], "127.0.0.1");
  EXPECT_FALSE(lines.back().contains("peer"));
  // A new made-up address per guess changes nothing: every guess counts against 127.0.0.1.
  for (int i = 1; i < 8; ++i)
    EXPECT_EQ(login(server, "user" + std::to_string(i), "wrong-password",
                    "198.51.100." + std::to_string(i))
                  .status,
              401);
  EXPECT_EQ(login(server, "user99", "wrong-password", "192.0.2.200").status, 429);
  // /metrics stays loopback-only by the real peer: a forged header does not lock it out.
  EXPECT_EQ(
      http_request(server.port(), "GET", "/metrics", "", {{"X-Forwarded-For", "192.0.2.1"}}).status,
      200);
}

TEST(Proxies, ForwardedForIsHonouredFromATrustedProxy) {
  TestServer server({true,
                     {{"auth", {{"login_max_failures", 2}}},
                      {"trusted_proxies", {"127.0.0.1/32", "::1", "10.0.0.0/8"}}}});
  // The right-most address that is not a trusted proxy is the client; what the client wrote
  // to the left of it (198.51.100.1) is not believed.
  EXPECT_EQ(login(server, "nobody", "wrong-password", "198.51.100.1, 203.0.113.7, 10.1.2.3").status,
            401);
  auto lines = request_lines(server, "/api/v1/auth/login");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back()["client"], "203.0.113.7");
  EXPECT_EQ(lines.back()["peer"], "127.0.0.1");
  // The limiter counts per client: 203.0.113.7 runs out, 192.0.2.50 does not.
  for (int i = 1; i < 8; ++i)
    EXPECT_EQ(login(server, "user" + std::to_string(i), "wrong-password", "203.0.113.7").status,
              401);
  EXPECT_EQ(login(server, "user99", "wrong-password", "203.0.113.7").status, 429);
  EXPECT_EQ(login(server, "user99", "wrong-password", "192.0.2.50").status, 401);
  // /metrics: loopback means the client, not the proxy.
  EXPECT_EQ(
      http_request(server.port(), "GET", "/metrics", "", {{"X-Forwarded-For", "192.0.2.1"}}).status,
      403);
  EXPECT_EQ(http_request(server.port(), "GET", "/metrics").status, 200);
  // Garbage in the chain stops the walk at the nearest trusted hop.
  EXPECT_EQ(login(server, "nobody2", "wrong-password", "not-an-address").status, 401);
  EXPECT_EQ(request_lines(server, "/api/v1/auth/login").back()["client"], "127.0.0.1");
}

TEST(Proxies, InvalidTrustedProxyEntriesAreRefusedAtStartNamingTheKey) {
  for (const auto& bad :
       {nlohmann::json{"10.0.0.1/8"}, nlohmann::json{"10.0.0.0/33"},
        nlohmann::json{"proxy.example"}, nlohmann::json{42}, nlohmann::json("127.0.0.1")}) {
    std::string error;
    try {
      TestServer server({true, {{"trusted_proxies", bad}}});
    } catch (const std::exception& e) {
      error = e.what();
    }
    EXPECT_NE(error.find("trusted_proxies"), std::string::npos) << bad << ": " << error;
  }
}

TEST(DataAtRest, DataDirectoryAndDatabaseFilesArePrivateWhateverTheUmask) {
  const mode_t old = ::umask(0);
  {
    TestServer server;
    server.add_user("ceo", "executive", "run");
    Client ceo(server.port(), "ceo");  // a write, so the WAL is in use
    const auto db = server.data_dir() + "/greenroom.db";
    EXPECT_EQ(mode_of(server.data_dir()), 0700u);
    EXPECT_EQ(mode_of(db), 0600u);
    EXPECT_EQ(mode_of(db + "-wal"), 0600u);
    EXPECT_EQ(mode_of(db + "-shm"), 0600u);
    // Modes loosened while the server is down are corrected at the next start.
    server.stop();
    ::chmod(server.data_dir().c_str(), 0777);
    ::chmod(db.c_str(), 0666);
    server.start();
    EXPECT_EQ(mode_of(server.data_dir()), 0700u);
    EXPECT_EQ(mode_of(db), 0600u);
    EXPECT_NE(server.log().find("corrected file mode"), std::string::npos);
  }
  {
    TestServer tls({false, {}});  // HTTPS with a certificate made on first run
    EXPECT_EQ(mode_of(tls.data_dir() + "/tls"), 0700u);
    EXPECT_EQ(mode_of(tls.data_dir() + "/tls/key.pem"), 0600u);
    EXPECT_EQ(http_request(tls.port(), "GET", "/healthz", "", {}, true).status, 200);
  }
  ::umask(old);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(DataAtRest, CsrfTokensAreNotStored) {
  TestServer server;
  server.add_user("ceo", "executive", "run");
  Client ceo(server.port(), "ceo");
  ASSERT_FALSE(ceo.csrf().empty());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((server.data_dir() + "/greenroom.db").c_str(), &db,
                            SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('sessions')", -1, &st, nullptr);
  std::vector<std::string> columns;
  while (sqlite3_step(st) == SQLITE_ROW)
    columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_FALSE(columns.empty());
  EXPECT_EQ(std::find(columns.begin(), columns.end(), "csrf_token"), columns.end());
  // Neither the CSRF token nor the session token is anywhere in the database files.
  const auto base = server.data_dir() + "/greenroom.db";
  const auto bytes = file_bytes(base) + file_bytes(base + "-wal");
  EXPECT_EQ(bytes.find(ceo.csrf()), std::string::npos);
  EXPECT_EQ(bytes.find(ceo.cookie()), std::string::npos);
  // The derived token still guards writes: right token 201, wrong or missing 403.
  EXPECT_EQ(ceo.post("/api/v1/posts", {{"body", "Derived CSRF"}, {"space", "company"}}).status,
            201);
  EXPECT_EQ(ceo.send("POST", "/api/v1/posts", R"({"body":"x","space":"company"})",
                     {{"X-CSRF-Token", std::string(ceo.csrf().size(), 'A')}}, false)
                .status,
            403);
  EXPECT_EQ(ceo.get("/api/v1/me").json()["csrf_token"], ceo.csrf());
  Client again(server.port(), "ceo");
  EXPECT_NE(again.csrf(), ceo.csrf());  // one token per session
}

TEST(LoginLimit, ASuccessfulSignInKeepsAnAttackersFailures) {
  TestServer server({true, {{"trusted_proxies", {"127.0.0.1"}}}});  // separate the addresses
  server.add_user("ceo", "executive", "run");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(login(server, "ceo", "guess-" + std::to_string(i), "203.0.113.66").status, 401);
  EXPECT_EQ(login(server, "ceo", kPassword, "198.51.100.10").status, 200);  // the real user
  for (int i = 3; i < 5; ++i)
    EXPECT_EQ(login(server, "ceo", "guess-" + std::to_string(i), "203.0.113.66").status, 401);
  // Five failures for "ceo" in the window: the sixth guess is refused unchecked.
  EXPECT_EQ(login(server, "ceo", "guess-5", "203.0.113.66").status, 429);
}

}  // namespace
}  // namespace greenroom::test
