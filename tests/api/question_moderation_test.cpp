// Blog questions, second part, over HTTP: reports and moderation actions on questions (the
// queue never names an anonymous asker; hidden and removed questions leave lists, stats,
// votes and notifications), cursor paging of every sort, and the temperature view.
#include <set>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class QuestionModerationTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("quinn_anon", "member");
    server().add_user("pia_pager", "executive", "run", "cora");
    server().add_user("tess_temp", "executive", "run", "cora");
  }
  static std::int64_t make_blog(const std::string& host) {
    auto r =
        as("ada").post("/api/v1/blogs",
                       {{"host_id", as(host).id()}, {"title", "Ask " + host}, {"promise_days", 7}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["blog"]["id"].get<std::int64_t>();
  }
  static std::int64_t blog() {
    static const std::int64_t id = make_blog("rui");
    return id;
  }
  static std::string blog_path(std::int64_t id, const std::string& suffix = "") {
    return "/api/v1/blogs/" + std::to_string(id) + suffix;
  }
  static nlohmann::json ask(const std::string& who, const std::string& body, bool anonymous,
                            std::int64_t blog_id, const std::string& topic = "") {
    nlohmann::json req = {{"body", body}, {"anonymous", anonymous}};
    if (!topic.empty()) req["topic"] = topic;
    auto r = as(who).post(blog_path(blog_id, "/questions"), req);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["question"];
  }
  static std::string qpath(const nlohmann::json& q, const std::string& suffix = "") {
    return "/api/v1/questions/" + std::to_string(q["id"].get<long long>()) + suffix;
  }
  static nlohmann::json report(const nlohmann::json& q) {
    return {{"target_type", "question"}, {"target_id", q["id"]}, {"reason", "harassment"}};
  }
  static HttpResponse act(const std::string& who, const nlohmann::json& q,
                          const std::string& action) {
    return as(who).post("/api/v1/moderation/actions", {{"target_type", "question"},
                                                       {"target_id", q["id"]},
                                                       {"action", action},
                                                       {"reason", "Names a colleague."}});
  }
  static bool listed(const std::string& who, const nlohmann::json& q, std::int64_t blog_id) {
    auto items =
        as(who).get(blog_path(blog_id, "/questions?sort=newest&limit=200")).json()["items"];
    for (const auto& i : items)
      if (i["id"] == q["id"]) return true;
    return false;
  }
};

TEST_F(QuestionModerationTest, AReportedAnonymousQuestionReachesTheQueueWithoutItsAsker) {
  auto q = ask("quinn_anon", "Why is the Leeds team always ignored?", true, blog());
  auto r = as("mia").post("/api/v1/reports", report(q));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["report"]["target_type"], "question");
  // Reporting again updates the same report.
  EXPECT_EQ(as("mia").post("/api/v1/reports", report(q)).status, 200);
  auto queue = as("mo").get("/api/v1/moderation/queue?limit=100");
  ASSERT_EQ(queue.status, 200) << queue.body;
  nlohmann::json entry;
  const auto cases = queue.json();
  for (const auto& k : cases["items"])
    if (k["target_type"] == "question" && k["target_id"] == q["id"]) entry = k;
  ASSERT_FALSE(entry.is_null()) << queue.body;
  EXPECT_EQ(entry["report_count"], 1);
  EXPECT_TRUE(entry["item"]["asker"].is_null());
  EXPECT_EQ(entry["item"]["body"], "Why is the Leeds team always ignored?");
  EXPECT_TRUE(entry["post"].is_null());
  EXPECT_EQ(entry["blog"]["id"], blog());
  // Nothing in the queue or the moderators' notices names the anonymous asker.
  const auto quinn = as("quinn_anon").id();
  for (auto text : {queue.body, as("mo").get("/api/v1/notifications").body}) {
    EXPECT_EQ(text.find("quinn_anon"), std::string::npos) << text;
    EXPECT_EQ(text.find("\"id\":" + std::to_string(quinn) + ",\"username\""), std::string::npos);
  }
  EXPECT_NE(as("mo").get("/api/v1/notifications").body.find("asked anonymously"),
            std::string::npos);
  // Only a question that is out can be reported; one nobody may see is 404.
  nlohmann::json missing = {
      {"target_type", "question"}, {"target_id", 999999}, {"reason", "other"}};
  EXPECT_EQ(as("mia").post("/api/v1/reports", missing).status, 404);
}

