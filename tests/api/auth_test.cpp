// Sign-in, sessions, CSRF and the login rate limit, against the real server.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class AuthTest : public ApiTest {};

HttpResponse login(std::uint16_t port, const std::string& user, const std::string& password) {
  return http_request(port, "POST", "/api/v1/auth/login",
                      nlohmann::json{{"username", user}, {"password", password}}.dump(),
                      {{"Content-Type", "application/json"}});
}

TEST_F(AuthTest, LoginReturnsUserCsrfTokenAndASecureSessionCookie) {
  auto r = login(port(), "mia", kPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["user"]["username"], "mia");
  EXPECT_EQ(j["user"]["role"], "member");
  EXPECT_FALSE(j["csrf_token"].get<std::string>().empty());
  EXPECT_FALSE(j["user"].contains("password_hash"));
  auto cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("gr_session=", 0), 0u);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Max-Age="), std::string::npos);
}

TEST_F(AuthTest, MeShowsTheSignedInUserAndTheSameCsrfToken) {
  auto c = as("evan");
  auto r = c.get("/api/v1/me");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["user"]["username"], "evan");
  EXPECT_EQ(r.json()["user"]["training_level"], "crawl");
  EXPECT_EQ(r.json()["csrf_token"], c.csrf());
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserAreBoth401WithTheSameMessage) {
  auto wrong = login(port(), "max", "not-the-password");
  auto unknown = login(port(), "nobody-here", "whatever-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
  EXPECT_EQ(wrong.json()["error"]["message"], unknown.json()["error"]["message"]);
  EXPECT_TRUE(wrong.header("set-cookie").empty());
}

TEST_F(AuthTest, WithoutASessionEveryApiCallIs401) {
  Client anonymous(port());
  EXPECT_EQ(anonymous.get("/api/v1/me").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/feed").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/posts/1").status, 401);
  auto r = anonymous.post("/api/v1/posts", {{"body", "hi"}, {"space", "company"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "unauthenticated");
  auto forged = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", "gr_session=forged"}});
  EXPECT_EQ(forged.status, 401);
}

TEST_F(AuthTest, LogoutEndsTheSessionOnTheServer) {
  auto c = as("max");
  ASSERT_EQ(c.get("/api/v1/me").status, 200);
  auto r = c.post("/api/v1/auth/logout", nullptr);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("set-cookie").find("Max-Age=0"), std::string::npos);
  // The old cookie no longer works, even if a client keeps sending it.
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST_F(AuthTest, StateChangesWithoutTheCsrfTokenAre403AndChangeNothing) {
  auto c = as("mia");
  auto before = c.get("/api/v1/feed?limit=100").json()["items"].size();
  auto missing = c.send("POST", "/api/v1/posts",
                        nlohmann::json{{"body", "csrf probe"}, {"space", "company"}}.dump(), {},
                        /*with_csrf=*/false);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.error_code(), "csrf_failed");
  auto wrong = c.send("POST", "/api/v1/posts",
                      nlohmann::json{{"body", "csrf probe"}, {"space", "company"}}.dump(),
                      {{"X-CSRF-Token", "not-the-token"}}, false);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.error_code(), "csrf_failed");
  auto logout = c.send("POST", "/api/v1/auth/logout", "", {}, false);
  EXPECT_EQ(logout.status, 403);
  EXPECT_EQ(c.get("/api/v1/me").status, 200);  // still signed in
  EXPECT_EQ(c.get("/api/v1/feed?limit=100").json()["items"].size(), before);
}

TEST_F(AuthTest, LoginBodyMustBeJsonWithBothFields) {
  auto no_type = http_request(port(), "POST", "/api/v1/auth/login", R"({"username":"mia"})");
  EXPECT_EQ(no_type.status, 415);
  auto missing = http_request(port(), "POST", "/api/v1/auth/login", R"({"username":"mia"})",
                              {{"Content-Type", "application/json"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_code(), "validation_failed");
  auto malformed = http_request(port(), "POST", "/api/v1/auth/login", R"({"username":)",
                                {{"Content-Type", "application/json"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.error_code(), "invalid_json");
}

TEST(LoginRateLimit, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  TestServer server;
  server.add_user("target", "member");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login(server.port(), "target", "guess-" + std::to_string(i)).status, 401);
  auto limited = login(server.port(), "target", kPassword);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.error_code(), "rate_limited");
  EXPECT_GT(std::stoi(limited.header("retry-after")), 0);
  EXPECT_TRUE(limited.header("set-cookie").empty());
}

TEST(LoginRateLimit, TheWindowPassesAndTheRightPasswordWorksAgain) {
  TestServer server(
      ServerOptions{true, {{"auth", {{"login_max_failures", 2}, {"login_window_seconds", 1}}}}});
  server.add_user("target", "member");
  EXPECT_EQ(login(server.port(), "target", "wrong-1").status, 401);
  EXPECT_EQ(login(server.port(), "target", "wrong-2").status, 401);
  EXPECT_EQ(login(server.port(), "target", kPassword).status, 429);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(login(server.port(), "target", kPassword).status, 200);
}

}  // namespace
}  // namespace greenroom::test
