// The coaching workflow against the real server: the whole review journey, who may do
// what (404 for outsiders), training levels, the golden rules, goals and notifications.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class CoachingTest : public ApiTest {
 protected:
  static std::set<long long> feed_ids(const Client& c, const std::string& space = "company") {
    std::set<long long> ids;
    const auto feed = c.get("/api/v1/feed?space=" + space + "&limit=100").json();
    for (const auto& p : feed["items"]) ids.insert(p["id"].get<long long>());
    return ids;
  }
  static nlohmann::json annotation_by_id(const Client& c, const nlohmann::json& post,
                                         long long id) {
    const auto list = c.get(path_of(post, "/annotations")).json();
    for (const auto& a : list["items"])
      if (a["id"] == id) return a;
    return nullptr;
  }
  static std::string path_of_annotation(const nlohmann::json& a, const std::string& suffix) {
    return "/api/v1/annotations/" + std::to_string(a["id"].get<long long>()) + suffix;
  }
  static long long unread(const Client& c) {
    return c.get("/api/v1/me").json()["unread_notifications"];
  }
  static nlohmann::json rubric() {
    return {{"clarity", 4}, {"tone", 3}, {"audience_fit", 4}, {"policy", 5}};
  }
};

// code point offset of `needle` in ASCII text
long long at(const std::string& text, const std::string& needle) {
  return static_cast<long long>(text.find(needle));
}

