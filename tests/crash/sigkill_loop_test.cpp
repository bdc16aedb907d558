// The SIGKILL loop: 20 rounds of kill -9 in the middle of mixed writes (posts, replies,
// likes, annotations, reviews) from four client threads. After every kill the database must
// pass PRAGMA integrity_check, hold every write the server acknowledged, and keep its stored
// counters in step; then the server restarts on it for the next round.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "../api/harness.hpp"

namespace greenroom::test {
namespace {

struct Acked {
  std::mutex mu;
  std::vector<std::pair<std::int64_t, std::string>> posts;   // id, body
  std::vector<std::int64_t> published, in_review;            // post ids, for the others
  std::vector<std::int64_t> replies, annotations, reviews;   // ids
  std::vector<std::pair<std::int64_t, std::int64_t>> likes;  // post id, user id

  template <class T>
  void add(std::vector<T>& v, T value) {
    std::lock_guard lock(mu);
    v.push_back(std::move(value));
  }
  std::optional<std::int64_t> pick(std::vector<std::int64_t>& v, std::mt19937& rng, bool take) {
    std::lock_guard lock(mu);
    if (v.empty()) return std::nullopt;
    const auto i = rng() % v.size();
    const auto id = v[i];
    if (take) v.erase(v.begin() + static_cast<long>(i));
    return id;
  }
};

std::int64_t id_of(const HttpResponse& r, const char* key) {
  return r.json()[key]["id"].get<std::int64_t>();
}

// One client's stream of writes until `stop`; every 2xx answer is recorded as acknowledged.
void writer_loop(const std::string& who, std::uint16_t port, Acked& acked, std::atomic<bool>& stop,
                 unsigned seed) {
  std::mt19937 rng(seed);
  std::unique_ptr<Client> c;
  try {
    c = std::make_unique<Client>(port, who);
  } catch (const std::exception&) {
    return;  // killed before this client signed in
  }
  for (int i = 0; i < 5000 && !stop; ++i) {
    try {
      const auto n = who + "-" + std::to_string(seed) + "-" + std::to_string(i);
      if (who == "ke1" || who == "ke2") {
        const bool submit = who == "ke1" && rng() % 2 == 0;
        const std::string body = "Durable post " + n + " about our quarterly plan";
        auto r = c->post("/api/v1/posts", {{"body", body},
                                           {"space", rng() % 3 ? "company" : "practice"},
                                           {"action", submit ? "submit" : "publish"}});
        if (r.status != 201) continue;
        const auto id = id_of(r, "post");
        acked.add(acked.posts, std::pair{id, body});
        acked.add(submit ? acked.in_review : acked.published, id);
      } else if (who == "km") {
        auto post = acked.pick(acked.published, rng, false);
        if (!post) continue;
        const auto path = "/api/v1/posts/" + std::to_string(*post);
        if (rng() % 2) {
          auto r = c->post(path + "/replies", {{"body", "Reply " + n}});
          if (r.status == 201) acked.add(acked.replies, id_of(r, "reply"));
        } else if (c->put(path + "/like").status == 200) {
          acked.add(acked.likes, std::pair{*post, c->id()});
        }
      } else {  // the coach: annotate a waiting post, then approve it
        auto post = acked.pick(acked.in_review, rng, true);
        if (!post) continue;
        const auto path = "/api/v1/posts/" + std::to_string(*post);
        auto a =
            c->post(path + "/annotations",
                    {{"start", 0}, {"end", 7}, {"category", "tone"}, {"comment", "Note " + n}});
        if (a.status == 201) acked.add(acked.annotations, id_of(a, "annotation"));
        auto r = c->post(
            path + "/reviews",
            {{"verdict", "approve"},
             {"version", 1},
             {"comment", "Fine " + n},
             {"rubric", {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}}}});
        if (r.status == 201) acked.add(acked.reviews, id_of(r, "review"));
      }
    } catch (const std::exception&) {
      // The connection died with the server: that write was never acknowledged.
    }
  }
}

class Db {
 public:
  explicit Db(const std::string& path) { EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK); }
  ~Db() { sqlite3_close(db_); }
  std::string text(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      return std::string("prepare failed: ") + sqlite3_errmsg(db_);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
  }
  bool exists(const std::string& sql) { return text(sql) == "1"; }

