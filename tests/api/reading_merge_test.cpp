// The reading view merges what a person follows (the Following feed's posts) with the
// entries of their external feeds: one newest-first list with one cursor, each item tagged with
// its kind, read/unread per person for both kinds, unread=true for both, and a "new since
// yesterday" count of both. External entries are stored straight into the database (their
// fetching is reading_test.cpp's subject); posts go through the API.
#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <tuple>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

std::int64_t millis_of(const std::string& rfc3339) {  // 2026-11-28T10:00:00.123Z
  std::tm tm{};
  const char* rest = strptime(rfc3339.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  EXPECT_NE(rest, nullptr) << rfc3339;
  std::int64_t ms = static_cast<std::int64_t>(timegm(&tm)) * 1000;
  if (rest && *rest == '.') ms += std::atoi(rest + 1);
  return ms;
}

std::int64_t now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

using Key = std::pair<std::string, std::int64_t>;  // ("post" or "entry", id)

class ReadingMerge : public ApiTest {
 protected:
  static void exec(const std::string& sql, std::int64_t* last_id = nullptr) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server().data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
        << (err ? err : "") << " in " << sql;
    sqlite3_free(err);
    if (last_id) *last_id = sqlite3_last_insert_rowid(db);
    sqlite3_close(db);
  }

  // `who` subscribes to a fresh feed on a host the admin allows (never reachable: .invalid).
  static std::int64_t subscribe(const Client& who, const std::string& host) {
    EXPECT_EQ(as("ada").put("/api/v1/admin/feed-hosts/" + host).status, 200);
    auto r = who.post("/api/v1/reading/feeds", {{"url", "https://" + host + "/feed.xml"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["feed"]["id"].get<std::int64_t>();
  }

  static std::int64_t add_entry(std::int64_t feed, const std::string& title, std::int64_t at) {
    std::int64_t id = 0;
    exec(
        "INSERT INTO feed_entries(feed_id, guid, title, link, summary, published_at, sort_at, "
        "first_seen_at) VALUES(" +
            std::to_string(feed) + ", '" + title + "', '" + title + "', 'https://example.org/" +
            title + "', 'About " + title + "', " + std::to_string(at) + ", " + std::to_string(at) +
            ", " + std::to_string(at) + ")",
        &id);
    return id;
  }

  // Every page of the view (`query` without before=), as (kind, id) in order.
  static std::vector<Key> pages(const Client& c, const std::string& query,
                                int* page_count = nullptr) {
    std::vector<Key> out;
    std::string next;
    int n = 0;
    for (; n < 50; ++n) {
      auto r = c.get("/api/v1/reading?" + query + (next.empty() ? "" : "&before=" + next));
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) break;
      auto j = r.json();
      for (const auto& item : j["items"])
        out.emplace_back(item["kind"].get<std::string>(), item["id"].get<std::int64_t>());
      if (j["next"].is_null()) break;
      next = j["next"].get<std::string>();
    }
    if (page_count) *page_count = n + 1;
    return out;
  }
};

TEST_F(ReadingMerge, FollowedPostsAndEntriesMergeNewestFirstWithOneCursor) {
  server().add_user("reader1", "member");
  server().add_user("penn1", "member");
  auto reader = as("reader1"), penn = as("penn1");
  ASSERT_EQ(reader.put("/api/v1/users/" + std::to_string(penn.id()) + "/follow").status, 200);
  ASSERT_EQ(reader.put("/api/v1/topics/merge-one/follow").status, 200);
  const auto feed = subscribe(reader, "merge-one.invalid");

  // Posts: three by penn, one by mia on a followed topic; none the reader may not see.
  std::vector<nlohmann::json> posts = {
      make_post(penn, "Penn first"), make_post(penn, "Penn second"),
      make_post(as("mia"), "Mia on #merge-one"), make_post(penn, "Penn third")};
  const auto draft = make_post(penn, "Penn draft", "company", "draft");
  const auto hidden = make_post(penn, "Penn hidden later");
  ASSERT_EQ(as("mo")
                .post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                     {"target_id", hidden["id"]},
                                                     {"action", "hide"},
                                                     {"reason", "test"}})
                .status,
            201);
  const auto practice = make_post(as("rui"), "Cohort only #merge-one", "practice");
  const auto unfollowed = make_post(as("max"), "Nobody follows max here");

  // Entries around them: a tie with the newest post (the post comes first), one between, one
  // older than every post, one newer than every post, one of a day ago.
  const auto newest = millis_of(posts[3]["published_at"].get<std::string>());
  const auto oldest = millis_of(posts[0]["published_at"].get<std::string>());
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> expected;  // (at, -kind, id)
  for (const auto& p : posts)
    expected.emplace_back(millis_of(p["published_at"].get<std::string>()), 0,
                          p["id"].get<std::int64_t>());
  auto entry = [&](const std::string& title, std::int64_t at) {
    expected.emplace_back(at, -1, add_entry(feed, title, at));
  };
  entry("tie", newest);
  entry("between", oldest + (newest - oldest) / 2);
  entry("older", oldest - 60000);
  entry("newer", newest + 1000);
  entry("yesterday", now_millis() - 30LL * 3600 * 1000);
  std::sort(expected.rbegin(), expected.rend());
  std::vector<Key> want;
  for (const auto& [at, kind, id] : expected) want.emplace_back(kind ? "entry" : "post", id);

  // One page holds everything in order; items carry their kind and what the client shows.
  auto all = reader.get("/api/v1/reading?limit=100");
  ASSERT_EQ(all.status, 200) << all.body;
  auto j = all.json();
  EXPECT_TRUE(j["next"].is_null());
  std::vector<Key> got;
  for (const auto& item : j["items"]) {
    got.emplace_back(item["kind"].get<std::string>(), item["id"].get<std::int64_t>());
    EXPECT_FALSE(item["read"].get<bool>());
    EXPECT_TRUE(item["read_at"].is_null());
    EXPECT_TRUE(item["date"].is_string());
    if (item["kind"] == "post") {
      EXPECT_EQ(item["post"]["id"], item["id"]);
      EXPECT_EQ(item["post"]["state"], "published");
      EXPECT_EQ(item["date"], item["post"]["published_at"]);
      EXPECT_TRUE(item["post"]["author"].is_object());
    } else {
      EXPECT_EQ(item["feed"]["id"], feed);
      EXPECT_TRUE(item["link"].get<std::string>().starts_with("https://example.org/"));
    }
  }
  EXPECT_EQ(got, want) << j;
  ASSERT_GE(got.size(), 3u);
  // The newer entry leads; at the tie, the post before the entry.
  EXPECT_EQ(got[0].first, "entry");
  EXPECT_EQ(got[1], Key("post", posts[3]["id"].get<std::int64_t>()));
  EXPECT_EQ(got[2].first, "entry");
  for (const auto& hidden_id : {draft["id"], hidden["id"], practice["id"], unfollowed["id"]})
    EXPECT_EQ(std::count(got.begin(), got.end(), Key("post", hidden_id.get<std::int64_t>())), 0)
        << hidden_id;

  // Paging across both kinds: every page size gives the same sequence, each item once.
  for (int limit : {1, 2, 3, 4}) {
    int n = 0;
    EXPECT_EQ(pages(reader, "limit=" + std::to_string(limit), &n), want) << "limit " << limit;
    EXPECT_EQ(n, static_cast<int>((want.size() + limit - 1) / limit)) << "limit " << limit;
  }
  EXPECT_EQ(reader.get("/api/v1/reading?before=garbage").error_code(), "bad_cursor");
  EXPECT_EQ(reader.get("/api/v1/reading?before=c5.1").error_code(), "bad_cursor");
  // Nothing is read yet: everything dated within the last day (or later) is new.
  int fresh = 0;
  for (const auto& [at, kind, id] : expected) fresh += at >= now_millis() - 24LL * 3600 * 1000;
  EXPECT_EQ(j["new_since_yesterday"], fresh);
}