TEST_F(CoachingTest, TheWholeReviewJourneyFromCrawlDraftToTheCompanyFeed) {
  auto evan = as("evan"), cora = as("cora"), mia = as("mia");
  const std::string v1 =
      "Our team crushed the competition this quarter. Thanks to everyone who worked late "
      "nights, and to our partners for their patience.";
  // Draft, lint, submit.
  auto post = make_post(evan, v1, "company", "draft");
  EXPECT_EQ(post["state"], "draft");
  auto lint = evan.post("/api/v1/lint", {{"body", v1}});
  ASSERT_EQ(lint.status, 200);
  EXPECT_EQ(lint.json()["findings"].size(), 0u) << lint.body;
  const auto cora_unread = unread(cora);
  auto submitted = evan.post(path_of(post, "/submit"), nullptr);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["post"]["state"], "in_review");
  EXPECT_EQ(unread(cora), cora_unread + 1);
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));

  // The coach finds it in the queue, oldest first, with its age.
  auto queue = cora.get("/api/v1/reviews/queue").json()["items"];
  bool queued = false;
  for (const auto& item : queue)
    if (item["post"]["id"] == post["id"]) {
      queued = true;
      EXPECT_GE(item["waiting_seconds"].get<long long>(), 0);
    }
  EXPECT_TRUE(queued);

  // Annotate three phrases: one to survive an edit, one to be deleted, one with a suggestion.
  auto annotate = [&](const std::string& words, const std::string& category,
                      const std::string& comment, const std::string& suggestion = "") {
    nlohmann::json body = {{"start", at(v1, words)},
                           {"end", at(v1, words) + static_cast<long long>(words.size())},
                           {"quote", words},
                           {"category", category},
                           {"comment", comment}};
    if (!suggestion.empty()) body["suggestion"] = suggestion;
    auto r = cora.post(path_of(post, "/annotations"), body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["annotation"];
  };
  auto tone = annotate("crushed the competition", "tone", "Combative; talk about customers.");
  auto risk =
      annotate("worked late nights", "risk", "Reads as praising overwork.", "went the extra mile");
  auto patience = annotate("for their patience", "clarity", "Vague: patience with what?");
  EXPECT_EQ(tone["anchor"]["exact"], "crushed the competition");
  EXPECT_EQ(tone["anchor"]["start"], at(v1, "crushed"));
  EXPECT_EQ(tone["orphaned"], false);

  // Request changes with the rubric; still nowhere in the feed.
  auto verdict = cora.post(path_of(post, "/reviews"), {{"verdict", "changes_requested"},
                                                       {"comment", "Close!"},
                                                       {"rubric", rubric()},
                                                       {"version", 1}});
  ASSERT_EQ(verdict.status, 201) << verdict.body;
  EXPECT_EQ(verdict.json()["post"]["state"], "changes_requested");
  EXPECT_EQ(verdict.json()["review"]["rubric"]["tone"], 3);
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));

  // The executive revises: words inserted before the first phrase, the last phrase deleted.
  const std::string v2 =
      "This quarter, as a team, our team crushed the competition this quarter. Thanks to everyone "
      "who worked late nights, and to our partners.";
  auto edited = evan.send("PATCH", path_of(post), nlohmann::json{{"body", v2}}.dump(), {});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["post"]["version"], 2);
  auto tone2 = annotation_by_id(evan, post, tone["id"]);
  EXPECT_EQ(tone2["anchor"]["exact"], "crushed the competition");
  EXPECT_EQ(tone2["anchor"]["start"], at(v2, "crushed the competition"));
  EXPECT_EQ(tone2["orphaned"], false);
  EXPECT_EQ(annotation_by_id(evan, post, patience["id"])["orphaned"], true);

  // Reply to an annotation (the coach is told), resolve it, apply a suggestion in one action.
  const auto cora_before_reply = unread(cora);
  auto reply = evan.post(path_of_annotation(tone, "/replies"), {{"body", "Fair, rewording."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(unread(cora), cora_before_reply + 1);
  EXPECT_EQ(
      evan.post(path_of_annotation(tone, "/resolve"), nullptr).json()["annotation"]["resolved"],
      true);
  auto applied = evan.post(path_of_annotation(risk, "/apply"), nullptr);
  ASSERT_EQ(applied.status, 200) << applied.body;
  const std::string v3 = applied.json()["post"]["body"];
  EXPECT_NE(v3.find("who went the extra mile, and"), std::string::npos) << v3;
  EXPECT_EQ(v3.find("late nights"), std::string::npos);
  EXPECT_EQ(applied.json()["post"]["version"], 3);
  EXPECT_EQ(applied.json()["annotation"]["applied"], true);
  EXPECT_EQ(applied.json()["annotation"]["anchor"]["exact"], "went the extra mile");
  EXPECT_EQ(evan.post(path_of_annotation(risk, "/apply"), nullptr).status, 409);  // once only
  // The tone annotation still sits on its words after the suggestion changed text after it.
  EXPECT_EQ(annotation_by_id(cora, post, tone["id"])["anchor"]["start"],
            at(v3, "crushed the competition"));

  // Resubmit; the coach approves; the leader publishes; only now is it in the company feed.
  ASSERT_EQ(evan.post(path_of(post, "/submit"), nullptr).status, 200);
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  auto approve = cora.post(path_of(post, "/reviews"),
                           {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 3}});
  ASSERT_EQ(approve.status, 201) << approve.body;
  EXPECT_EQ(approve.json()["post"]["state"], "approved");
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  ASSERT_EQ(evan.post(path_of(post, "/publish"), nullptr).status, 200);
  EXPECT_TRUE(feed_ids(mia).count(post["id"]));
  EXPECT_EQ(mia.get(path_of(post)).json()["post"]["body"], v3);

  // The edit history keeps every version and the annotations made on each.
  auto history = evan.get(path_of(post, "/versions")).json()["items"];
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0]["body"], v1);
  EXPECT_EQ(history[1]["body"], v2);
  EXPECT_EQ(history[0]["annotations"].size(), 3u);
  auto reviews = cora.get(path_of(post, "/reviews")).json()["items"];
  ASSERT_EQ(reviews.size(), 2u);
  EXPECT_EQ(reviews[0]["verdict"], "changes_requested");
  EXPECT_EQ(reviews[1]["verdict"], "approve");
  // Annotations stay private coaching notes even after publication.
  EXPECT_EQ(mia.get(path_of(post, "/annotations")).status, 404);
}

