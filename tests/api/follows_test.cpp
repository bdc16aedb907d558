// Follows (people, topics, blogs), the Following feed, profiles, topic pages, the people
// lookup and everyday notifications (replies, grouped likes, new followers, new articles) with
// their per-person switches.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class FollowsTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("fay", "member");
    server().add_user("gus", "member");
    server().add_user("hal", "member");
    server().add_user("ivy", "member");
    server().add_user("otto_off", "member");
  }
  static std::string user_path(const std::string& who, const std::string& suffix = "") {
    return "/api/v1/users/" + std::to_string(as(who).id()) + suffix;
  }
  static std::vector<nlohmann::json> notices(const Client& c, const std::string& kind) {
    std::vector<nlohmann::json> out;
    const auto page = c.get("/api/v1/notifications?limit=100").json();
    for (const auto& n : page["items"])
      if (n["kind"] == kind) out.push_back(n);
    return out;
  }
  static std::vector<std::int64_t> ids(const nlohmann::json& page) {
    std::vector<std::int64_t> out;
    for (const auto& p : page["items"]) out.push_back(p["id"].get<std::int64_t>());
    return out;
  }
  static std::int64_t id_of(const nlohmann::json& post) { return post["id"].get<std::int64_t>(); }
};

TEST_F(FollowsTest, FollowingAPersonIsIdempotentAndNotifiesThemOnce) {
  auto r = as("fay").put(user_path("gus", "/follow"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["following"], true);
  EXPECT_EQ(r.json()["followers"], 1);
  r = as("fay").put(user_path("gus", "/follow"));  // again: no change, no second notice
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["followers"], 1);
  auto told = notices(as("gus"), "new_follower");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0]["message"].get<std::string>().find("follows you"), std::string::npos);
  auto profile = as("fay").get("/api/v1/users/gus").json();
  EXPECT_EQ(profile["followed_by_me"], true);
  EXPECT_EQ(profile["followers"], 1);
  auto mine = as("fay").get("/api/v1/me/following").json();
  ASSERT_EQ(mine["people"].size(), 1u);
  EXPECT_EQ(mine["people"][0]["username"], "gus");
  r = as("fay").del(user_path("gus", "/follow"));
  EXPECT_EQ(r.json()["following"], false);
  EXPECT_EQ(r.json()["followers"], 0);
  EXPECT_EQ(as("fay").del(user_path("gus", "/follow")).status, 200);  // idempotent
}

TEST_F(FollowsTest, BadTargetsAreRefusedAndChangeNothing) {
  EXPECT_EQ(as("fay").put(user_path("fay", "/follow")).error_code(), "self_follow");
  EXPECT_EQ(as("fay").put("/api/v1/users/999999/follow").status, 404);
  EXPECT_EQ(as("fay").put("/api/v1/blogs/999999/follow").status, 404);
  EXPECT_EQ(as("fay").put("/api/v1/topics/9lives/follow").error_code(), "bad_topic");
  EXPECT_EQ(Client(port()).put(user_path("gus", "/follow")).status, 401);
  auto mine = as("fay").get("/api/v1/me/following").json();
  EXPECT_TRUE(mine["topics"].empty());
  EXPECT_EQ(as("fay").get("/api/v1/users/nobody_here").status, 404);
}

