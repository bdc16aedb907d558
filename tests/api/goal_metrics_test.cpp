// Goal metrics of the social features: people followed, feeds followed, reading days and
// mentions answered, each counted from real follows, subscriptions, reading-view visits and
// replies made through the API; a goal turns `done` by itself when its count meets the target.
#include <sqlite3.h>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class GoalMetricsTest : public ApiTest {
 protected:
  // A coach's goal for `exec` measured by `metric`; returns its id.
  static long long set_goal(const Client& exec, const std::string& metric, int target,
                            int due_days = 10, int count_at_start = 0) {
    auto r = as("cora").post("/api/v1/goals", {{"executive_id", exec.id()},
                                               {"title", "Goal on " + metric},
                                               {"metric", metric},
                                               {"target", target},
                                               {"term", "short"},
                                               {"due_at", in_days(due_days)}});
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["goal"]["metric"], metric);
    EXPECT_EQ(r.json()["goal"]["count"], count_at_start);
    return r.json()["goal"]["id"].get<long long>();
  }
  // The goal as its executive reads it.
  static nlohmann::json goal(const Client& exec, long long id) {
    auto items = exec.get("/api/v1/goals").json()["items"];
    for (const auto& g : items)
      if (g["id"] == id) return g;
    ADD_FAILURE() << "goal " << id << " not listed";
    return nlohmann::json::object();
  }
  static std::string follow_path(const Client& who) {
    return "/api/v1/users/" + std::to_string(who.id()) + "/follow";
  }
  static void moderate(const std::string& type, long long id, const std::string& action) {
    auto r = as("mo").post("/api/v1/moderation/actions", {{"target_type", type},
                                                          {"target_id", id},
                                                          {"action", action},
                                                          {"reason", "goal metric test"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_F(GoalMetricsTest, PeopleFollowedCountsWhoIsFollowedWhenTheGoalIsRead) {
  server().add_user("pia", "executive", "run", "cora");
  auto pia = as("pia");
  // A follow from before the goal counts too: the count is of the people followed now.
  ASSERT_EQ(pia.put(follow_path(as("mia"))).status, 200);
  const auto id = set_goal(pia, "people_followed", 3, 10, 1);
  auto g = goal(pia, id);
  EXPECT_EQ(g["count"], 1);
  EXPECT_EQ(g["progress"], 1);
  EXPECT_EQ(g["status"], "on_track");
  ASSERT_EQ(pia.put(follow_path(as("max"))).status, 200);
  ASSERT_EQ(pia.put(follow_path(as("max"))).status, 200);  // idempotent: still one follow
  // Following a topic or a blog is not following a person.
  ASSERT_EQ(pia.put("/api/v1/topics/okrs/follow").status, 200);
  EXPECT_EQ(goal(pia, id)["count"], 2);
  ASSERT_EQ(pia.put(follow_path(as("rui"))).status, 200);
  g = goal(pia, id);
  EXPECT_EQ(g["count"], 3);
  EXPECT_EQ(g["status"], "done");  // turns done by itself
  // The coach reads the same goal.
  auto coach_view =
      as("cora").get("/api/v1/goals?executive_id=" + std::to_string(pia.id())).json()["items"];
  ASSERT_EQ(coach_view.size(), 1u);
  EXPECT_EQ(coach_view[0]["status"], "done");
  // An unfollow counts down again, and a disabled account is not counted.
  ASSERT_EQ(pia.del(follow_path(as("max"))).status, 200);
  EXPECT_EQ(goal(pia, id)["count"], 2);
  EXPECT_EQ(goal(pia, id)["status"], "on_track");
  server().add_user("gone", "member");
  auto gone = as("gone");
  ASSERT_EQ(pia.put(follow_path(gone)).status, 200);
  EXPECT_EQ(goal(pia, id)["count"], 3);
  auto off = as("ada").send("PATCH", "/api/v1/users/" + std::to_string(gone.id()),
                            nlohmann::json{{"disabled", true}}.dump(),
                            {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(goal(pia, id)["count"], 2);
}

TEST_F(GoalMetricsTest, FeedsFollowedCountsReadingListSubscriptions) {
  server().add_user("fay", "executive", "walk", "cora");
  auto fay = as("fay");
  ASSERT_EQ(as("ada").put("/api/v1/admin/feed-hosts/feeds.example.org").status, 200);
  const auto id = set_goal(fay, "feeds_followed", 2);
  auto sub = [&](const std::string& path) {
    return fay.post("/api/v1/reading/feeds", {{"url", "https://feeds.example.org" + path}});
  };
  auto first = sub("/ceo.xml");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(goal(fay, id)["count"], 1);
  EXPECT_EQ(sub("/ceo.xml").status, 409);  // already subscribed: no second count
  // A refused subscription (host not allowed) does not count.
  EXPECT_EQ(fay.post("/api/v1/reading/feeds", {{"url", "https://elsewhere.example/x.xml"}}).status,
            422);
  EXPECT_EQ(goal(fay, id)["count"], 1);
  // Someone else's subscription is theirs.
  ASSERT_EQ(as("mia")
                .post("/api/v1/reading/feeds", {{"url", "https://feeds.example.org/mia.xml"}})
                .status,
            201);
  EXPECT_EQ(goal(fay, id)["count"], 1);
  ASSERT_EQ(sub("/industry.xml").status, 201);
  auto g = goal(fay, id);
  EXPECT_EQ(g["count"], 2);
  EXPECT_EQ(g["status"], "done");
  // Unsubscribing counts down (counted at the time of reading).
  const auto feed_id = first.json()["feed"]["id"].get<long long>();
  ASSERT_EQ(fay.del("/api/v1/reading/feeds/" + std::to_string(feed_id)).status, 200);
  EXPECT_EQ(goal(fay, id)["count"], 1);
}

TEST_F(GoalMetricsTest, ReadingDaysCountsDaysTheReadingViewWasOpenedWithinTheGoal) {
  server().add_user("rex", "executive", "run", "cora");
  auto rex = as("rex");
  const auto id = set_goal(rex, "reading_days", 2, 5);
  EXPECT_EQ(goal(rex, id)["count"], 0);
  // Opening the reading view makes today a reading day, once however often it is opened.
  ASSERT_EQ(rex.get("/api/v1/reading").status, 200);
  ASSERT_EQ(rex.get("/api/v1/reading?unread=true").status, 200);
  auto g = goal(rex, id);
  EXPECT_EQ(g["count"], 1);
  EXPECT_EQ(g["status"], "on_track");
  // Other days, as the view would have recorded them: yesterday (before the goal) and the day
  // after the due date do not count; a day in between does.
  const auto day = [](int offset) {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                        std::chrono::hours(24 * offset));
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
    return std::string(buf);
  };
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((server().data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const auto plant = [&](const std::string& d) {
    const auto sql = "INSERT INTO reading_days(user_id, day) VALUES(" + std::to_string(rex.id()) +
                     ", '" + d + "')";
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << d;
  };
  plant(day(-1));
  plant(day(7));
  EXPECT_EQ(goal(rex, id)["count"], 1);
  plant(day(2));
  sqlite3_close(db);
  g = goal(rex, id);
  EXPECT_EQ(g["count"], 2);
  EXPECT_EQ(g["status"], "done");
  // Someone else's reading is theirs.
  ASSERT_EQ(as("max").get("/api/v1/reading").status, 200);
  EXPECT_EQ(goal(rex, id)["count"], 2);
}

TEST_F(GoalMetricsTest, MentionsAnsweredCountsMentionsTheExecutiveRepliedToAfterwards) {
  server().add_user("meg", "executive", "run", "cora");
  auto meg = as("meg"), mia = as("mia"), max = as("max");
  const auto id = set_goal(meg, "mentions_answered", 3);
  // 1. A post mentioning her, answered: counts once (two mentions in it, two replies of hers).
  auto asked = make_post(mia, "@meg could you share the plan? Thanks @MEG (goal one)");
  ASSERT_EQ(meg.post(path_of(asked, "/replies"), {{"body", "Sure, on Friday"}}).status, 201);
  ASSERT_EQ(meg.post(path_of(asked, "/replies"), {{"body", "Here it is"}}).status, 201);
  auto g = goal(meg, id);
  EXPECT_EQ(g["count"], 1);
  EXPECT_EQ(g["status"], "on_track");
  // Not counted: a mention left unanswered; her own mention of herself; a reply of hers that
  // came before the reply that mentions her; a mention of someone else she answered.
  make_post(max, "Welcome to @meg, our new CFO (goal unanswered)");
  auto own = make_post(meg, "Notes to @meg: follow up (goal own)");
  ASSERT_EQ(meg.post(path_of(own, "/replies"), {{"body", "Done"}}).status, 201);
  auto thread = make_post(max, "Who is coming to the town hall? (goal thread)");
  ASSERT_EQ(meg.post(path_of(thread, "/replies"), {{"body", "I am"}}).status, 201);
  ASSERT_EQ(mia.post(path_of(thread, "/replies"), {{"body", "@meg will you speak?"}}).status, 201);
  auto other = make_post(mia, "Thanks @max for the slides (goal other)");
  ASSERT_EQ(meg.post(path_of(other, "/replies"), {{"body", "Great slides"}}).status, 201);
  EXPECT_EQ(goal(meg, id)["count"], 1);
  // 2. She answers the reply that mentions her: counts.
  ASSERT_EQ(meg.post(path_of(thread, "/replies"), {{"body", "Yes, ten minutes"}}).status, 201);
  EXPECT_EQ(goal(meg, id)["count"], 2);
  // 3. A mention in a practice post of her cohort (wren shares her coach), answered: counts.
  auto practice = make_post(as("wren"), "@meg how do I phrase this? (goal practice)", "practice");
  ASSERT_EQ(meg.post(path_of(practice, "/replies"), {{"body", "Shorter"}}).status, 201);
  g = goal(meg, id);
  EXPECT_EQ(g["count"], 3);
  EXPECT_EQ(g["status"], "done");
  // A hidden mentioning item no longer counts (nor can she see it); restored, it counts again.
  moderate("post", asked["id"].get<long long>(), "hide");
  g = goal(meg, id);
  EXPECT_EQ(g["count"], 2);
  EXPECT_EQ(g["status"], "on_track");
  moderate("post", asked["id"].get<long long>(), "restore");
  EXPECT_EQ(goal(meg, id)["count"], 3);
  // Answers written before the goal was set do not count toward it.
  server().add_user("ned", "executive", "run", "cora");
  auto ned = as("ned");
  auto early = make_post(mia, "@ned what do you think? (goal early)");
  ASSERT_EQ(ned.post(path_of(early, "/replies"), {{"body", "Looks good"}}).status, 201);
  const auto ned_goal = set_goal(ned, "mentions_answered", 1);
  EXPECT_EQ(goal(ned, ned_goal)["count"], 0);
  ASSERT_EQ(ned.post(path_of(early, "/replies"), {{"body", "One more thought"}}).status, 201);
  EXPECT_EQ(goal(ned, ned_goal)["count"], 1);
  EXPECT_EQ(goal(ned, ned_goal)["status"], "done");
}

TEST_F(GoalMetricsTest, UnknownMetricsAreRefusedAndTheMessageListsTheNewOnes) {
  auto r = as("cora").post("/api/v1/goals", {{"executive_id", as("rui").id()},
                                             {"title", "Follow people"},
                                             {"metric", "follows"},
                                             {"target", 3},
                                             {"term", "short"},
                                             {"due_at", in_days(5)}});
  EXPECT_EQ(r.status, 400);
  for (auto m : {"people_followed", "feeds_followed", "reading_days", "mentions_answered"})
    EXPECT_NE(r.json()["error"]["message"].get<std::string>().find(m), std::string::npos) << m;
}

}  // namespace
}  // namespace greenroom::test