TEST_F(CoachingTest, OutsidersCannotSeeOrActOnADraftOrItsCoaching) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "Private rehearsal text for my coach", "company", "submit");
  auto a = cora.post(path_of(post, "/annotations"),
                     {{"start", 0}, {"end", 7}, {"category", "clarity"}, {"comment", "Say more"}});
  ASSERT_EQ(a.status, 201) << a.body;
  const auto ann =
      "/api/v1/annotations/" + std::to_string(a.json()["annotation"]["id"].get<long long>());
  for (auto outsider : {"cole", "mia", "wren", "xena", "mo", "ada"}) {
    auto c = as(outsider);
    EXPECT_EQ(c.get(path_of(post)).status, 404) << outsider;
    EXPECT_EQ(c.get(path_of(post, "/annotations")).status, 404) << outsider;
    EXPECT_EQ(c.get(path_of(post, "/versions")).status, 404) << outsider;
    EXPECT_EQ(c.get(path_of(post, "/reviews")).status, 404) << outsider;
    EXPECT_EQ(c.post(path_of(post, "/annotations"),
                     {{"start", 0}, {"end", 7}, {"category", "tone"}, {"comment", "x"}})
                  .status,
              404)
        << outsider;
    EXPECT_EQ(
        c.post(path_of(post, "/reviews"), {{"verdict", "approve"}, {"rubric", rubric()}}).status,
        404)
        << outsider;
    EXPECT_EQ(c.post(ann + "/replies", {{"body", "hi"}}).status, 404) << outsider;
    EXPECT_EQ(c.post(ann + "/resolve", nullptr).status, 404) << outsider;
    EXPECT_EQ(c.send("PATCH", path_of(post), R"({"body":"hijack"})", {}).status, 404) << outsider;
    EXPECT_EQ(c.post(path_of(post, "/withdraw"), nullptr).status, 404) << outsider;
  }
  // The author cannot approve or annotate their own post; the coach cannot edit it.
  auto own = evan.post(path_of(post, "/reviews"), {{"verdict", "approve"}, {"rubric", rubric()}});
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(evan.post(path_of(post, "/annotations"),
                      {{"start", 0}, {"end", 7}, {"category", "praise"}, {"comment", "me"}})
                .status,
            403);
  EXPECT_EQ(cora.send("PATCH", path_of(post), R"({"body":"coach rewrite"})", {}).status, 403);
  EXPECT_EQ(evan.get(path_of(post)).json()["post"]["state"], "in_review");
  EXPECT_EQ(as("mia").get("/api/v1/reviews/queue").status, 403);
  EXPECT_EQ(as("evan").get("/api/v1/cohort").status, 403);
}

TEST_F(CoachingTest, IllegalTransitionsAre409AndSayWhatIsAllowed) {
  auto evan = as("evan"), cora = as("cora");
  auto draft = make_post(evan, "A draft to push around", "company", "draft");
  auto approve = cora.post(path_of(draft, "/reviews"),
                           {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 1}});
  EXPECT_EQ(approve.status, 409);
  EXPECT_EQ(approve.error_code(), "illegal_transition");
  EXPECT_NE(approve.json()["error"]["message"].get<std::string>().find(
                "allowed now: edit, submit, publish"),
            std::string::npos)
      << approve.body;
  EXPECT_EQ(evan.post(path_of(draft, "/withdraw"), nullptr).status, 409);
  auto publish = evan.post(path_of(draft, "/publish"), nullptr);
  EXPECT_EQ(publish.status, 403);
  EXPECT_EQ(publish.error_code(), "review_required");
  ASSERT_EQ(evan.post(path_of(draft, "/submit"), nullptr).status, 200);
  EXPECT_EQ(evan.post(path_of(draft, "/submit"), nullptr).status, 409);
  auto edit = evan.send("PATCH", path_of(draft), R"({"body":"sneaky edit in review"})", {});
  EXPECT_EQ(edit.status, 409);
  EXPECT_EQ(edit.error_code(), "illegal_transition");
  ASSERT_EQ(evan.post(path_of(draft, "/withdraw"), nullptr).json()["post"]["state"], "draft");
  EXPECT_EQ(evan.get(path_of(draft)).json()["post"]["body"], "A draft to push around");
}

TEST_F(CoachingTest, SubmitAndPublishRefuseGoldenRuleErrorsWith422AndTheFindings) {
  auto evan = as("evan");
  const std::string body = "Call me on +44 20 7946 0958 about it";
  auto draft = make_post(evan, body, "company", "draft");
  auto r = evan.post(path_of(draft, "/submit"), nullptr);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.error_code(), "policy_violation");
  auto findings = r.json()["error"]["findings"];
  ASSERT_GE(findings.size(), 1u);
  EXPECT_EQ(findings[0]["rule"], "personal_data");
  EXPECT_EQ(findings[0]["start"], 11);
  EXPECT_EQ(findings[0]["end"], 27);
  EXPECT_EQ(evan.get(path_of(draft)).json()["post"]["state"], "draft");
  auto direct =
      as("rui").post("/api/v1/posts", {{"body", "Mail jo@example.com now"}, {"space", "company"}});
  EXPECT_EQ(direct.status, 422);
  auto lint = evan.post("/api/v1/lint", {{"body", "\xF0\x9F\x9A\x80 WOW!! see http://x.example"}});
  ASSERT_EQ(lint.status, 200);
  bool shout = false, link = false;
  const auto found = lint.json();
  for (const auto& f : found["findings"]) {
    if (f["rule"] == "shouting" && f["start"] == 5) shout = true;  // code points: the rocket is one
    if (f["rule"] == "insecure_links") link = true;
  }
  EXPECT_TRUE(shout) << lint.body;
  EXPECT_TRUE(link) << lint.body;
  EXPECT_EQ(evan.post("/api/v1/lint", {{"text", "x"}}).status, 400);
}