TEST_F(FollowsTest, FollowingFeedMergesPeopleTopicsAndBlogsNewestFirst) {
  // hal follows ivy (a person), #roadmap (a topic) and rui's blog.
  auto blog = as("ada").post("/api/v1/blogs", {{"host_id", as("rui").id()},
                                               {"title", "Rui's notes"},
                                               {"description", ""},
                                               {"promise_days", 7}});
  ASSERT_EQ(blog.status, 201) << blog.body;
  const auto blog_id = blog.json()["blog"]["id"].get<std::int64_t>();
  ASSERT_EQ(as("hal").put(user_path("ivy", "/follow")).status, 200);
  ASSERT_EQ(as("hal").put("/api/v1/topics/Roadmap/follow").status, 200);  // case folded
  ASSERT_EQ(as("hal").put("/api/v1/blogs/" + std::to_string(blog_id) + "/follow").status, 200);
  auto a = make_post(as("ivy"), "Ivy's update for the follow feed");
  auto b = make_post(as("mia"), "Our #roadmap for spring (follow feed)");
  auto unrelated = make_post(as("mia"), "Nothing followed here");
  auto article = as("rui").post("/api/v1/blogs/" + std::to_string(blog_id) + "/articles",
                                {{"body", "# An article for the follow feed"}});
  ASSERT_EQ(article.status, 201) << article.body;
  auto c = make_post(as("ivy"), "Ivy again, with #RoadMap too (only once in the feed)");
  auto feed = as("hal").get("/api/v1/feed/following?limit=10");
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(ids(feed.json()), (std::vector<std::int64_t>{id_of(c), id_of(article.json()["post"]),
                                                         id_of(b), id_of(a)}));
  // Paging: the same cursor as the main feed.
  auto first = as("hal").get("/api/v1/feed/following?limit=3").json();
  ASSERT_FALSE(first["next"].is_null());
  auto second =
      as("hal").get("/api/v1/feed/following?limit=3&before=" + first["next"].get<std::string>());
  EXPECT_EQ(ids(second.json()), (std::vector<std::int64_t>{id_of(a)}));
  EXPECT_TRUE(second.json()["next"].is_null());
  EXPECT_EQ(as("hal").get("/api/v1/feed/following?before=zzz").error_code(), "bad_cursor");
  // The blog's follower heard of the new article.
  EXPECT_EQ(notices(as("hal"), "new_article").size(), 1u);
  // Unfollowing the topic takes out b but keeps c (ivy is still followed).
  ASSERT_EQ(as("hal").del("/api/v1/topics/roadmap/follow").status, 200);
  EXPECT_EQ(ids(as("hal").get("/api/v1/feed/following?limit=10").json()),
            (std::vector<std::int64_t>{id_of(c), id_of(article.json()["post"]), id_of(a)}));
  (void)unrelated;
}

