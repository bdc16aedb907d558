// Coaching evidence against the real server, counted from real saves, submissions and
// verdicts made through the API, with the answers worked out by hand below; and level
// suggestions (listed, accepted, dismissed, audited) on a server with a small rule.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

nlohmann::json rubric(int c, int t, int a, int p) {
  return {{"clarity", c}, {"tone", t}, {"audience_fit", a}, {"policy", p}};
}

HttpResponse patch(const Client& c, const std::string& target, const nlohmann::json& body) {
  return c.send("PATCH", target, body.dump(), {});
}

void verdict(const Client& coach, const nlohmann::json& post, const std::string& v,
             const nlohmann::json& r) {
  const auto version = coach.get(path_of(post)).json()["post"]["version"];
  auto res =
      coach.post(path_of(post, "/reviews"),
                 {{"verdict", v}, {"comment", "noted"}, {"rubric", r}, {"version", version}});
  ASSERT_EQ(res.status, 201) << res.body;
}

class EvidenceTest : public ApiTest {
 protected:
  static std::string coaching_of(long long id, const std::string& query = "") {
    return "/api/v1/analytics/users/" + std::to_string(id) + "/coaching" + query;
  }
};

TEST_F(EvidenceTest, EvidenceIsCountedFromRealSavesSubmissionsAndVerdicts) {
  server().add_user("ezra", "executive", "crawl", "cora");
  auto ezra = as("ezra"), cora = as("cora");

  // Post A. Version 1, saved as a draft: a confidential term (error) and an http:// link
  // (warning) -> event 1 (save, 1 error).
  auto a = make_post(ezra, "Our Project Falcon launch is near, see http://example.com", "company",
                     "draft");
  // Version 2: the term is gone, the link stays -> v1's confidential finding fixed, v1's link
  // finding not fixed; v2 has the link warning. Event 2 (save).
  ASSERT_EQ(
      patch(ezra, path_of(a), {{"body", "Our launch is near, see http://example.com"}}).status,
      200);
  // Typing checks are not kept.
  ASSERT_EQ(ezra.post("/api/v1/lint", {{"body", "Project Falcon, damn, http://x.example"}}).status,
            200);
  // Event 3: submitted. Not clean: version 1 (since the post began) had an error.
  ASSERT_EQ(ezra.post(path_of(a, "/submit"), nullptr).status, 200);
  verdict(cora, a, "changes_requested", rubric(3, 3, 3, 3));  // verdict 1, total 12
  // Version 3 fixes the link (v2's finding fixed) -> event 4 (save); event 5: resubmitted,
  // clean (nothing since the previous submission had an error).
  ASSERT_EQ(
      patch(ezra, path_of(a), {{"body", "Our launch is near, see https://example.com"}}).status,
      200);
  ASSERT_EQ(ezra.post(path_of(a, "/submit"), nullptr).status, 200);
  verdict(cora, a, "approve", rubric(4, 5, 4, 5));  // verdict 2, total 18; approved in 2 rounds
  // Post B, submitted at once and clean (event 6); approved in one round.
  auto b = make_post(ezra, "A short, clean update for the team", "company", "submit");
  verdict(cora, b, "approve", rubric(5, 5, 5, 5));  // verdict 3, total 20

  auto r = ezra.get(coaching_of(ezra.id()));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["weeks"].size(), 12u);
  const auto t = j["totals"];
  EXPECT_EQ(t["submissions"], 3);
  EXPECT_EQ(t["clean_submissions"], 2);
  EXPECT_EQ(t["clean_share"], 0.6667);
  EXPECT_EQ(t["findings"], 3);  // v1: 2, v2: 1, v3: none
  EXPECT_EQ(t["error_findings"], 1);
  EXPECT_EQ(t["warning_findings"], 2);
  EXPECT_EQ(t["fixed_next_version"], 2);  // v1's confidential term, v2's link
  EXPECT_EQ(t["verdicts"], 3);
  EXPECT_EQ(t["approvals"], 2);
  EXPECT_EQ(t["approved_without_changes"], 1);
  EXPECT_EQ(t["rounds_per_approval"], 1.5);  // (2 + 1) / 2
  EXPECT_EQ(t["rubric"]["clarity"], 4.0);    // (3 + 4 + 5) / 3
  EXPECT_EQ(t["rubric"]["tone"], 4.33);      // (3 + 5 + 5) / 3
  EXPECT_EQ(t["rubric"]["audience_fit"], 4.0);
  EXPECT_EQ(t["rubric"]["policy"], 4.33);
  EXPECT_EQ(t["rubric"]["average"], 4.17);  // 50 / 12
  ASSERT_FALSE(t["median_seconds_in_review"].is_null());
  EXPECT_GE(t["median_seconds_in_review"].get<double>(), 0.0);
  // The weeks add up to the totals.
  long long submissions = 0, findings = 0;
  for (const auto& w : j["weeks"]) {
    submissions += w["submissions"].get<long long>();
    findings += w["findings"].get<long long>();
  }
  EXPECT_EQ(submissions, 3);
  EXPECT_EQ(findings, 3);
  // Most frequent rule first.
  ASSERT_EQ(j["rules"].size(), 2u);
  EXPECT_EQ(j["rules"][0]["rule"], "insecure_links");
  EXPECT_EQ(j["rules"][0]["findings"], 2);
  EXPECT_EQ(j["rules"][0]["warnings"], 2);
  EXPECT_EQ(j["rules"][0]["fixed_next_version"], 1);
  EXPECT_EQ(j["rules"][1]["rule"], "confidential_terms");
  EXPECT_EQ(j["rules"][1]["errors"], 1);
  EXPECT_EQ(j["rules"][1]["fixed_next_version"], 1);
  // Against the default rule (5 posts, 10 submissions, 5 verdicts): not yet.
  EXPECT_EQ(j["level"]["from"], "crawl");
  EXPECT_EQ(j["level"]["to"], "walk");
  EXPECT_EQ(j["level"]["suggest"], false);
  EXPECT_EQ(j["level"]["criteria"][0]["name"], "approved_posts");
  EXPECT_EQ(j["level"]["criteria"][0]["value"], 1.0);  // B in one round; A took two
  EXPECT_EQ(j["level"]["criteria"][1]["value"], 2.0);  // two clean submissions
  // The coach sees the same figures.
  EXPECT_EQ(cora.get(coaching_of(ezra.id())).json()["totals"], t);
}