TEST_F(CoachingTest, AnnotationInputIsValidated) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "Short text", "company", "submit");
  auto bad = [&](nlohmann::json body) {
    return cora.post(path_of(post, "/annotations"), body).status;
  };
  EXPECT_EQ(bad({{"start", 0}, {"end", 99}, {"category", "tone"}, {"comment", "x"}}), 400);
  EXPECT_EQ(bad({{"start", 5}, {"end", 5}, {"category", "tone"}, {"comment", "x"}}), 400);
  EXPECT_EQ(bad({{"start", -1}, {"end", 2}, {"category", "tone"}, {"comment", "x"}}), 400);
  EXPECT_EQ(bad({{"start", 0}, {"end", 2}, {"category", "vibes"}, {"comment", "x"}}), 400);
  EXPECT_EQ(bad({{"start", 0}, {"end", 2}, {"category", "tone"}, {"comment", ""}}), 400);
  EXPECT_EQ(
      bad({{"start", 0}, {"end", 5}, {"quote", "Other"}, {"category", "tone"}, {"comment", "x"}}),
      409);
  EXPECT_EQ(cora.get(path_of(post, "/annotations")).json()["items"].size(), 0u);
  auto rubric_bad =
      cora.post(path_of(post, "/reviews"),
                {{"verdict", "approve"},
                 {"rubric", {{"clarity", 6}, {"tone", 3}, {"audience_fit", 3}, {"policy", 3}}}});
  EXPECT_EQ(rubric_bad.status, 400);
  EXPECT_EQ(
      cora.post(path_of(post, "/reviews"), {{"verdict", "maybe"}, {"rubric", rubric()}}).status,
      400);
  EXPECT_EQ(evan.get(path_of(post)).json()["post"]["state"], "in_review");
}

TEST_F(CoachingTest, TrainingLevelsAreSetByTheirCoachAndEnforced) {
  server().add_user("lev", "executive", "crawl", "cora");
  auto lev = as("lev");
  EXPECT_EQ(
      lev.post("/api/v1/posts", {{"body", "Practice run"}, {"space", "practice"}}).error_code(),
      "review_required");
  const auto id = std::to_string(lev.id());
  // Another coach may not learn that the id exists (404); the executive knows they do (403).
  EXPECT_EQ(as("cole").put("/api/v1/users/" + id + "/level", {{"level", "run"}}).status, 404);
  EXPECT_EQ(lev.put("/api/v1/users/" + id + "/level", {{"level", "run"}}).status, 403);
  EXPECT_EQ(as("cole").put("/api/v1/users/999999/level", {{"level", "run"}}).status, 404);
  EXPECT_EQ(as("cora").put("/api/v1/users/" + id + "/level", {{"level", "sprint"}}).status, 400);
  auto walk = as("cora").put("/api/v1/users/" + id + "/level", {{"level", "walk"}});
  ASSERT_EQ(walk.status, 200) << walk.body;
  EXPECT_EQ(walk.json()["user"]["training_level"], "walk");
  EXPECT_EQ(lev.post("/api/v1/posts", {{"body", "Practice run"}, {"space", "practice"}}).status,
            201);
  EXPECT_EQ(lev.post("/api/v1/posts", {{"body", "Company run"}, {"space", "company"}}).error_code(),
            "review_required");
  ASSERT_EQ(as("cora").put("/api/v1/users/" + id + "/level", {{"level", "run"}}).status, 200);
  EXPECT_EQ(lev.post("/api/v1/posts", {{"body", "Company run"}, {"space", "company"}}).status, 201);
}