TEST_F(FollowsTest, FollowingFeedKeepsOutWhatTheRuleHides) {
  // mia follows rui (an executive): his company posts reach her, his practice posts never; a
  // hidden post leaves the feed.
  ASSERT_EQ(as("mia").put(user_path("rui", "/follow")).status, 200);
  ASSERT_EQ(as("wren").put(user_path("rui", "/follow")).status, 200);
  auto company = make_post(as("rui"), "Rui in the company space (rule check)");
  auto practice = make_post(as("rui"), "Rui practising (rule check)", "practice");
  auto hidden = make_post(as("rui"), "Rui, soon hidden (rule check)");
  auto r = as("mo").post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                        {"target_id", id_of(hidden)},
                                                        {"action", "hide"},
                                                        {"reason", "test"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto mia = ids(as("mia").get("/api/v1/feed/following?limit=100").json());
  EXPECT_NE(std::find(mia.begin(), mia.end(), id_of(company)), mia.end());
  EXPECT_EQ(std::find(mia.begin(), mia.end(), id_of(practice)), mia.end());
  EXPECT_EQ(std::find(mia.begin(), mia.end(), id_of(hidden)), mia.end());
  // wren shares a coach with rui: she reads his practice post too.
  auto wren = ids(as("wren").get("/api/v1/feed/following?limit=100").json());
  EXPECT_NE(std::find(wren.begin(), wren.end(), id_of(practice)), wren.end());
  EXPECT_EQ(std::find(wren.begin(), wren.end(), id_of(hidden)), wren.end());
}

TEST_F(FollowsTest, ProfileShowsVisiblePostsAndTheLevelOnlyToCoaches) {
  auto company = make_post(as("wren"), "Wren's company post for her profile", "company", "draft");
  auto practice = make_post(as("wren"), "Wren's practice post for her profile", "practice");
  auto profile = as("mia").get("/api/v1/users/wren");
  ASSERT_EQ(profile.status, 200) << profile.body;
  auto j = profile.json();
  EXPECT_EQ(j["user"]["role"], "executive");
  EXPECT_FALSE(j["user"].contains("training_level"));  // not her coach
  const auto member_posts = ids(j["posts"]);
  EXPECT_EQ(std::find(member_posts.begin(), member_posts.end(), id_of(practice)),
            member_posts.end());
  for (const auto& p : j["posts"]["items"]) EXPECT_EQ(p["state"], "published");
  auto coach = as("cora").get("/api/v1/users/wren").json();
  EXPECT_EQ(coach["user"]["training_level"], "walk");
  auto coach_posts = ids(coach["posts"]);
  EXPECT_NE(std::find(coach_posts.begin(), coach_posts.end(), id_of(practice)), coach_posts.end());
  EXPECT_EQ(std::find(coach_posts.begin(), coach_posts.end(), id_of(company)), coach_posts.end());
  EXPECT_EQ(as("wren").get("/api/v1/users/wren").json()["user"]["training_level"], "walk");
  EXPECT_EQ(as("cole").get("/api/v1/users/wren").json()["user"].contains("training_level"), false);
  // The paged posts route agrees with the profile's first page.
  EXPECT_EQ(ids(as("cora").get("/api/v1/users/wren/posts?limit=50").json()), coach_posts);
}

TEST_F(FollowsTest, TopicPageListsVisiblePostsOfTheTopic) {
  auto a = make_post(as("mia"), "First on #offsite planning");
  auto practice = make_post(as("rui"), "Practising an #offsite note", "practice");
  auto reply_only = make_post(as("mia"), "No topic in the post itself");
  ASSERT_EQ(
      as("max").post(path_of(reply_only, "/replies"), {{"body", "a reply on #offsite"}}).status,
      201);
  auto page = as("max").get("/api/v1/topics/offsite/posts");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(ids(page.json()), (std::vector<std::int64_t>{id_of(a)}));
  EXPECT_EQ(page.json()["topic"]["tag"], "offsite");
  EXPECT_EQ(ids(as("cora").get("/api/v1/topics/OFFSITE/posts").json()),
            (std::vector<std::int64_t>{id_of(practice), id_of(a)}));
  EXPECT_EQ(as("max").get("/api/v1/topics/-x/posts").error_code(), "bad_topic");
}

TEST_F(FollowsTest, RepliesAndGroupedLikesNotifyTheAuthor) {
  auto post = make_post(as("gus"), "Gus asks for likes (grouped)");
  ASSERT_EQ(as("fay").post(path_of(post, "/replies"), {{"body", "Nice one"}}).status, 201);
  auto replies = notices(as("gus"), "reply");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies[0]["message"].get<std::string>().find("replied to your post"),
            std::string::npos);
  for (auto who : {"fay", "hal", "ivy", "mia"})
    ASSERT_EQ(as(who).put(path_of(post, "/like")).status, 200);
  as("gus").put(path_of(post, "/like"));  // the author's own like tells nobody
  auto likes = notices(as("gus"), "like");
  ASSERT_EQ(likes.size(), 1u) << "one notice per post while unread";
  EXPECT_EQ(likes[0]["message"].get<std::string>().rfind("User mia", 0), 0u) << likes[0]["message"];
  EXPECT_NE(likes[0]["message"].get<std::string>().find("and 3 others liked your post"),
            std::string::npos)
      << likes[0]["message"];
  // Once read, the next like starts a new notice.
  ASSERT_EQ(as("gus").post("/api/v1/notifications/read", {{"all", true}}).status, 200);
  ASSERT_EQ(as("max").put(path_of(post, "/like")).status, 200);
  likes = notices(as("gus"), "like");
  ASSERT_EQ(likes.size(), 2u);
  EXPECT_NE(likes[0]["message"].get<std::string>().find(" liked your post"), std::string::npos);
  EXPECT_EQ(likes[0]["message"].get<std::string>().find("others"), std::string::npos);
}

