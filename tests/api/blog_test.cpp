// The Q&A blog over HTTP: blogs, articles, questions (named, anonymous, pre-moderated),
// votes, answers with history, declines, the promise figures, the audited reveal, and the
// anonymity promise checked on every response the host, a member and a coach can fetch.
#include <sqlite3.h>

#include <functional>
#include <map>
#include <memory>
#include <set>

#include "fixture.hpp"
#include "ws_client.hpp"

namespace greenroom::test {
namespace {

class BlogTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("quentin_asker", "member");
    server().add_user("paula_pre", "executive", "run", "cora");
    server().add_user("stan_stats", "executive", "run", "cora");
  }

  static std::int64_t make_blog(const std::string& host, bool premoderated = false) {
    auto r = as("ada").post("/api/v1/blogs", {{"host_id", as(host).id()},
                                              {"title", "Ask " + host},
                                              {"description", "Questions welcome."},
                                              {"promise_days", 7},
                                              {"premoderated", premoderated}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["blog"]["id"].get<std::int64_t>();
  }
  // rui (Run) hosts the main blog.
  static std::int64_t blog() {
    static const std::int64_t id = make_blog("rui");
    return id;
  }
  static std::string blog_path(const std::string& suffix = "") {
    return "/api/v1/blogs/" + std::to_string(blog()) + suffix;
  }
  static nlohmann::json ask(const std::string& who, const std::string& body, bool anonymous,
                            std::int64_t blog_id = 0) {
    auto r =
        as(who).post("/api/v1/blogs/" + std::to_string(blog_id ? blog_id : blog()) + "/questions",
                     {{"body", body}, {"anonymous", anonymous}, {"topic", "Hybrid work"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["question"];
  }
  static std::string qpath(const nlohmann::json& q, const std::string& suffix = "") {
    return "/api/v1/questions/" + std::to_string(q["id"].get<long long>()) + suffix;
  }
};

// Fails the test when `json` names the person anywhere: an object with their id next to a
// username/display name or as a *_id/user field, or any text holding their username or name.
void expect_no_trace(const nlohmann::json& json, std::int64_t id, const std::string& username,
                     const std::string& where) {
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_string()) {
      auto s = j.get<std::string>();
      EXPECT_EQ(s.find(username), std::string::npos) << where << ": " << s;
    } else if (j.is_object()) {
      const bool person = j.contains("username") || j.contains("display_name");
      for (const auto& [key, value] : j.items()) {
        if (value.is_number_integer() && value.get<std::int64_t>() == id &&
            ((person && key == "id") || key == "user_id" || key == "asker_id" ||
             key == "actor_id" || key == "author_id"))
          ADD_FAILURE() << where << ": " << key << " = " << id << " in " << j.dump();
        walk(value);
      }
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  walk(json);
}

TEST_F(BlogTest, AnAdminEnablesOneBlogPerHost) {
  auto body = nlohmann::json{{"host_id", as("wren").id()}, {"title", "Wren"}, {"promise_days", 7}};
  EXPECT_EQ(as("mia").post("/api/v1/blogs", body).status, 403);
  EXPECT_EQ(as("ada").post("/api/v1/blogs", body).status, 201);
  EXPECT_EQ(as("ada").post("/api/v1/blogs", body).error_code(), "blog_exists");
  body["host_id"] = as("xena").id();
  body["promise_days"] = 0;
  EXPECT_EQ(as("ada").post("/api/v1/blogs", body).status, 400);
  body["promise_days"] = 7;
  body["host_id"] = 999999;
  EXPECT_EQ(as("ada").post("/api/v1/blogs", body).status, 400);
  auto list = as("mia").get("/api/v1/blogs");
  EXPECT_EQ(list.status, 200);
  EXPECT_GE(list.json()["items"].size(), 1u);
}

TEST_F(BlogTest, ArticlesAreMarkdownPostsRenderedSafely) {
  auto md =
      "# Town hall\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ "
      "[bad](javascript:alert(1)) <script>alert(1)</script>";
  auto r = as("rui").post(blog_path("/articles"), {{"body", md}, {"action", "publish"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto post = r.json()["post"];
  EXPECT_EQ(post["blog_id"], blog());
  EXPECT_EQ(post["state"], "published");
  auto html = post["html"].get<std::string>();
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<del>old</del>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  // Long-form: more than a post's 5000 characters, up to 50,000.
  std::string longer;
  while (longer.size() < 12000) longer += "A paragraph about our plans for next year.\n\n";
  EXPECT_EQ(as("rui").post(blog_path("/articles"), {{"body", longer}}).status, 201);
  EXPECT_EQ(as("rui").post(blog_path("/articles"), {{"body", std::string(50001, 'a')}}).status,
            400);
  // Only the host writes; the golden rules apply.
  EXPECT_EQ(as("mia").post(blog_path("/articles"), {{"body", "Hi"}}).status, 403);
  EXPECT_EQ(as("rui").post(blog_path("/articles"), {{"body", "This is crap."}}).status, 422);
  // The preview is the same rendering.
  auto preview = as("rui").post("/api/v1/markdown/preview", {{"body", md}});
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.json()["html"], html);
  auto list = as("mia").get(blog_path("/articles"));
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.json()["items"].size(), 2u);
}

TEST_F(BlogTest, AHostAtCrawlNeedsACoachsApprovalForAnArticle) {
  auto evan_blog = make_blog("evan");
  auto path = "/api/v1/blogs/" + std::to_string(evan_blog) + "/articles";
  EXPECT_EQ(as("evan").post(path, {{"body", "# Hello"}, {"action", "publish"}}).error_code(),
            "review_required");
  auto r = as("evan").post(path, {{"body", "# Hello\n\nMy first article."}, {"action", "submit"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["post"]["state"], "in_review");
  // The coach reviews it as a post; members do not see it yet.
  auto id = std::to_string(r.json()["post"]["id"].get<long long>());
  EXPECT_EQ(as("cora").get("/api/v1/posts/" + id).status, 200);
  EXPECT_EQ(as("mia").get("/api/v1/posts/" + id).status, 404);
  EXPECT_TRUE(as("mia").get(path).json()["items"].empty());
  // The coach asks for changes; the revised article may be long (beyond a post's limits).
  auto verdict = as("cora").post(
      "/api/v1/posts/" + id + "/reviews",
      {{"verdict", "changes_requested"},
       {"version", 1},
       {"comment", "Say more."},
       {"rubric", {{"clarity", 3}, {"tone", 4}, {"audience_fit", 3}, {"policy", 4}}}});
  ASSERT_EQ(verdict.status, 201) << verdict.body;
  std::string longer = "# Hello\n\n";
  while (longer.size() < 9000) longer += "More about what we learned this year, and why.\n\n";
  auto edit =
      as("evan").send("PATCH", "/api/v1/posts/" + id, nlohmann::json{{"body", longer}}.dump(), {});
  EXPECT_EQ(edit.status, 200) << edit.body;
  auto resubmit = as("evan").post("/api/v1/posts/" + id + "/submit", nlohmann::json::object());
  EXPECT_EQ(resubmit.status, 200) << resubmit.body;
}

TEST_F(BlogTest, NamedAndAnonymousQuestions) {
  auto named = ask("mia", "When do we hear about the office move?", false);
  EXPECT_EQ(named["asker"]["username"], "mia");
  auto anon = ask("quentin_asker", "Is the reorganisation going to cut jobs?", true);
  EXPECT_TRUE(anon["asker"].is_null());
  EXPECT_TRUE(anon["asked_by_me"].get<bool>());
  EXPECT_EQ(anon["topic"], "hybrid work");
  for (auto who : {"rui", "max", "cora", "mo", "ada"}) {
    auto q = as(who).get(qpath(anon));
    ASSERT_EQ(q.status, 200);
    EXPECT_TRUE(q.json()["question"]["asker"].is_null()) << who;
    EXPECT_FALSE(q.json()["question"]["asked_by_me"].get<bool>()) << who;
  }
  // Validation: length, golden rules, unknown fields; nothing is created.
  auto before = as("mia").get(blog_path("/questions?sort=newest")).json()["items"].size();
  EXPECT_EQ(as("mia").post(blog_path("/questions"), {{"body", ""}}).status, 400);
  EXPECT_EQ(as("mia").post(blog_path("/questions"), {{"body", std::string(1001, 'a')}}).status,
            400);
  EXPECT_EQ(as("mia").post(blog_path("/questions"), {{"body", "Why is it so crap?"}}).status, 422);
  EXPECT_EQ(as("mia").post(blog_path("/questions"), {{"body", "ok?"}, {"anonymous", "yes"}}).status,
            400);
  EXPECT_EQ(as("rui").post(blog_path("/questions"), {{"body", "Me?"}}).status, 403);
  EXPECT_EQ(as("mia").get(blog_path("/questions?sort=newest")).json()["items"].size(), before);
  EXPECT_EQ(as("mia").get(blog_path("/questions?sort=loudest")).status, 400);
}

TEST_F(BlogTest, VoteOnceRetractNotOnOnesOwn) {
  auto q = ask("mia", "Can we have a four-day week trial?", false);
  EXPECT_EQ(as("mia").put(qpath(q, "/vote")).error_code(), "own_question");
  auto v = as("max").put(qpath(q, "/vote"));
  ASSERT_EQ(v.status, 200);
  EXPECT_EQ(v.json()["vote_count"], 1);
  EXPECT_EQ(as("max").put(qpath(q, "/vote")).json()["vote_count"], 1);
  EXPECT_EQ(as("rui").put(qpath(q, "/vote")).json()["vote_count"], 2);
  EXPECT_EQ(as("max").del(qpath(q, "/vote")).json()["vote_count"], 1);
  EXPECT_EQ(as("max").del(qpath(q, "/vote")).json()["vote_count"], 1);
  EXPECT_EQ(as("max").get(qpath(q)).json()["question"]["voted_by_me"], false);
  EXPECT_EQ(as("rui").get(qpath(q)).json()["question"]["voted_by_me"], true);
  EXPECT_EQ(as("max").put("/api/v1/questions/999999/vote").status, 404);
}

TEST_F(BlogTest, SortsByVotesNewestAndOldestUnanswered) {
  auto stan = make_blog("stan_stats");
  auto a = ask("mia", "First question?", false, stan);
  auto b = ask("max", "Second question?", false, stan);
  auto c = ask("mia", "Third question?", false, stan);
  as("max").put(qpath(c, "/vote"));
  as("rui").put(qpath(c, "/vote"));
  as("rui").put(qpath(b, "/vote"));
  as("stan_stats").post(qpath(a, "/answer"), {{"body", "Yes."}});
  auto ids = [&](const std::string& sort) {
    std::vector<long long> out;
    auto r = as("mia").get("/api/v1/blogs/" + std::to_string(stan) + "/questions?sort=" + sort);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto listed = r.json();  // kept alive for the loop
    for (const auto& q : listed["items"]) out.push_back(q["id"].get<long long>());
    return out;
  };
  auto id = [](const nlohmann::json& q) { return q["id"].get<long long>(); };
  EXPECT_EQ(ids("votes"), (std::vector<long long>{id(c), id(b), id(a)}));
  EXPECT_EQ(ids("newest"), (std::vector<long long>{id(c), id(b), id(a)}));
  EXPECT_EQ(ids("unanswered"), (std::vector<long long>{id(b), id(c), id(a)}));
}

TEST_F(BlogTest, AnswerEditWithHistoryAndDecline) {
  auto q = ask("mia", "What is the plan for the Leeds office?", false);
  EXPECT_EQ(as("max").post(qpath(q, "/answer"), {{"body", "I will say."}}).status, 403);
  auto first = as("rui").post(qpath(q, "/answer"), {{"body", "We **keep** it."}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["question"]["state"], "answered");
  EXPECT_EQ(first.json()["question"]["answer"]["html"], "<p>We <strong>keep</strong> it.</p>\n");
  auto edit = as("rui").post(qpath(q, "/answer"), {{"body", "We keep it, and grow it."}});
  ASSERT_EQ(edit.status, 200);
  EXPECT_EQ(edit.json()["question"]["answer"]["version"], 2);
  EXPECT_TRUE(edit.json()["question"]["answer"]["edited"].get<bool>());
  auto versions = as("mia").get(qpath(q, "/answer/versions")).json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["body"], "We **keep** it.");
  EXPECT_EQ(as("rui").post(qpath(q, "/decline"), {{"reason", "No"}}).status, 409);

  auto d = ask("max", "What is your salary?", false);
  EXPECT_EQ(as("rui").post(qpath(d, "/decline"), {{"reason", ""}}).status, 400);
  auto declined = as("rui").post(qpath(d, "/decline"), {{"reason", "Pay is confidential."}});
  ASSERT_EQ(declined.status, 200);
  EXPECT_EQ(declined.json()["question"]["state"], "declined");
  EXPECT_EQ(declined.json()["question"]["decline_reason"], "Pay is confidential.");
  EXPECT_EQ(as("rui").post(qpath(d, "/answer"), {{"body", "ok"}}).status, 409);
  // The askers heard.
  auto notes = as("max").get("/api/v1/notifications").json().dump();
  EXPECT_NE(notes.find("question_declined"), std::string::npos) << notes;
  EXPECT_NE(as("mia").get("/api/v1/notifications").json().dump().find("question_answered"),
            std::string::npos);
}

TEST_F(BlogTest, PreModeratedQuestionsWaitForAModerator) {
  auto pre = make_blog("paula_pre", true);
  auto q = ask("mia", "Are bonuses paid this year?", true, pre);
  EXPECT_EQ(q["state"], "pending");
  auto list_path = "/api/v1/blogs/" + std::to_string(pre) + "/questions";
  EXPECT_TRUE(as("paula_pre").get(list_path).json()["items"].empty());
  EXPECT_EQ(as("paula_pre").get(qpath(q)).status, 404);
  EXPECT_EQ(as("max").get(qpath(q)).status, 404);
  EXPECT_EQ(as("mia").get(qpath(q)).status, 200);
  EXPECT_EQ(as("mia").post(qpath(q, "/approve"), nlohmann::json::object()).status, 403);
  EXPECT_EQ(as("mo").post(qpath(q, "/approve"), nlohmann::json::object()).status, 200);
  EXPECT_EQ(as("mo").post(qpath(q, "/approve"), nlohmann::json::object()).status, 409);
  EXPECT_EQ(as("paula_pre").get(list_path).json()["items"].size(), 1u);
  auto notes = as("paula_pre").get("/api/v1/notifications").json().dump();
  EXPECT_NE(notes.find("question_asked"), std::string::npos) << notes;
}

TEST_F(BlogTest, PromiseFiguresOnAKnownHistory) {
  auto host = "stats_host";
  server().add_user(host, "executive", "run", "cora");
  auto b = make_blog(host);
  auto q1 = ask("mia", "One?", false, b), q2 = ask("mia", "Two?", false, b),
       q3 = ask("max", "Three?", false, b), q4 = ask("max", "Four?", false, b);
  as(host).post(qpath(q1, "/answer"), {{"body", "A."}});
  as(host).post(qpath(q2, "/answer"), {{"body", "B."}});
  as(host).post(qpath(q3, "/decline"), {{"reason", "Not mine to say."}});
  // Known times: asked 10 days ago; answered after 2 h and after 6 h.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((server().data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const long long now = static_cast<long long>(std::time(nullptr)) * 1000, h = 3600000;
  auto set = [&](const nlohmann::json& q, long long asked, long long closed) {
    auto sql = "UPDATE questions SET asked_at = " + std::to_string(asked) +
               ", closed_at = " + (closed ? std::to_string(closed) : std::string("NULL")) +
               " WHERE id = " + std::to_string(q["id"].get<long long>());
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  };
  set(q1, now - 240 * h, now - 238 * h);
  set(q2, now - 240 * h, now - 234 * h);
  set(q4, now - 200 * h, 0);
  sqlite3_close(db);
  auto s = as("mia").get("/api/v1/blogs/" + std::to_string(b) + "/stats");
  ASSERT_EQ(s.status, 200);
  auto j = s.json();
  EXPECT_EQ(j["questions"], 4);
  EXPECT_EQ(j["answered"], 2);
  EXPECT_EQ(j["declined"], 1);
  EXPECT_DOUBLE_EQ(j["answer_rate"].get<double>(), 0.5);
  EXPECT_EQ(j["median_seconds_to_answer"], 4 * 3600);
  EXPECT_NEAR(j["oldest_unanswered_seconds"].get<double>(), 200 * 3600, 120);
  EXPECT_EQ(j["overdue"], 1);
  auto blog = as("mia").get("/api/v1/blogs/" + std::to_string(b)).json()["blog"];
  EXPECT_EQ(blog["stats"]["answered"], 2);
  EXPECT_EQ(blog["host"]["username"], host);
}

TEST_F(BlogTest, ModeratorsRevealAnAnonymousAskerOnlyWithAReasonAndItIsAudited) {
  auto q = ask("quentin_asker", "Who decided the pay freeze?", true);
  EXPECT_EQ(as("rui").post(qpath(q, "/reveal"), {{"reason", "curious"}}).status, 403);
  EXPECT_EQ(as("mo").post(qpath(q, "/reveal"), nlohmann::json::object()).status, 400);
  auto r = as("mo").post(qpath(q, "/reveal"), {{"reason", "Report 7: a threat in the question"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["asker"]["username"], "quentin_asker");
  auto audit = as("ada").get("/api/v1/audit?action=asker_revealed").json().dump();
  EXPECT_NE(audit.find("Report 7: a threat in the question"), std::string::npos) << audit;
}

TEST_F(BlogTest, TheHostAMemberAndACoachNeverLearnAnAnonymousAsker) {
  auto asker = as("quentin_asker");
  const auto asker_id = asker.id();
  // The live channel of each of them, open before anything happens.
  std::map<std::string, std::unique_ptr<WsClient>> live;
  for (auto who : {"rui", "max", "cora"}) {
    live[who] = std::make_unique<WsClient>(
        port(), WsOptions{"gr_session=" + as(who).cookie(), std::nullopt, "/api/v1/live"});
    ASSERT_EQ(live[who]->status(), 101) << live[who]->refusal_body();
  }
  auto clean = ask("quentin_asker", "Is the Bristol site closing?", true);
  as("max").put(qpath(clean, "/vote"));
  as("cora").put(qpath(clean, "/vote"));
  ASSERT_EQ(as("rui").post(qpath(clean, "/answer"), {{"body", "No, it is growing."}}).status, 201);
  as("rui").post(qpath(clean, "/answer"), {{"body", "No, it is growing fast."}});
  auto declined =
      ask("quentin_asker", "Can I read the notes from the last leadership offsite?", true);
  as("rui").post(qpath(declined, "/decline"),
                 {{"reason", "Those notes stay with the leadership team."}});
  // The asker heard about both, anonymously.
  auto own = asker.get("/api/v1/notifications").json().dump();
  EXPECT_NE(own.find("question_answered"), std::string::npos);
  EXPECT_NE(own.find("question_declined"), std::string::npos);

  for (auto who : {"rui", "max", "cora"}) {
    auto c = as(who);
    std::vector<std::string> paths = {"/api/v1/blogs",
                                      blog_path(),
                                      blog_path("/stats"),
                                      blog_path("/articles"),
                                      blog_path("/questions?sort=votes"),
                                      blog_path("/questions?sort=newest"),
                                      blog_path("/questions?sort=unanswered"),
                                      blog_path("/questions?topic=hybrid%20work"),
                                      qpath(clean),
                                      qpath(clean, "/answer/versions"),
                                      qpath(declined),
                                      "/api/v1/notifications",
                                      "/api/v1/feed?space=company",
                                      "/api/v1/me/posts",
                                      blog_path("/temperature?weeks=4"),
                                      "/api/v1/search?q=Bristol",
                                      "/api/v1/search?q=Bristol&kind=question",
                                      "/api/v1/search?q=growing"};
    for (const auto& path : paths) {
      auto r = c.get(path);
      ASSERT_EQ(r.status, 200) << who << " " << path << ": " << r.body;
      expect_no_trace(r.json(), asker_id, "quentin_asker", std::string(who) + " GET " + path);
    }
    // Search finds the answered question (question and answer text), attributed to nobody;
    // an author filter never finds it.
    auto found = c.get("/api/v1/search?q=Bristol%20growing").json()["items"];
    ASSERT_EQ(found.size(), 1u) << found.dump();
    EXPECT_EQ(found[0]["kind"], "question");
    EXPECT_TRUE(found[0]["author"].is_null());
    EXPECT_EQ(c.get("/api/v1/search?q=Bristol&author=quentin_asker").json()["items"].size(), 0u);
    // The blog's Atom feed has the answered question, without its asker.
    auto token = c.post("/api/v1/me/feed-token", nlohmann::json::object()).json()["token"];
    auto atom = http_request(
        port(), "GET",
        "/feeds/" + token.get<std::string>() + "/blogs/" + std::to_string(blog()) + ".atom", "",
        {});
    ASSERT_EQ(atom.status, 200) << atom.body;
    EXPECT_NE(atom.body.find("Is the Bristol site closing?"), std::string::npos) << atom.body;
    EXPECT_EQ(atom.body.find("quentin_asker"), std::string::npos) << atom.body;
    // Every live event they received names nobody; the new question and its answer came.
    std::set<std::string> types;
    while (auto e = live[who]->next(400)) {
      types.insert((*e)["type"].get<std::string>());
      expect_no_trace(*e, asker_id, "quentin_asker", std::string(who) + " live");
    }
    EXPECT_TRUE(types.count("question.asked")) << who;
    EXPECT_TRUE(types.count("question.answered")) << who;
    // Writes the host, a member or a coach can make answer without the asker, too.
    auto vote = c.put(qpath(declined, "/vote"));
    expect_no_trace(vote.json(), asker_id, "quentin_asker", std::string(who) + " PUT vote");
  }
  auto edit = as("rui").post(qpath(clean, "/answer"), {{"body", "Growing: 40 new roles."}});
  expect_no_trace(edit.json(), asker_id, "quentin_asker", "rui answer");
}

}  // namespace
}  // namespace greenroom::test