TEST_F(CoachingTest, GoalsCountRealActivityAndAreForTheExecutiveAndTheirCoach) {
  server().add_user("gina", "executive", "run", "cora");
  auto gina = as("gina"), cora = as("cora");
  const auto due = in_days(20);
  nlohmann::json goal = {{"executive_id", gina.id()}, {"title", "Publish 2 posts in company"},
                         {"metric", "company_posts"}, {"target", 2},
                         {"term", "short"},           {"due_at", due}};
  EXPECT_EQ(as("cole").post("/api/v1/goals", goal).status, 404);  // not cole's executive
  EXPECT_EQ(gina.post("/api/v1/goals", goal).status, 403);        // executives set none
  auto bad = goal;
  bad["due_at"] = "2001-01-01T00:00:00Z";
  EXPECT_EQ(cora.post("/api/v1/goals", bad).status, 400);
  bad["due_at"] = "next friday";
  EXPECT_EQ(cora.post("/api/v1/goals", bad).status, 400);
  bad = goal;
  bad["metric"] = "vibes";
  EXPECT_EQ(cora.post("/api/v1/goals", bad).status, 400);
  auto created = cora.post("/api/v1/goals", goal);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["goal"]["progress"], 0);
  EXPECT_EQ(created.json()["goal"]["status"], "on_track");
  make_post(gina, "First company post for my goal");
  make_post(gina, "A practice post does not count", "practice");
  auto mine = gina.get("/api/v1/goals").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["progress"], 1);
  make_post(gina, "Second company post for my goal");
  auto coach_view =
      cora.get("/api/v1/goals?executive_id=" + std::to_string(gina.id())).json()["items"];
  EXPECT_EQ(coach_view[0]["progress"], 2);
  EXPECT_EQ(coach_view[0]["status"], "done");
  EXPECT_EQ(as("mia").get("/api/v1/goals?executive_id=" + std::to_string(gina.id())).status, 404);
  EXPECT_EQ(as("cole").get("/api/v1/goals?executive_id=" + std::to_string(gina.id())).status, 404);
  bool in_cohort = false;
  const auto cohort = cora.get("/api/v1/cohort").json();
  for (const auto& e : cohort["items"])
    if (e["user"]["username"] == "gina") in_cohort = e["goals"].size() == 1;
  EXPECT_TRUE(in_cohort);
  const auto goal_path =
      "/api/v1/goals/" + std::to_string(created.json()["goal"]["id"].get<long long>());
  EXPECT_EQ(gina.del(goal_path).status, 403);
  EXPECT_EQ(cora.del(goal_path).status, 200);
  EXPECT_EQ(gina.get("/api/v1/goals").json()["items"].size(), 0u);
}

TEST_F(CoachingTest, NotificationsAreListedAndMarkedRead) {
  auto evan = as("evan"), cora = as("cora");
  cora.post("/api/v1/notifications/read", {{"all", true}});
  make_post(evan, "Notify my coach please", "company", "submit");
  auto list = cora.get("/api/v1/notifications?unread=true").json();
  ASSERT_GE(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["kind"], "submission_waiting");
  EXPECT_EQ(list["unread_count"], list["items"].size());
  auto first = list["items"][0]["id"].get<long long>();
  auto after = cora.post("/api/v1/notifications/read", {{"ids", {first}}});
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.json()["unread_count"], list["unread_count"].get<long long>() - 1);
  EXPECT_EQ(cora.post("/api/v1/notifications/read", nlohmann::json::object()).status, 400);
  // Someone else's notification ids change nothing.
  as("mia").post("/api/v1/notifications/read", {{"ids", {first + 1, first + 2}}});
  EXPECT_EQ(cora.post("/api/v1/notifications/read", {{"all", true}}).json()["unread_count"], 0);
}