TEST_F(QuestionModerationTest, HideRemoveRestoreDismissAndNoLock) {
  auto q = ask("quinn_anon", "Is it true that Dave in payroll drinks at work?", true, blog());
  as("max").put(qpath(q, "/vote"));
  ASSERT_EQ(as("mia").post("/api/v1/reports", report(q)).status, 201);
  const auto before = as("max").get(blog_path(blog(), "/stats")).json()["questions"];

  auto lock = act("mo", q, "lock");
  EXPECT_EQ(lock.status, 422) << lock.body;
  EXPECT_EQ(lock.error_code(), "not_lockable");
  EXPECT_EQ(act("mo", q, "unlock").status, 422);
  EXPECT_EQ(act("mo", q, "restore").error_code(), "invalid_transition");
  EXPECT_EQ(act("mia", q, "hide").status, 403);

  auto hide = act("mo", q, "hide");
  ASSERT_EQ(hide.status, 201) << hide.body;
  // Gone for members and the host: page, list, stats, votes, search.
  EXPECT_EQ(as("max").get(qpath(q)).status, 404);
  EXPECT_EQ(as("rui").get(qpath(q)).status, 404);
  EXPECT_FALSE(listed("max", q, blog()));
  EXPECT_FALSE(listed("rui", q, blog()));
  EXPECT_EQ(as("max").get(blog_path(blog(), "/stats")).json()["questions"], before.get<int>() - 1);
  EXPECT_EQ(as("mia").put(qpath(q, "/vote")).status, 404);
  EXPECT_EQ(as("rui").post(qpath(q, "/answer"), {{"body", "No."}}).status, 404);
  // The asker and moderators still see it, hidden; the asker is told, the moderator unnamed.
  auto own = as("quinn_anon").get(qpath(q));
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["question"]["state"], "hidden");
  EXPECT_TRUE(listed("quinn_anon", q, blog()));
  EXPECT_EQ(as("mo").get(qpath(q)).json()["question"]["state"], "hidden");
  auto told = as("quinn_anon").get("/api/v1/notifications").json()["items"];
  bool heard = false;
  for (const auto& n : told)
    if (n["kind"] == "moderation_action") {
      heard = true;
      EXPECT_EQ(n["target"]["type"], "question");
      EXPECT_NE(n["message"].get<std::string>().find("Names a colleague."), std::string::npos);
    }
  EXPECT_TRUE(heard) << told.dump();
  // The reporter hears it was actioned.
  EXPECT_NE(as("mia").get("/api/v1/notifications").body.find("took action"), std::string::npos);
  EXPECT_EQ(act("mo", q, "hide").error_code(), "invalid_transition");

  // Restore brings it back as it was (open, with its vote).
  ASSERT_EQ(act("mo", q, "restore").status, 201);
  auto back = as("max").get(qpath(q));
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.json()["question"]["state"], "open");
  EXPECT_EQ(back.json()["question"]["vote_count"], 1);
  EXPECT_TRUE(listed("max", q, blog()));
  EXPECT_EQ(as("max").get(blog_path(blog(), "/stats")).json()["questions"], before);

  // Dismiss closes open reports only.
  EXPECT_EQ(act("mo", q, "dismiss").error_code(), "no_open_reports");
  ASSERT_EQ(as("max").post("/api/v1/reports", report(q)).status, 201);
  EXPECT_EQ(act("mo", q, "dismiss").status, 201);

  // Remove: gone for everyone but moderators and admins, the asker included.
  ASSERT_EQ(act("mo", q, "remove").status, 201);
  EXPECT_EQ(as("quinn_anon").get(qpath(q)).status, 404);
  EXPECT_FALSE(listed("quinn_anon", q, blog()));
  EXPECT_EQ(as("ada").get(qpath(q)).json()["question"]["state"], "removed");
  ASSERT_EQ(act("ada", q, "restore").status, 201);
  EXPECT_EQ(as("max").get(qpath(q)).status, 200);

  // Every step is audited.
  auto audit = as("ada").get("/api/v1/audit?target_type=question&target_id=" +
                             std::to_string(q["id"].get<long long>()));
  const auto text = audit.body;
  for (auto a :
       {"moderation_hide", "moderation_restore", "moderation_dismiss", "moderation_remove"})
    EXPECT_NE(text.find(a), std::string::npos) << a;
}

TEST_F(QuestionModerationTest, AnAnsweredQuestionRestoresAnsweredAndItsNoticesFollowIt) {
  auto q = ask("quinn_anon", "Will the canteen open on Saturdays?", false, blog());
  as("max").put(qpath(q, "/vote"));
  ASSERT_EQ(as("rui").post(qpath(q, "/answer"), {{"body", "From March."}}).status, 201);
  auto unread_before = as("max").get("/api/v1/notifications").json()["unread_count"].get<int>();
  ASSERT_EQ(act("mo", q, "hide").status, 201);
  // max's notice of the answer leaves his list and unread count with the question.
  auto notes = as("max").get("/api/v1/notifications").json();
  for (const auto& n : notes["items"])
    EXPECT_FALSE(n["target"].is_object() && n["target"]["type"] == "question" &&
                 n["target"]["id"] == q["id"])
        << n.dump();
  EXPECT_EQ(notes["unread_count"].get<int>(), unread_before - 1);
  EXPECT_EQ(as("max").get("/api/v1/search?q=canteen%20Saturdays").json()["items"].size(), 0u);
  ASSERT_EQ(act("mo", q, "restore").status, 201);
  EXPECT_EQ(as("max").get(qpath(q)).json()["question"]["state"], "answered");
  EXPECT_EQ(as("max").get("/api/v1/notifications").json()["unread_count"].get<int>(),
            unread_before);
  EXPECT_EQ(as("max").get("/api/v1/search?q=canteen%20Saturdays").json()["items"].size(), 1u);
}