TEST_F(EvidenceTest, EvidenceIsForTheExecutiveTheirCoachesAndAdmins) {
  const auto evan = as("evan").id();
  EXPECT_EQ(as("evan").get(coaching_of(evan)).status, 200);
  EXPECT_EQ(as("cora").get(coaching_of(evan)).status, 200);
  EXPECT_EQ(as("ada").get(coaching_of(evan)).status, 200);
  EXPECT_EQ(as("cole").get(coaching_of(evan)).status, 403);  // not his executive
  EXPECT_EQ(as("wren").get(coaching_of(evan)).status, 403);  // a cohort peer: no league table
  EXPECT_EQ(as("mia").get(coaching_of(evan)).status, 403);
  EXPECT_EQ(as("mo").get(coaching_of(evan)).status, 403);
  EXPECT_EQ(Client(port()).get(coaching_of(evan)).status, 401);
  EXPECT_EQ(as("ada").get(coaching_of(987654)).status, 404);
  for (auto bad : {"?weeks=0", "?weeks=53", "?weeks=x", "?weeks=1.5"})
    EXPECT_EQ(as("evan").get(coaching_of(evan, bad)).status, 400) << bad;
}

TEST_F(EvidenceTest, NothingIsKeptForPeopleWhoAreNotExecutives) {
  server().add_user("milo", "member");
  auto milo = as("milo");
  // A draft with an error finding and a warning, then a clean published post: an executive
  // would have two events and two findings; a member has none (coaching data is about the
  // people coaches work with).
  make_post(milo, "Our Project Falcon launch is near, see http://example.com", "company", "draft");
  make_post(milo, "A short, clean update for the team", "company", "publish");
  auto r = as("ada").get(coaching_of(milo.id()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["totals"]["submissions"], 0) << r.body;
  EXPECT_EQ(r.json()["totals"]["findings"], 0) << r.body;
  EXPECT_TRUE(r.json()["rules"].empty()) << r.body;
  EXPECT_TRUE(r.json()["level"].is_null());
}

TEST_F(EvidenceTest, GoalsCountRepliesWithin24HoursAndTheirTermMustFitTheDueDate) {
  server().add_user("gus", "executive", "run", "cora");
  auto gus = as("gus"), cora = as("cora"), mia = as("mia");
  nlohmann::json goal = {{"executive_id", gus.id()},
                         {"title", "Answer colleagues quickly"},
                         {"metric", "replies_within_24h"},
                         {"target", 2},
                         {"term", "short"},
                         {"due_at", in_days(40)}};
  auto misfit = cora.post("/api/v1/goals", goal);
  EXPECT_EQ(misfit.status, 422);
  EXPECT_EQ(misfit.error_code(), "term_does_not_fit");
  goal["term"] = "long";  // long starts at 60 days
  EXPECT_EQ(cora.post("/api/v1/goals", goal).status, 422);
  goal["term"] = "mid";
  auto created = cora.post("/api/v1/goals", goal);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(gus.get("/api/v1/goals").json()["items"].size(), 1u);
  // A reply on a colleague's fresh post counts; one on his own post with no colleague's reply
  // before it does not; one answering a colleague's reply on his post counts -> done.
  auto theirs = make_post(mia, "Who has ideas for the offsite?");
  EXPECT_EQ(gus.post(path_of(theirs, "/replies"), {{"body", "A walk by the river"}}).status, 201);
  auto own = make_post(gus, "Thanks all for a great quarter");
  EXPECT_EQ(gus.post(path_of(own, "/replies"), {{"body", "And a note to myself"}}).status, 201);
  auto progress = gus.get("/api/v1/goals").json()["items"][0];
  EXPECT_EQ(progress["count"], 1);
  EXPECT_EQ(progress["status"], "on_track");
  EXPECT_EQ(mia.post(path_of(own, "/replies"), {{"body", "Well deserved"}}).status, 201);
  EXPECT_EQ(gus.post(path_of(own, "/replies"), {{"body", "Thank you, Mia"}}).status, 201);
  progress = gus.get("/api/v1/goals").json()["items"][0];
  EXPECT_EQ(progress["count"], 2);
  EXPECT_EQ(progress["status"], "done");  // turns done by itself once met
  goal["metric"] = "questions_answered";
  goal["term"] = "short";
  goal["due_at"] = in_days(7);
  EXPECT_EQ(cora.post("/api/v1/goals", goal).status, 201);
  goal["metric"] = "follows";
  EXPECT_EQ(cora.post("/api/v1/goals", goal).status, 400);
}

// A server whose rule asks for 2 approved posts, 2 clean submissions, 2 verdicts >= 4.
class LevelSuggestionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<TestServer>(ServerOptions{
        true,
        {{"level_suggestions",
          {{"approved_posts", 2}, {"clean_submissions", 2}, {"rubric_verdicts", 2}}}}});
    server_->add_user("root", "admin");
    server_->add_user("coco", "coach");
    server_->add_user("cleo", "coach");
    server_->add_user("lena", "executive", "crawl", "coco");
    server_->add_user("mary", "member");
  }
  static void TearDownTestSuite() { server_.reset(); }
  static Client as(const std::string& u) { return Client(server_->port(), u); }
  static void approved_post(const Client& exec, const Client& coach, const std::string& body) {
    auto p =
        exec.post("/api/v1/posts", {{"body", body}, {"space", "company"}, {"action", "submit"}});
    ASSERT_EQ(p.status, 201) << p.body;
    verdict(coach, p.json()["post"], "approve", rubric(4, 4, 4, 4));
  }
  static inline std::unique_ptr<TestServer> server_;
};