 private:
  sqlite3* db_ = nullptr;
};

// Every acknowledged write is in the database; returns how many were checked.
std::size_t verify(Db& db, Acked& a) {
  std::lock_guard lock(a.mu);
  std::size_t missing = 0;
  for (const auto& [id, body] : a.posts)
    missing += db.text("SELECT body FROM posts WHERE id = " + std::to_string(id)) != body;
  auto count_missing = [&](const std::vector<std::int64_t>& ids, const std::string& table) {
    for (auto id : ids)
      missing += !db.exists("SELECT 1 FROM " + table + " WHERE id = " + std::to_string(id));
  };
  count_missing(a.replies, "replies");
  count_missing(a.annotations, "annotations");
  count_missing(a.reviews, "reviews");
  for (const auto& [post, user] : a.likes)
    missing += !db.exists("SELECT 1 FROM likes WHERE post_id = " + std::to_string(post) +
                          " AND user_id = " + std::to_string(user));
  EXPECT_EQ(missing, 0u) << "acknowledged writes lost";
  return a.posts.size() + a.replies.size() + a.annotations.size() + a.reviews.size() +
         a.likes.size();
}

TEST(SigkillLoop, TwentyKillsDuringMixedWritesLoseNothingAcknowledged) {
  const int rounds = std::getenv("CRASH_ROUNDS") ? std::atoi(std::getenv("CRASH_ROUNDS")) : 20;
  const unsigned seed = std::random_device{}();
  std::cout << "[sigkill] seed " << seed << "\n";
  std::mt19937 rng(seed);
  TestServer server;
  server.add_user("kc", "coach");
  server.add_user("ke1", "executive", "run", "kc");
  server.add_user("ke2", "executive", "run", "kc");
  server.add_user("km", "member");
  Acked acked;
  std::size_t checked = 0;
  for (int round = 1; round <= rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    if (!server.running()) server.start();
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    const char* who[] = {"ke1", "ke2", "km", "kc"};
    for (unsigned t = 0; t < 4; ++t)
      clients.emplace_back(writer_loop, who[t], server.port(), std::ref(acked), std::ref(stop),
                           seed + static_cast<unsigned>(round) * 16 + t);
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 350));
    server.kill9();
    stop = true;
    for (auto& c : clients) c.join();

    Db db(server.data_dir() + "/greenroom.db");
    ASSERT_EQ(db.text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(db.text("SELECT COUNT(*) FROM posts p WHERE reply_count <> "
                      "(SELECT COUNT(*) FROM replies r WHERE r.post_id = p.id) OR like_count <> "
                      "(SELECT COUNT(*) FROM likes l WHERE l.post_id = p.id)"),
              "0")
        << "stored counters out of step with their rows";
    checked = verify(db, acked);
    if (::testing::Test::HasFailure()) break;
  }
  std::lock_guard lock(acked.mu);
  std::cout << "[sigkill] " << rounds << " kills; " << checked << " acknowledged writes ("
            << acked.posts.size() << " posts, " << acked.replies.size() << " replies, "
            << acked.likes.size() << " likes, " << acked.annotations.size() << " annotations, "
            << acked.reviews.size() << " reviews) all present\n";
  EXPECT_GT(acked.posts.size(), 50u);
  EXPECT_GT(acked.replies.size() + acked.likes.size(), 20u);
  EXPECT_GT(acked.annotations.size(), 5u);
  EXPECT_GT(acked.reviews.size(), 5u);
}

}  // namespace
}  // namespace greenroom::test
