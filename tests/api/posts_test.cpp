// Posts, replies, likes and the feed: every role allowed and refused, visibility (404 for
// what a caller may not see), validation, and paging.
#include <set>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class PostsTest : public ApiTest {};

nlohmann::json post_body(const std::string& body, const std::string& space,
                         const std::string& action) {
  return {{"body", body}, {"space", space}, {"action", action}};
}

TEST_F(PostsTest, MemberPublishesToCompanyAndItLeadsTheFeed) {
  auto mia = as("mia");
  auto post = make_post(mia, "Town hall notes are on the intranet.");
  EXPECT_EQ(post["state"], "published");
  EXPECT_EQ(post["space"], "company");
  EXPECT_EQ(post["author"]["username"], "mia");
  EXPECT_EQ(post["reply_count"], 0);
  EXPECT_EQ(post["like_count"], 0);
  EXPECT_EQ(post["liked_by_me"], false);
  EXPECT_EQ(post["created_at"].get<std::string>().back(), 'Z');
  auto feed = as("max").get("/api/v1/feed?space=company&limit=5").json();
  EXPECT_EQ(feed["items"][0]["id"], post["id"]);
}

TEST_F(PostsTest, RolesAndTrainingLevelsDecideWhereOneMayPublish) {
  struct Case {
    std::string user, space, action;
    int status;
    std::string code_or_state;
  };
  const std::vector<Case> cases = {
      {"mia", "company", "publish", 201, "published"},
      {"mia", "practice", "publish", 403, "forbidden"},
      {"mia", "company", "submit", 403, "forbidden"},
      {"mia", "company", "draft", 201, "draft"},
      {"mo", "company", "publish", 201, "published"},
      {"ada", "practice", "draft", 403, "forbidden"},
      {"cora", "practice", "publish", 201, "published"},
      {"cora", "company", "publish", 201, "published"},
      {"evan", "company", "publish", 403, "review_required"},
      {"evan", "practice", "publish", 403, "review_required"},
      {"evan", "company", "submit", 201, "in_review"},
      {"evan", "practice", "draft", 201, "draft"},
      {"wren", "practice", "publish", 201, "published"},
      {"wren", "company", "publish", 403, "review_required"},
      {"wren", "company", "submit", 201, "in_review"},
      {"rui", "company", "publish", 201, "published"},
      {"rui", "practice", "publish", 201, "published"},
  };
  for (const auto& c : cases) {
    auto r =
        as(c.user).post("/api/v1/posts", post_body("Role check by " + c.user, c.space, c.action));
    EXPECT_EQ(r.status, c.status) << c.user << " " << c.space << " " << c.action << ": " << r.body;
    if (r.status == 201)
      EXPECT_EQ(r.json()["post"]["state"], c.code_or_state) << c.user;
    else
      EXPECT_EQ(r.error_code(), c.code_or_state) << c.user << ": " << r.body;
  }
}

TEST_F(PostsTest, ARefusedPublishExplainsTheLevelAndChangesNothing) {
  auto evan = as("evan");
  auto before = evan.get("/api/v1/me/posts?limit=100").json()["items"].size();
  auto r = evan.post("/api/v1/posts", post_body("Straight to everyone", "company", "publish"));
  ASSERT_EQ(r.status, 403);
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("Crawl"), std::string::npos);
  EXPECT_EQ(evan.get("/api/v1/me/posts?limit=100").json()["items"].size(), before);
}

TEST_F(PostsTest, ADraftIsSeenByItsAuthorAndTheirCoachOnly) {
  auto draft = make_post(as("evan"), "My private draft", "company", "draft");
  EXPECT_EQ(as("evan").get(path_of(draft)).status, 200);
  EXPECT_EQ(as("cora").get(path_of(draft)).status, 200);
  for (auto other : {"cole", "mia", "wren", "xena", "mo", "ada"}) {
    auto r = as(other).get(path_of(draft));
    EXPECT_EQ(r.status, 404) << other;
    EXPECT_EQ(r.error_code(), "not_found");
  }
  // Replies and likes on an invisible post are 404 too, not 403 or 409.
  auto mia = as("mia");
  EXPECT_EQ(mia.post(path_of(draft, "/replies"), {{"body", "hi"}}).status, 404);
  EXPECT_EQ(mia.put(path_of(draft, "/like")).status, 404);
  EXPECT_EQ(mia.del(path_of(draft, "/like")).status, 404);
  // The coach sees it but cannot reply to or like an unpublished post.
  auto reply = as("cora").post(path_of(draft, "/replies"), {{"body", "Nice"}});
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(as("cora").put(path_of(draft, "/like")).status, 409);
}