TEST_F(LevelSuggestionTest, ACoachSeesAcceptsAndDismissesSuggestionsAndTheLevelNeverMovesAlone) {
  auto lena = as("lena"), coco = as("coco"), cleo = as("cleo"), root = as("root"),
       mary = as("mary");
  const auto path = [&](const std::string& what) {
    return "/api/v1/coaching/level-suggestions/" + std::to_string(lena.id()) + "/" + what;
  };
  approved_post(lena, coco, "First update on the new intranet");
  EXPECT_EQ(coco.get("/api/v1/coaching/level-suggestions").json()["items"].size(), 0u);
  EXPECT_EQ(coco.post(path("accept"), nullptr).error_code(), "no_suggestion");
  approved_post(lena, coco, "Second update: the intranet is live");

  auto list = coco.get("/api/v1/coaching/level-suggestions");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json()["items"].size(), 1u);
  const auto item = list.json()["items"][0];
  EXPECT_EQ(item["executive"]["username"], "lena");
  EXPECT_EQ(item["from"], "crawl");
  EXPECT_EQ(item["to"], "walk");
  EXPECT_EQ(item["criteria"].size(), 4u);
  EXPECT_EQ(item["criteria"][2]["value"], 4.0);  // rubric average
  // The level has not moved by itself.
  EXPECT_EQ(lena.get("/api/v1/analytics/users/" + std::to_string(lena.id()) + "/coaching")
                .json()["user"]["training_level"],
            "crawl");
  // Only her coach decides: others 404 (may not know her) or 403 (know her).
  EXPECT_EQ(cleo.get("/api/v1/coaching/level-suggestions").json()["items"].size(), 0u);
  EXPECT_EQ(cleo.post(path("accept"), nullptr).status, 404);
  EXPECT_EQ(mary.post(path("accept"), nullptr).status, 404);
  EXPECT_EQ(lena.post(path("accept"), nullptr).status, 403);
  EXPECT_EQ(root.post(path("dismiss"), nullptr).status, 403);
  EXPECT_EQ(lena.get("/api/v1/coaching/level-suggestions").status, 403);
  EXPECT_EQ(coco.post(path("accept"), {{"level", "sprint"}}).status, 400);

  // Dismissed: gone, audited, not made again until there is new evidence.
  ASSERT_EQ(coco.post(path("dismiss"), nullptr).status, 200);
  EXPECT_EQ(coco.get("/api/v1/coaching/level-suggestions").json()["items"].size(), 0u);
  EXPECT_EQ(coco.post(path("dismiss"), nullptr).error_code(), "no_suggestion");
  auto audit = root.get("/api/v1/audit?action=level_suggestion_dismissed").json()["items"];
  ASSERT_EQ(audit.size(), 1u);
  approved_post(lena, coco, "Third update: thank you for the feedback");
  ASSERT_EQ(coco.get("/api/v1/coaching/level-suggestions").json()["items"].size(), 1u);

  // Accepted: through the level-change path, audited twice (the decision and the level).
  EXPECT_EQ(coco.post(path("accept"), {{"level", "run"}}).error_code(), "stale_suggestion");
  auto accepted = coco.post(path("accept"), {{"level", "walk"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["user"]["training_level"], "walk");
  EXPECT_EQ(root.get("/api/v1/audit?action=level_suggestion_accepted").json()["items"].size(), 1u);
  auto level_set = root.get("/api/v1/audit?action=level_set").json()["items"];
  ASSERT_EQ(level_set.size(), 1u);
  // At Walk only evidence gathered since counts: no Run suggestion from the same posts.
  EXPECT_EQ(coco.get("/api/v1/coaching/level-suggestions").json()["items"].size(), 0u);
}

}  // namespace
}  // namespace greenroom::test
