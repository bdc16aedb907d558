#pragma once
// One server per test suite with a cast of users in every role:
//   coach "cora" coaches executives "evan" (crawl), "wren" (walk), "rui" (run);
//   coach "cole" coaches executive "xena" (crawl); "mia" and "max" are members;
//   "mo" is a moderator and "ada" an admin.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <set>
#include <thread>

#include "harness.hpp"

namespace greenroom::test {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<TestServer>();
    server_->add_user("ada", "admin");
    server_->add_user("mo", "moderator");
    server_->add_user("cora", "coach");
    server_->add_user("cole", "coach");
    server_->add_user("evan", "executive", "crawl", "cora");
    server_->add_user("wren", "executive", "walk", "cora");
    server_->add_user("rui", "executive", "run", "cora");
    server_->add_user("xena", "executive", "crawl", "cole");
    server_->add_user("mia", "member");
    server_->add_user("max", "member");
  }
  static void TearDownTestSuite() { server_.reset(); }

  static TestServer& server() { return *server_; }
  static std::uint16_t port() { return server_->port(); }
  static Client as(const std::string& username) { return Client(port(), username); }

  // Creates a post and returns its JSON (asserting 201).
  static nlohmann::json make_post(const Client& c, const std::string& body,
                                  const std::string& space = "company",
                                  const std::string& action = "publish") {
    auto r = c.post("/api/v1/posts", {{"body", body}, {"space", space}, {"action", action}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["post"];
  }

  static inline std::unique_ptr<TestServer> server_;
};

// An RFC 3339 time `days` days from now (goal due dates must fit their term).
inline std::string in_days(int days) {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                      std::chrono::hours(24 * days));
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

inline std::string path_of(const nlohmann::json& post, const std::string& suffix = "") {
  return "/api/v1/posts/" + std::to_string(post["id"].get<long long>()) + suffix;
}

}  // namespace greenroom::test