TEST_F(ReadingMerge, PostsAndEntriesAreReadAndUnreadPerPerson) {
  server().add_user("reader2", "member");
  server().add_user("other2", "member");
  server().add_user("penn2", "member");
  auto reader = as("reader2"), other = as("other2"), penn = as("penn2");
  for (const auto* c : {&reader, &other})
    ASSERT_EQ(c->put("/api/v1/users/" + std::to_string(penn.id()) + "/follow").status, 200);
  const auto feed = subscribe(reader, "merge-two.invalid");
  const auto p1 = make_post(penn, "Two: one"), p2 = make_post(penn, "Two: two");
  const auto e1 = add_entry(feed, "two-entry", now_millis() - 3600 * 1000);
  const auto e_old = add_entry(feed, "two-archive", now_millis() - 5LL * 24 * 3600 * 1000);
  const auto id1 = p1["id"].get<std::int64_t>(), id2 = p2["id"].get<std::int64_t>();
  const auto post_path = [](std::int64_t id) {
    return "/api/v1/reading/posts/" + std::to_string(id) + "/read";
  };

  auto view = reader.get("/api/v1/reading").json();
  EXPECT_EQ(view["new_since_yesterday"], 3);  // two posts and the recent entry
  EXPECT_EQ(view["stats"]["feeds"], 1);

  auto marked = reader.put(post_path(id2));
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(marked.json()["item"]["kind"], "post");
  EXPECT_EQ(marked.json()["item"]["id"], id2);
  EXPECT_TRUE(marked.json()["item"]["read"].get<bool>());
  EXPECT_TRUE(marked.json()["item"]["read_at"].is_string());
  EXPECT_EQ(marked.json()["item"]["post"]["body"], "Two: two");
  const auto first_read_at = marked.json()["item"]["read_at"];
  EXPECT_EQ(reader.put(post_path(id2)).json()["item"]["read_at"], first_read_at);  // idempotent
  ASSERT_EQ(reader.put("/api/v1/reading/items/" + std::to_string(e1) + "/read").status, 200);

  // The view shows the markers; unread=true leaves out both kinds; the count follows.
  view = reader.get("/api/v1/reading").json();
  std::map<Key, bool> read;
  for (const auto& item : view["items"])
    read[{item["kind"].get<std::string>(), item["id"].get<std::int64_t>()}] = item["read"];
  EXPECT_TRUE(read.at({"post", id2}));
  EXPECT_FALSE(read.at({"post", id1}));
  EXPECT_TRUE(read.at({"entry", e1}));
  EXPECT_FALSE(read.at({"entry", e_old}));
  EXPECT_EQ(view["new_since_yesterday"], 1);
  EXPECT_EQ(pages(reader, "unread=true&limit=1"),
            (std::vector<Key>{{"post", id1}, {"entry", e_old}}));

  // Another person's view and count are their own.
  auto theirs = other.get("/api/v1/reading").json();
  EXPECT_EQ(theirs["new_since_yesterday"], 2);
  for (const auto& item : theirs["items"]) {
    EXPECT_EQ(item["kind"], "post");  // other2 subscribes to no feed
    EXPECT_FALSE(item["read"].get<bool>());
  }
  EXPECT_EQ(pages(other, "unread=true").size(), 2u);

  // Unread again; idempotent.
  auto unmarked = reader.del(post_path(id2));
  ASSERT_EQ(unmarked.status, 200) << unmarked.body;
  EXPECT_FALSE(unmarked.json()["item"]["read"].get<bool>());
  EXPECT_TRUE(unmarked.json()["item"]["read_at"].is_null());
  EXPECT_EQ(reader.del(post_path(id2)).status, 200);
  EXPECT_EQ(reader.get("/api/v1/reading").json()["new_since_yesterday"], 2);

  // Only a published post the caller may see can be marked: 404 as if it did not exist.
  const auto practice = make_post(as("rui"), "Rui's cohort only", "practice");
  const auto draft = make_post(penn, "A draft of penn's", "company", "draft");
  for (const auto& id : {practice["id"].get<std::int64_t>(), draft["id"].get<std::int64_t>(),
                         std::int64_t{99999999}}) {
    EXPECT_EQ(reader.put(post_path(id)).status, 404) << id;
    EXPECT_EQ(reader.del(post_path(id)).status, 404) << id;
  }
  EXPECT_EQ(penn.put(post_path(draft["id"].get<std::int64_t>())).status, 404);  // not published
  EXPECT_EQ(as("cora").put(post_path(practice["id"].get<std::int64_t>())).status, 200);
  EXPECT_EQ(Client(port()).put(post_path(id1)).status, 401);
  // A post hidden after it was read leaves the view and its count.
  ASSERT_EQ(reader.put(post_path(id1)).status, 200);
  ASSERT_EQ(
      as("mo")
          .post(
              "/api/v1/moderation/actions",
              {{"target_type", "post"}, {"target_id", id1}, {"action", "hide"}, {"reason", "test"}})
          .status,
      201);
  EXPECT_EQ(reader.put(post_path(id1)).status, 404);
  auto after = pages(reader, "limit=2");
  EXPECT_EQ(std::count(after.begin(), after.end(), Key("post", id1)), 0);
  EXPECT_EQ(other.get("/api/v1/reading").json()["new_since_yesterday"], 1);
}

}  // namespace
}  // namespace greenroom::test