TEST_F(FollowsTest, EachEverydayKindCanBeTurnedOff) {
  auto r = as("otto_off").get("/api/v1/me/notification-settings");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["settings"]["like"], true);
  r = as("otto_off").put("/api/v1/me/notification-settings", {{"like", false}, {"reply", false}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["settings"]["like"], false);
  EXPECT_EQ(r.json()["settings"]["mention"], true);
  EXPECT_EQ(
      as("otto_off").put("/api/v1/me/notification-settings", {{"verdict_given", false}}).status,
      400);
  EXPECT_EQ(as("otto_off").put("/api/v1/me/notification-settings", {{"like", "no"}}).status, 400);
  auto post = make_post(as("otto_off"), "Otto turned likes off");
  ASSERT_EQ(as("fay").put(path_of(post, "/like")).status, 200);
  ASSERT_EQ(as("fay").post(path_of(post, "/replies"), {{"body", "@otto_off hello"}}).status, 201);
  EXPECT_TRUE(notices(as("otto_off"), "like").empty());
  EXPECT_TRUE(notices(as("otto_off"), "reply").empty());
  EXPECT_EQ(notices(as("otto_off"), "mention").size(), 1u);  // still on
  r = as("otto_off").put("/api/v1/me/notification-settings", {{"like", true}});
  EXPECT_EQ(r.json()["settings"]["like"], true);
  ASSERT_EQ(as("gus").put(path_of(post, "/like")).status, 200);
  EXPECT_EQ(notices(as("otto_off"), "like").size(), 1u);
}

TEST_F(FollowsTest, PeopleLookupFindsByPrefixAndSaysWhoCanSeeAPracticePost) {
  auto r = as("rui").get("/api/v1/people?prefix=w&space=practice");
  ASSERT_EQ(r.status, 200) << r.body;
  bool saw_wren = false;
  const auto found = r.json();
  for (const auto& u : found["items"])
    if (u["username"] == "wren") {
      saw_wren = true;
      EXPECT_EQ(u["can_see"], true);  // rui and wren share cora
    }
  EXPECT_TRUE(saw_wren);
  r = as("rui").get("/api/v1/people?prefix=mi&space=practice");
  ASSERT_EQ(r.json()["items"].size(), 1u) << r.body;
  EXPECT_EQ(r.json()["items"][0]["username"], "mia");
  EXPECT_EQ(r.json()["items"][0]["can_see"], false);  // a member reads no practice post
  EXPECT_FALSE(r.json()["items"][0].contains("training_level"));
  EXPECT_EQ(as("rui").get("/api/v1/people?prefix=").status, 400);
  EXPECT_EQ(as("rui").get("/api/v1/people?prefix=%25").json()["items"].size(), 0u);
}

TEST_F(FollowsTest, AnApprovedHeldReplyIsAnnouncedLikeAnyPublicReply) {
  // evan (Crawl) replies in the company space: held for cora; nobody hears of it yet.
  auto post = make_post(as("ivy"), "Ivy asks the leaders (held reply)");
  auto r = as("evan").post(path_of(post, "/replies"), {{"body", "Good question @hal (held)"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto reply = r.json()["reply"];
  ASSERT_EQ(reply["review_state"], "in_review");
  EXPECT_TRUE(notices(as("ivy"), "reply").empty());
  EXPECT_TRUE(notices(as("hal"), "mention").empty());
  r = as("cora").post(
      "/api/v1/replies/" + std::to_string(reply["id"].get<long long>()) + "/reviews",
      {{"verdict", "approve"},
       {"version", 1},
       {"rubric", {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(notices(as("ivy"), "reply").size(), 1u);
  EXPECT_EQ(notices(as("hal"), "mention").size(), 1u);
}

TEST_F(FollowsTest, ACorrectedPostMovesToItsNewTopics) {
  auto post = make_post(as("rui"), "Results on Friday #oldtopic");
  ASSERT_EQ(ids(as("mia").get("/api/v1/topics/oldtopic/posts").json()),
            (std::vector<std::int64_t>{id_of(post)}));
  auto r = as("rui").post(path_of(post, "/correction"), {{"body", "Results on Monday #newtopic"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(ids(as("mia").get("/api/v1/topics/oldtopic/posts").json()).empty());
  EXPECT_EQ(ids(as("mia").get("/api/v1/topics/newtopic/posts").json()),
            (std::vector<std::int64_t>{id_of(post)}));
}

}  // namespace
}  // namespace greenroom::test