TEST_F(QuestionModerationTest, EverySortPagesWithACursorWithoutGapsOrRepeats) {
  const auto id = make_blog("pia_pager");
  std::vector<nlohmann::json> qs;
  for (int i = 0; i < 9; ++i)
    qs.push_back(ask(i % 2 ? "mia" : "max", "Paging question number " + std::to_string(i) + "?",
                     i % 3 == 0, id));
  // Votes: ties on purpose (the composite cursor orders them by id).
  for (int i = 0; i < 9; ++i)
    for (auto who : {"cora", "cole", "wren"})
      if (i % 3 == 1 || (i % 3 == 2 && std::string(who) == "cora"))
        as(who).put(qpath(qs[i], "/vote"));
  as("pia_pager").post(qpath(qs[0], "/answer"), {{"body", "Done."}});
  as("pia_pager").post(qpath(qs[4], "/decline"), {{"reason", "Not for this blog."}});
  for (auto sort : {"votes", "newest", "unanswered"}) {
    auto whole = as("max").get(blog_path(id, std::string("/questions?limit=200&sort=") + sort));
    ASSERT_EQ(whole.status, 200) << whole.body;
    EXPECT_TRUE(whole.json()["next"].is_null());
    std::vector<nlohmann::json> pages;
    std::string path = blog_path(id, std::string("/questions?limit=2&sort=") + sort);
    std::string cursor;
    for (int page = 0; page < 10; ++page) {
      auto r = as("max").get(path + (cursor.empty() ? "" : "&before=" + cursor));
      ASSERT_EQ(r.status, 200) << r.body;
      const auto page_json = r.json();
      for (const auto& item : page_json["items"]) pages.push_back(item["id"]);
      if (r.json()["next"].is_null()) break;
      EXPECT_EQ(r.json()["items"].size(), 2u);
      cursor = r.json()["next"].get<std::string>();
    }
    std::vector<nlohmann::json> all;
    const auto whole_json = whole.json();
    for (const auto& item : whole_json["items"]) all.push_back(item["id"]);
    EXPECT_EQ(pages, all) << sort;
    EXPECT_EQ(all.size(), 9u);
  }
  auto votes = as("max").get(blog_path(id, "/questions?sort=votes&limit=200")).json()["items"];
  for (std::size_t i = 1; i < votes.size(); ++i) {
    const auto a = votes[i - 1]["vote_count"].get<int>(), b = votes[i]["vote_count"].get<int>();
    EXPECT_TRUE(a > b || (a == b && votes[i - 1]["id"] > votes[i]["id"]));
  }
  EXPECT_EQ(as("max").get(blog_path(id, "/questions?before=nonsense")).error_code(), "bad_cursor");
  EXPECT_EQ(as("max").get(blog_path(id, "/questions?limit=0")).status, 400);
}

TEST_F(QuestionModerationTest, TemperatureCountsQuestionsAndVotesPerTopicThisWeek) {
  const auto id = make_blog("tess_temp");
  auto a = ask("mia", "Why the new expense tool?", false, id, "Tools");
  auto b = ask("max", "Will the expense tool get a phone app?", true, id, "tools");
  auto c = ask("mia", "When is the offsite?", false, id, "Offsite");
  auto untagged = ask("max", "Anything else?", false, id);
  as("cora").put(qpath(a, "/vote"));
  as("cole").put(qpath(a, "/vote"));
  as("mia").put(qpath(b, "/vote"));
  as("max").put(qpath(c, "/vote"));
  ASSERT_EQ(act("mo", c, "hide").status, 201);  // a hidden question and its votes never count
  auto r = as("wren").get(blog_path(id, "/temperature?weeks=3"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto t = r.json();
  EXPECT_EQ(t["weeks"], 3);
  ASSERT_EQ(t["week_starts"].size(), 3u);
  ASSERT_EQ(t["topics"].size(), 2u) << t.dump();
  EXPECT_EQ(t["topics"][0]["topic"], "tools");
  EXPECT_EQ(t["topics"][0]["questions"], nlohmann::json({0, 0, 2}));
  EXPECT_EQ(t["topics"][0]["votes"], nlohmann::json({0, 0, 3}));
  EXPECT_TRUE(t["topics"][1]["topic"].is_null());
  EXPECT_EQ(t["topics"][1]["total_questions"], 1);
  EXPECT_EQ(t.dump().find("max"), std::string::npos);
  EXPECT_EQ(as("wren").get(blog_path(id, "/temperature?weeks=0")).status, 400);
  EXPECT_EQ(as("wren").get(blog_path(id, "/temperature?weeks=x")).status, 400);
  EXPECT_EQ(as("wren").get(blog_path(999999, "/temperature")).status, 404);
  (void)untagged;
}

}  // namespace
}  // namespace greenroom::test
