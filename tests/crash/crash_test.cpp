// Durability: clients stream writes; every write the server acknowledged (201) must be
// there after the server is killed with SIGKILL and restarted on the same database.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "../api/harness.hpp"

namespace greenroom::test {
namespace {

struct Acked {
  long long id;
  std::string body;
};

TEST(Crash, EveryAcknowledgedWriteSurvivesSigkill) {
  TestServer server;
  server.add_user("writer", "member");
  Client writer(server.port(), "writer");

  std::mutex mu;
  std::vector<Acked> acked;
  std::atomic<bool> stop{false};
  std::atomic<int> attempts{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      // Bounded: at most 2000 requests per client, and only until the kill.
      for (int i = 0; i < 2000 && !stop; ++i) {
        std::string body = "durable " + std::to_string(t) + "-" + std::to_string(i);
        attempts++;
        try {
          auto r = writer.post("/api/v1/posts", {{"body", body}, {"space", "company"}});
          if (r.status == 201) {
            std::lock_guard lock(mu);
            acked.push_back({r.json()["post"]["id"].get<long long>(), body});
          }
        } catch (const std::exception&) {
          // The connection died with the server: that write was never acknowledged.
        }
      }
    });
  }
  // Let a few hundred writes be acknowledged, then pull the plug mid-stream.
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mu);
      if (acked.size() >= 300) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  server.kill9();
  stop = true;
  for (auto& c : clients) c.join();
  ASSERT_GE(acked.size(), 100u) << "too few writes were acknowledged before the kill";

  server.start();
  Client reader(server.port(), "writer");
  std::size_t missing = 0;
  for (const auto& a : acked) {
    auto r = reader.get("/api/v1/posts/" + std::to_string(a.id));
    if (r.status != 200 || r.json()["post"]["body"] != a.body) ++missing;
  }
  EXPECT_EQ(missing, 0u) << missing << " of " << acked.size() << " acknowledged writes were lost";
  // And the database is healthy: new writes work after recovery.
  EXPECT_EQ(
      reader.post("/api/v1/posts", {{"body", "after the crash"}, {"space", "company"}}).status,
      201);
  std::cout << "[crash] " << acked.size() << " acknowledged of " << attempts.load()
            << " attempted writes; all present after SIGKILL and restart\n";
}

}  // namespace
}  // namespace greenroom::test
