// Drills: a coach assigns a scenario with personas; the executive writes the drill's practice
// post; the coach replies as a persona (labelled as simulated); the executive answers; the
// coach annotates and reviews the answer and marks the drill complete, which counts toward a
// goal and the coaching evidence. Drills and drill replies stay between the executive and
// their coaches: everyone else gets 404 (or, for a reply, does not see it).
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class DrillsTest : public ApiTest {
 protected:
  static std::int64_t id_of(const std::string& name) { return as(name).id(); }

  static nlohmann::json assign(const Client& coach, const std::string& exec,
                               const std::string& scenario =
                                   "Announce the office move; expect "
                                   "push-back.") {
    auto r = coach.post(
        "/api/v1/drills",
        {{"executive_id", id_of(exec)},
         {"scenario", scenario},
         {"due_at", in_days(7)},
         {"personas",
          {{{"name", "Sceptical engineer"}, {"description", "Thinks the move is a cost cut."}},
           {{"name", "Worried assistant"}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["drill"];
  }

  static std::string drill_path(const nlohmann::json& drill, const std::string& suffix = "") {
    return "/api/v1/drills/" + std::to_string(drill["id"].get<long long>()) + suffix;
  }

  static bool notified(const Client& c, const std::string& kind) {
    auto r = c.get("/api/v1/notifications?limit=100");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto j = r.json();
    for (const auto& n : j["items"])
      if (n["kind"] == kind) return true;
    return false;
  }

  static std::set<long long> reply_ids(const Client& c, long long post_id) {
    std::set<long long> out;
    auto r = c.get("/api/v1/posts/" + std::to_string(post_id));
    if (r.status != 200) return out;  // a post the caller may not see: no replies
    const auto j = r.json();
    for (const auto& reply : j["replies"]) out.insert(reply["id"].get<long long>());
    return out;
  }
};

TEST_F(DrillsTest, FromAssignmentToPersonaReplyToReviewedAnswerToCompletion) {
  auto cora = as("cora"), wren = as("wren");
  auto goal = cora.post("/api/v1/goals", {{"executive_id", wren.id()},
                                          {"title", "Finish a drill"},
                                          {"metric", "drills_completed"},
                                          {"target", 1},
                                          {"term", "short"},
                                          {"due_at", in_days(10)}});
  ASSERT_EQ(goal.status, 201) << goal.body;
  EXPECT_EQ(goal.json()["goal"]["progress"], 0);

  auto drill = assign(cora, "wren");
  EXPECT_EQ(drill["status"], "assigned");
  EXPECT_EQ(drill["overdue"], false);
  EXPECT_TRUE(drill["post_id"].is_null());
  ASSERT_EQ(drill["personas"].size(), 2u);
  EXPECT_EQ(drill["personas"][0]["name"], "Sceptical engineer");
  EXPECT_EQ(drill["personas"][1]["description"], "");
  EXPECT_EQ(drill["executive"]["username"], "wren");
  EXPECT_EQ(drill["coach"]["username"], "cora");
  EXPECT_TRUE(notified(wren, "drill_assigned"));

  // The executive sees it in their list and writes the drill's practice post.
  auto mine = wren.get("/api/v1/drills");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_FALSE(mine.json()["items"].empty());
  EXPECT_EQ(mine.json()["items"][0]["id"], drill["id"]);
  auto created = wren.post("/api/v1/posts", {{"body", "We move to the riverside office in March."},
                                             {"space", "practice"},
                                             {"drill_id", drill["id"]}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto post = created.json()["post"];
  const auto pid = post["id"].get<long long>();
  auto now = wren.get(drill_path(drill)).json()["drill"];
  EXPECT_EQ(now["status"], "in_progress");
  EXPECT_EQ(now["post_id"], pid);
  EXPECT_TRUE(notified(cora, "drill_started"));
  // One post per drill.
  auto again = wren.post(
      "/api/v1/posts", {{"body", "Second try."}, {"space", "practice"}, {"drill_id", drill["id"]}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "drill_started");

  // The coach replies as a persona: labelled as simulated, private to wren and her coaches.
  const auto persona = drill["personas"][0]["id"].get<long long>();
  auto pr = cora.post(path_of(post, "/replies"),
                      {{"body", "Is this just a cost cut dressed up?"}, {"persona_id", persona}});
  ASSERT_EQ(pr.status, 201) << pr.body;
  const auto persona_reply = pr.json()["reply"];
  EXPECT_EQ(persona_reply["persona"]["name"], "Sceptical engineer");
  EXPECT_EQ(persona_reply["persona"]["label"],
            "Simulated reply \u2014 played by your coach as Sceptical engineer");
  EXPECT_EQ(persona_reply["drill_private"], true);
  EXPECT_TRUE(notified(wren, "drill_persona_reply"));

  // The executive answers: a drill answer, held for the coach's review.
  auto ar = wren.post(path_of(post, "/replies"),
                      {{"body", "No: the lease ends and the new site is closer to customers."}});
  ASSERT_EQ(ar.status, 201) << ar.body;
  const auto answer = ar.json()["reply"];
  EXPECT_EQ(answer["review_state"], "in_review");
  EXPECT_EQ(answer["drill_private"], true);
  EXPECT_TRUE(answer["persona"].is_null());
  EXPECT_TRUE(notified(cora, "drill_answer"));

  // The thread as the executive and the coach see it; reply_count counts no drill reply.
  auto thread = wren.get(path_of(post)).json();
  ASSERT_EQ(thread["replies"].size(), 2u);
  EXPECT_EQ(thread["replies"][0]["persona"]["name"], "Sceptical engineer");
  EXPECT_EQ(thread["post"]["reply_count"], 0);
  EXPECT_EQ(reply_ids(cora, pid).size(), 2u);

  // The coach annotates and reviews the answer with the reply review machinery.
  const auto aid = "/api/v1/replies/" + std::to_string(answer["id"].get<long long>());
  const std::string words = "closer to customers";
  const std::string body = answer["body"];
  auto note = cora.post(aid + "/annotations",
                        {{"start", static_cast<long long>(body.find(words))},
                         {"end", static_cast<long long>(body.find(words) + words.size())},
                         {"quote", words},
                         {"category", "clarity"},
                         {"comment", "Name the customers: it lands harder."}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(wren.get(aid + "/annotations").json()["items"].size(), 1u);
  auto verdict =
      cora.post(aid + "/reviews",
                {{"verdict", "approve"},
                 {"rubric", {{"clarity", 4}, {"tone", 5}, {"audience_fit", 4}, {"policy", 5}}},
                 {"version", 1}});
  ASSERT_EQ(verdict.status, 201) << verdict.body;
  EXPECT_EQ(verdict.json()["reply"]["review_state"], "approved");
  EXPECT_EQ(wren.get(path_of(post)).json()["post"]["reply_count"], 0);  // still private

  // Only a coach completes it, once; then the goal is done and the evidence counts it.
  EXPECT_EQ(wren.post(drill_path(drill, "/complete"), nullptr).status, 403);
  auto done = cora.post(drill_path(drill, "/complete"), nullptr);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["drill"]["status"], "completed");
  EXPECT_FALSE(done.json()["drill"]["completed_at"].is_null());
  EXPECT_EQ(cora.post(drill_path(drill, "/complete"), nullptr).error_code(), "drill_completed");
  EXPECT_TRUE(notified(wren, "drill_completed"));
  auto goals = wren.get("/api/v1/goals").json()["items"];
  bool goal_done = false;
  for (const auto& g : goals)
    if (g["id"] == goal.json()["goal"]["id"]) goal_done = g["status"] == "done";
  EXPECT_TRUE(goal_done) << goals.dump();
  auto evidence = cora.get("/api/v1/analytics/users/" + std::to_string(wren.id()) + "/coaching");
  ASSERT_EQ(evidence.status, 200) << evidence.body;
  EXPECT_GE(evidence.json()["drills_completed"].get<long long>(), 1);
  EXPECT_TRUE(as("ada")
                  .get("/api/v1/analytics/users/" + std::to_string(wren.id()) + "/coaching")
                  .json()["drills_completed"]
                  .is_null());
  // A completed drill takes no more persona replies.
  EXPECT_EQ(cora.post(path_of(post, "/replies"), {{"body", "One more?"}, {"persona_id", persona}})
                .error_code(),
            "drill_completed");

  // Every write left an audit entry.
  auto audit = as("ada").get("/api/v1/audit?target_type=drill&target_id=" +
                             std::to_string(drill["id"].get<long long>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::set<std::string> actions;
  const auto entries = audit.json();
  for (const auto& e : entries["items"]) actions.insert(e["action"].get<std::string>());
  EXPECT_EQ(actions, (std::set<std::string>{"drill_assigned", "drill_started", "drill_completed"}));
}

TEST_F(DrillsTest, OnlyTheExecutiveAndTheirCoachesKnowADrillOrItsReplies) {
  auto cora = as("cora"), rui = as("rui");
  auto drill = assign(cora, "rui", "Defend the hiring freeze at the all-hands.");
  auto post = rui.post("/api/v1/posts", {{"body", "Why we pause hiring this quarter."},
                                         {"space", "practice"},
                                         {"drill_id", drill["id"]}})
                  .json()["post"];
  const auto pid = post["id"].get<long long>();
  auto persona = cora.post(path_of(post, "/replies"), {{"body", "Zanzibar: so who does the work?"},
                                                       {"persona_id", drill["personas"][1]["id"]}});
  ASSERT_EQ(persona.status, 201) << persona.body;
  auto answer =
      rui.post(path_of(post, "/replies"), {{"body", "Zanzibar: we finish fewer things."}});
  ASSERT_EQ(answer.status, 201) << answer.body;
  const auto persona_id = persona.json()["reply"]["id"].get<long long>();
  const auto answer_id = answer.json()["reply"]["id"].get<long long>();
  // A colleague's ordinary reply on the (published practice) drill post stays public.
  auto peer = as("wren").post(path_of(post, "/replies"), {{"body", "Good luck with this one."}});
  ASSERT_EQ(peer.status, 201) << peer.body;
  const auto peer_id = peer.json()["reply"]["id"].get<long long>();

  EXPECT_EQ(reply_ids(rui, pid), (std::set<long long>{persona_id, answer_id, peer_id}));
  EXPECT_EQ(reply_ids(cora, pid), (std::set<long long>{persona_id, answer_id, peer_id}));
  for (const std::string name : {"mia", "wren", "xena", "cole", "mo", "ada"}) {
    SCOPED_TRACE(name);
    auto c = as(name);
    EXPECT_EQ(c.get(drill_path(drill)).status, 404);
    EXPECT_EQ(c.get("/api/v1/drills?executive=" + std::to_string(rui.id())).status, 404);
    EXPECT_EQ(c.post(drill_path(drill, "/complete"), nullptr).status, 404);
    // The post follows the practice rule (the cohort and oversight read it); the drill
    // replies are never theirs.
    auto ids = reply_ids(c, pid);
    EXPECT_FALSE(ids.count(persona_id));
    EXPECT_FALSE(ids.count(answer_id));
    const auto rid = "/api/v1/replies/" + std::to_string(answer_id);
    EXPECT_EQ(c.get(rid + "/annotations").status, 404);
    EXPECT_EQ(c.post("/api/v1/reports",
                     {{"target_type", "reply"}, {"target_id", persona_id}, {"reason", "other"}})
                  .status,
              404);
    auto found = c.get("/api/v1/search?q=Zanzibar&kind=reply");
    EXPECT_EQ(found.status, 200);
    EXPECT_TRUE(found.json()["items"].empty()) << found.body;
  }
  EXPECT_EQ(reply_ids(as("wren"), pid), (std::set<long long>{peer_id}));
  EXPECT_EQ(as("mo")
                .post("/api/v1/moderation/actions", {{"target_type", "reply"},
                                                     {"target_id", persona_id},
                                                     {"action", "hide"},
                                                     {"reason", "Test."}})
                .status,
            404);
  EXPECT_EQ(rui.get("/api/v1/search?q=Zanzibar&kind=reply").json()["items"].size(), 2u);
  // Another coach may not assign a drill to cora's executive, nor play a persona there.
  auto cole = as("cole");
  EXPECT_EQ(cole.post("/api/v1/drills", {{"executive_id", rui.id()},
                                         {"scenario", "x"},
                                         {"due_at", in_days(3)},
                                         {"personas", {{{"name", "A"}}}}})
                .status,
            404);
  EXPECT_EQ(cole.post(path_of(post, "/replies"),
                      {{"body", "Hm."}, {"persona_id", drill["personas"][0]["id"]}})
                .status,
            404);
  // The executive may not play a persona.
  EXPECT_EQ(rui.post(path_of(post, "/replies"),
                     {{"body", "Hm."}, {"persona_id", drill["personas"][0]["id"]}})
                .status,
            403);
}

TEST_F(DrillsTest, BadInputIsRefusedAndChangesNothing) {
  auto cora = as("cora"), evan = as("evan");
  const auto before = evan.get("/api/v1/drills").json()["items"].size();
  nlohmann::json good = {
      {"executive_id", evan.id()},
      {"scenario", "Respond to a leaked memo."},
      {"due_at", in_days(5)},
      {"personas", {{{"name", "Journalist"}, {"description", "Wants a quote"}}}}};
  auto with = [&](const std::string& key, const nlohmann::json& value) {
    auto b = good;
    if (value.is_null())
      b.erase(key);
    else
      b[key] = value;
    return cora.post("/api/v1/drills", b);
  };
  EXPECT_EQ(with("personas", nullptr).status, 400);
  EXPECT_EQ(with("personas", nlohmann::json::array()).status, 400);
  EXPECT_EQ(with("personas", {{{"name", ""}}}).status, 400);
  EXPECT_EQ(with("personas", {{{"name", "A"}, {"age", 3}}}).status, 400);
  EXPECT_EQ(with("personas", {{{"name", "A"}}, {{"name", "A"}}}).status, 400);
  EXPECT_EQ(with("personas", nlohmann::json::array({"A", "B"})).status, 400);
  nlohmann::json six = nlohmann::json::array();
  for (int i = 0; i < 6; ++i) six.push_back({{"name", "P" + std::to_string(i)}});
  EXPECT_EQ(with("personas", six).status, 400);
  EXPECT_EQ(with("scenario", "").status, 400);
  EXPECT_EQ(with("scenario", std::string(2001, 'a')).status, 400);
  EXPECT_EQ(with("due_at", "tomorrow").status, 400);
  EXPECT_EQ(with("due_at", "2020-01-01T00:00:00Z").status, 400);
  EXPECT_EQ(with("executive_id", "evan").status, 400);
  EXPECT_EQ(with("surprise", true).status, 400);
  EXPECT_EQ(with("executive_id", id_of("xena")).status, 404);  // not cora's executive
  EXPECT_EQ(with("executive_id", id_of("mia")).status, 404);
  EXPECT_EQ(as("mia").post("/api/v1/drills", good).status, 403);
  EXPECT_EQ(evan.post("/api/v1/drills", good).status, 403);
  EXPECT_EQ(evan.get("/api/v1/drills").json()["items"].size(), before);
  EXPECT_EQ(evan.get("/api/v1/drills?executive=abc").status, 400);
  EXPECT_EQ(evan.get("/api/v1/drills?limit=0").status, 400);
  EXPECT_EQ(evan.get("/api/v1/drills/999999").status, 404);

  auto drill = assign(cora, "evan");
  // The drill's post: the executive's own, in the practice space, a real drill id.
  EXPECT_EQ(
      evan.post(
              "/api/v1/posts",
              {{"body", "x"}, {"space", "company"}, {"action", "draft"}, {"drill_id", drill["id"]}})
          .status,
      400);
  EXPECT_EQ(
      evan.post("/api/v1/posts",
                {{"body", "x"}, {"space", "practice"}, {"action", "draft"}, {"drill_id", "one"}})
          .status,
      400);
  EXPECT_EQ(
      as("wren")
          .post("/api/v1/posts", {{"body", "x"}, {"space", "practice"}, {"drill_id", drill["id"]}})
          .status,
      404);
  EXPECT_EQ(
      evan.post("/api/v1/posts",
                {{"body", "x"}, {"space", "practice"}, {"action", "draft"}, {"drill_id", 999999}})
          .status,
      404);
  EXPECT_EQ(evan.get(drill_path(drill)).json()["drill"]["status"], "assigned");
  // Not started yet: nothing to complete.
  EXPECT_EQ(cora.post(drill_path(drill, "/complete"), nullptr).error_code(), "drill_not_started");

  // A persona of another drill, or on another post, is refused.
  auto other = make_post(as("wren"), "An ordinary practice post.", "practice");
  auto r = cora.post(path_of(other, "/replies"),
                     {{"body", "Hm."}, {"persona_id", drill["personas"][0]["id"]}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.error_code(), "persona_not_in_drill");
  EXPECT_EQ(cora.post(path_of(other, "/replies"), {{"body", "Hm."}, {"persona_id", "x"}}).status,
            400);
  EXPECT_EQ(cora.post(path_of(other, "/replies"), {{"body", "Hm."}, {"persona_id", 999999}}).status,
            404);
  EXPECT_EQ(as("wren").get(path_of(other)).json()["replies"].size(), 0u);
}

}  // namespace
}  // namespace greenroom::test