TEST_F(PostsTest, PracticePostsAreForTheCohortCoachesAndModerators) {
  auto post = make_post(as("wren"), "Rehearsing a warmer tone", "practice");
  for (auto viewer : {"wren", "evan", "rui", "cora", "mo", "ada"})
    EXPECT_EQ(as(viewer).get(path_of(post)).status, 200) << viewer;
  for (auto outsider : {"mia", "cole", "xena"})
    EXPECT_EQ(as(outsider).get(path_of(post)).status, 404) << outsider;

  auto ids_in = [](const nlohmann::json& feed) {
    std::set<long long> ids;
    for (const auto& p : feed["items"]) ids.insert(p["id"].get<long long>());
    return ids;
  };
  const auto id = post["id"].get<long long>();
  EXPECT_TRUE(ids_in(as("evan").get("/api/v1/feed?space=practice&limit=100").json()).count(id));
  EXPECT_TRUE(ids_in(as("cora").get("/api/v1/feed?space=practice&limit=100").json()).count(id));
  EXPECT_TRUE(ids_in(as("mo").get("/api/v1/feed?space=practice&limit=100").json()).count(id));
  EXPECT_FALSE(ids_in(as("xena").get("/api/v1/feed?space=practice&limit=100").json()).count(id));
  EXPECT_FALSE(ids_in(as("cole").get("/api/v1/feed?space=practice&limit=100").json()).count(id));
  auto member = as("mia").get("/api/v1/feed?space=practice");
  EXPECT_EQ(member.status, 403);
  // Practice posts never leak into the company feed.
  EXPECT_FALSE(ids_in(as("mia").get("/api/v1/feed?space=company&limit=100").json()).count(id));
}