TEST(GoalReminders, AGoalDueWithin48HoursIsAnnouncedOnce) {
  TestServer server(ServerOptions{true, {{"reminders", {{"interval_seconds", 1}}}}});
  server.add_user("coach1", "coach");
  server.add_user("exec1", "executive", "run", "coach1");
  Client coach(server.port(), "coach1"), exec(server.port(), "exec1");
  auto soon = std::chrono::system_clock::now() + std::chrono::hours(5);
  auto t = std::chrono::system_clock::to_time_t(soon);
  char due[32];
  std::strftime(due, sizeof due, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  ASSERT_EQ(coach
                .post("/api/v1/goals", {{"executive_id", exec.id()},
                                        {"title", "Reply to 3 colleagues"},
                                        {"metric", "replies"},
                                        {"target", 3},
                                        {"term", "short"},
                                        {"due_at", due}})
                .status,
            201);
  EXPECT_EQ(exec.get("/api/v1/goals").json()["items"][0]["status"], "due_soon");
  nlohmann::json items;
  for (int i = 0; i < 50; ++i) {  // the sweep runs every second; wait at most 5 s
    items = exec.get("/api/v1/notifications").json()["items"];
    if (!items.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["kind"], "goal_due_soon");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(exec.get("/api/v1/notifications").json()["items"].size(), 1u) << "announced twice";
  EXPECT_EQ(coach.get("/api/v1/notifications").json()["items"].size(), 1u);
}

TEST_F(CoachingTest, AdminsManageThePolicyOthersCannot) {
  auto ada = as("ada");
  auto current = ada.get("/api/v1/policy").json();
  const auto version = current["version"].get<long long>();
  EXPECT_EQ(as("cora").put("/api/v1/policy", {{"policy", current["policy"]}}).status, 403);
  auto broken = current["policy"];
  broken["shouting"]["colour"] = "red";
  auto refused = ada.put("/api/v1/policy", {{"policy", broken}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(ada.get("/api/v1/policy").json()["version"], version);
  auto updated = current["policy"];
  updated["banned_terms"]["terms"].push_back("synergy");
  auto saved = ada.put("/api/v1/policy", {{"policy", updated}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], version + 1);
  auto lint = as("mia").post("/api/v1/lint", {{"body", "Pure synergy today"}}).json();
  ASSERT_EQ(lint["findings"].size(), 1u) << lint.dump();
  EXPECT_EQ(lint["findings"][0]["rule"], "banned_terms");
  EXPECT_EQ(lint["policy_version"], version + 1);
}

TEST(Admin, UsersAndCoachAssignments) {
  TestServer server;
  server.add_user("root", "admin");
  server.add_user("c1", "coach");
  server.add_user("m1", "member");
  Client admin(server.port(), "root");
  EXPECT_EQ(Client(server.port(), "m1").get("/api/v1/users").status, 403);
  auto created = admin.post("/api/v1/users", {{"username", "newexec"},
                                              {"display_name", "New Exec"},
                                              {"role", "executive"},
                                              {"password", kPassword}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["user"]["training_level"], "crawl");
  const auto exec_id = created.json()["user"]["id"].get<long long>();
  EXPECT_EQ(admin
                .post("/api/v1/users",
                      {{"username", "NEWEXEC"}, {"role", "member"}, {"password", kPassword}})
                .status,
            409);
  EXPECT_EQ(
      admin
          .post("/api/v1/users", {{"username", "x y"}, {"role", "member"}, {"password", kPassword}})
          .status,
      400);
  EXPECT_EQ(admin
                .post("/api/v1/users",
                      {{"username", "shorty"}, {"role", "member"}, {"password", "short"}})
                .status,
            400);
  Client c1(server.port(), "c1");
  const auto assign =
      "/api/v1/coaches/" + std::to_string(c1.id()) + "/executives/" + std::to_string(exec_id);
  EXPECT_EQ(c1.put(assign).status, 403);
  ASSERT_EQ(admin.put(assign).status, 200);
  EXPECT_EQ(admin.put(assign).status, 200);  // idempotent
  EXPECT_EQ(c1.get("/api/v1/cohort").json()["items"].size(), 1u);
  const auto wrong =
      "/api/v1/coaches/" + std::to_string(exec_id) + "/executives/" + std::to_string(c1.id());
  EXPECT_EQ(admin.put(wrong).status, 400);
  ASSERT_EQ(admin.del(assign).status, 200);
  EXPECT_EQ(c1.get("/api/v1/cohort").json()["items"].size(), 0u);
  // Disabling ends the user's sessions at once; admins cannot lock themselves out.
  Client m1(server.port(), "m1");
  const auto m1_path = "/api/v1/users/" + std::to_string(m1.id());
  ASSERT_EQ(admin.send("PATCH", m1_path, R"({"disabled":true})", {}).status, 200);
  EXPECT_EQ(m1.get("/api/v1/me").status, 401);
  EXPECT_THROW(Client(server.port(), "m1"), std::runtime_error);
  EXPECT_EQ(
      admin.send("PATCH", "/api/v1/users/" + std::to_string(admin.id()), R"({"role":"member"})", {})
          .status,
      409);
  auto users = admin.get("/api/v1/users").json()["items"];
  EXPECT_EQ(users.size(), 4u);
}

}  // namespace
}  // namespace greenroom::test