TEST_F(PostsTest, RepliesAreThreadedOldestFirstAndCounted) {
  auto post = make_post(as("rui"), "What should our next offsite focus on?");
  auto mia = as("mia");
  auto first = mia.post(path_of(post, "/replies"), {{"body", "Customers"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["reply"]["author"]["username"], "mia");
  ASSERT_EQ(as("max").post(path_of(post, "/replies"), {{"body", "Focus time"}}).status, 201);
  auto got = mia.get(path_of(post)).json();
  EXPECT_EQ(got["post"]["reply_count"], 2);
  ASSERT_EQ(got["replies"].size(), 2u);
  EXPECT_EQ(got["replies"][0]["body"], "Customers");
  EXPECT_EQ(got["replies"][1]["body"], "Focus time");
}

TEST_F(PostsTest, LikesAreIdempotentAndCounted) {
  auto post = make_post(as("mia"), "Like me twice");
  auto max = as("max");
  auto r1 = max.put(path_of(post, "/like"));
  ASSERT_EQ(r1.status, 200) << r1.body;
  EXPECT_EQ(r1.json()["like_count"], 1);
  EXPECT_EQ(max.put(path_of(post, "/like")).json()["like_count"], 1);
  EXPECT_EQ(as("rui").put(path_of(post, "/like")).json()["like_count"], 2);
  EXPECT_EQ(max.get(path_of(post)).json()["post"]["liked_by_me"], true);
  EXPECT_EQ(as("mia").get(path_of(post)).json()["post"]["liked_by_me"], false);
  EXPECT_EQ(max.del(path_of(post, "/like")).json()["like_count"], 1);
  EXPECT_EQ(max.del(path_of(post, "/like")).json()["like_count"], 1);
  EXPECT_EQ(max.get(path_of(post)).json()["post"]["like_count"], 1);
}

TEST_F(PostsTest, EveryBadPostBodyIsA400ThatSaysWhatIsAllowed) {
  auto mia = as("mia");
  const std::string emoji = "\xF0\x9F\x9A\x80";  // one code point, four bytes
  std::string max_emoji;
  for (int i = 0; i < 5000; ++i) max_emoji += emoji;
  auto before = mia.get("/api/v1/me/posts?limit=100").json()["items"].size();
  struct Bad {
    std::string raw;
    std::string code;
  };
  const std::vector<Bad> bad = {
      {R"({"body":"","space":"company"})", "validation_failed"},
      {R"({"body":"   \n\t ","space":"company"})", "validation_failed"},
      {nlohmann::json{{"body", std::string(5001, 'a')}, {"space", "company"}}.dump(),
       "validation_failed"},
      {R"({"body":"ctrl \u0007 char","space":"company"})", "validation_failed"},
      {R"({"body":"x","space":"everywhere"})", "validation_failed"},
      {R"({"body":"x","space":"company","action":"shout"})", "validation_failed"},
      {R"({"body":42,"space":"company"})", "validation_failed"},
      {R"({"space":"company"})", "validation_failed"},
      {R"({"body":"x","space":"company","pinned":true})", "validation_failed"},
      {R"(["body","x"])", "invalid_json"},
      {R"({"body":"x",)", "invalid_json"},
      {"{\"body\":\"bad \xC3\x28 utf8\",\"space\":\"company\"}", "invalid_json"},
  };
  for (const auto& b : bad) {
    auto r = mia.send("POST", "/api/v1/posts", b.raw, {});
    EXPECT_EQ(r.status, 400) << b.raw.substr(0, 80) << " -> " << r.body;
    EXPECT_EQ(r.error_code(), b.code) << b.raw.substr(0, 80);
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  }
  auto wrong_type = mia.send("POST", "/api/v1/posts", R"({"body":"x","space":"company"})",
                             {{"Content-Type", "text/plain"}});
  EXPECT_EQ(wrong_type.status, 415);
  EXPECT_EQ(mia.get("/api/v1/me/posts?limit=100").json()["items"].size(), before);
  // The limit counts characters (code points), not bytes: 5000 emoji are a valid draft (the
  // golden rules may ask for less before it is published).
  auto ok =
      mia.post("/api/v1/posts", {{"body", max_emoji}, {"space", "company"}, {"action", "draft"}});
  EXPECT_EQ(ok.status, 201) << ok.body.substr(0, 200);
}

TEST_F(PostsTest, OversizeBodyIs413AndChangesNothing) {
  auto mia = as("mia");
  auto before = mia.get("/api/v1/me/posts?limit=100").json()["items"].size();
  auto huge = nlohmann::json{{"body", std::string(70000, 'a')}, {"space", "company"}}.dump();
  auto r = mia.send("POST", "/api/v1/posts", huge, {});
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "payload_too_large");
  EXPECT_EQ(mia.get("/api/v1/me/posts?limit=100").json()["items"].size(), before);
}

TEST_F(PostsTest, UnknownRoutesAndIdsAre404AndWrongMethodsAre405) {
  auto mia = as("mia");
  EXPECT_EQ(mia.get("/api/v1/nothing-here").status, 404);
  EXPECT_EQ(mia.get("/api/v1/nothing-here").error_code(), "not_found");
  EXPECT_EQ(mia.get("/api/v1/posts/abc").status, 404);
  EXPECT_EQ(mia.get("/api/v1/posts/0").status, 404);
  EXPECT_EQ(mia.get("/api/v1/posts/999999999").status, 404);
  auto wrong = mia.send("PATCH", "/api/v1/feed", "", {});
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET");
}

TEST_F(PostsTest, FeedPagesWithTheCursorNewestFirstWithoutGapsOrRepeats) {
  auto max = as("max");
  std::vector<long long> created;
  for (int i = 0; i < 7; ++i)
    created.push_back(make_post(max, "Paging post " + std::to_string(i))["id"].get<long long>());
  std::vector<long long> seen;
  std::string target = "/api/v1/feed?space=company&limit=3";
  for (int page = 0; page < 100; ++page) {
    auto r = max.get(target);
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = r.json();
    EXPECT_LE(j["items"].size(), 3u);
    for (const auto& p : j["items"]) seen.push_back(p["id"].get<long long>());
    if (j["next"].is_null()) break;
    target = "/api/v1/feed?space=company&limit=3&before=" + j["next"].get<std::string>();
  }
  std::set<long long> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size()) << "a post appeared twice";
  for (auto id : created) EXPECT_TRUE(unique.count(id)) << id;
  // Newest first: our posts appear in reverse creation order.
  std::vector<long long> ours;
  for (auto id : seen)
    if (std::find(created.begin(), created.end(), id) != created.end()) ours.push_back(id);
  EXPECT_EQ(ours, std::vector<long long>(created.rbegin(), created.rend()));
}

TEST_F(PostsTest, BadCursorsAndLimitsAre400) {
  auto mia = as("mia");
  for (auto q : {"before=xyz", "before=c1.", "before=c01.2", "before=c-1.2", "before=%zz"}) {
    auto r = mia.get(std::string("/api/v1/feed?") + q);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_EQ(r.error_code(), "bad_cursor") << q;
  }
  for (auto q : {"limit=0", "limit=101", "limit=abc", "limit=-1", "space=everywhere"}) {
    auto r = mia.get(std::string("/api/v1/feed?") + q);
    EXPECT_EQ(r.status, 400) << q;
  }
}

TEST_F(PostsTest, MyPostsListsEveryStateOfMyOwnPostsOnly) {
  auto wren = as("wren");
  auto draft = make_post(wren, "Draft for me", "company", "draft");
  auto review = make_post(wren, "Please review", "company", "submit");
  auto mine = wren.get("/api/v1/me/posts?limit=100").json()["items"];
  std::map<long long, std::string> states;
  for (const auto& p : mine) {
    EXPECT_EQ(p["author"]["username"], "wren");
    states[p["id"].get<long long>()] = p["state"].get<std::string>();
  }
  EXPECT_EQ(states[draft["id"].get<long long>()], "draft");
  EXPECT_EQ(states[review["id"].get<long long>()], "in_review");
}

}  // namespace
}  // namespace greenroom::test
