// The rehearsal loop, finished (issue 16): a coach's approval moves a post to `approved` and
// the leader publishes it, now or at a time they pick (also when that time passes while the
// server is down); suggestions after approval; request-changes needs feedback; corrections
// of a published post at each training level.
#include <thread>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

nlohmann::json rubric() {
  return {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}};
}

std::string rfc3339_in(std::chrono::milliseconds from_now) {
  const auto t = std::chrono::system_clock::now() + from_now;
  const auto secs = std::chrono::system_clock::to_time_t(t);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03lldZ", buf, static_cast<long long>(ms));
  return out;
}

std::set<long long> feed_ids(const Client& c, const std::string& space = "company") {
  std::set<long long> ids;
  const auto feed = c.get("/api/v1/feed?space=" + space + "&limit=100").json();
  for (const auto& p : feed["items"]) ids.insert(p["id"].get<long long>());
  return ids;
}

class RehearsalTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ServerOptions opts;
    opts.config = {{"publishing", {{"interval_seconds", 1}}}};
    server_ = std::make_unique<TestServer>(opts);
    server_->add_user("ada", "admin");
    server_->add_user("cora", "coach");
    server_->add_user("cole", "coach");
    server_->add_user("evan", "executive", "crawl", "cora");
    server_->add_user("wren", "executive", "walk", "cora");
    server_->add_user("rui", "executive", "run", "cora");
    server_->add_user("mia", "member");
  }

  // A crawl post by evan, submitted and approved by cora; returns it.
  static nlohmann::json approved_post(const std::string& body) {
    auto evan = as("evan"), cora = as("cora");
    auto post = make_post(evan, body, "company", "submit");
    auto r =
        cora.post(path_of(post, "/reviews"),
                  {{"verdict", "approve"}, {"rubric", rubric()}, {"version", post["version"]}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["post"];
  }

  static nlohmann::json state_of(const Client& c, const nlohmann::json& post) {
    return c.get(path_of(post)).json()["post"];
  }
};

TEST_F(RehearsalTest, ApprovalMovesThePostToApprovedAndTheLeaderPublishesIt) {
  auto evan = as("evan"), cora = as("cora"), mia = as("mia");
  auto post =
      make_post(evan, "Our quarter in one line: we shipped what we promised.", "company", "submit");
  const auto before = evan.get("/api/v1/me").json()["unread_notifications"].get<long long>();
  auto approve = cora.post(path_of(post, "/reviews"),
                           {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 1}});
  ASSERT_EQ(approve.status, 201) << approve.body;
  EXPECT_EQ(approve.json()["post"]["state"], "approved");
  EXPECT_TRUE(approve.json()["post"]["published_at"].is_null());
  // Not out yet: the company cannot see it, the author is told to publish it.
  EXPECT_EQ(mia.get(path_of(post)).status, 404);
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  EXPECT_EQ(evan.get("/api/v1/me").json()["unread_notifications"], before + 1);
  auto note = evan.get("/api/v1/notifications?limit=1").json()["items"][0];
  EXPECT_NE(note["message"].get<std::string>().find("publish it now or schedule it"),
            std::string::npos)
      << note;
  // The coach cannot publish for the leader; the leader publishes.
  EXPECT_EQ(cora.post(path_of(post, "/publish"), nullptr).status, 403);
  auto published = evan.post(path_of(post, "/publish"), nullptr);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()["post"]["state"], "published");
  EXPECT_TRUE(feed_ids(mia).count(post["id"]));
  EXPECT_EQ(evan.post(path_of(post, "/publish"), nullptr).status, 409);
}

TEST_F(RehearsalTest, RequestChangesNeedsACommentOrAnOpenNote) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "A post with nothing said about it yet.", "company", "submit");
  nlohmann::json bare = {{"verdict", "changes_requested"}, {"rubric", rubric()}, {"version", 1}};
  auto refused = cora.post(path_of(post, "/reviews"), bare);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.error_code(), "feedback_required");
  EXPECT_EQ(state_of(evan, post)["state"], "in_review");
  EXPECT_EQ(cora.get(path_of(post, "/reviews")).json()["items"].size(), 0u);
  // A blank comment is no comment.
  auto blank = bare;
  blank["comment"] = "";
  EXPECT_EQ(cora.post(path_of(post, "/reviews"), blank).error_code(), "feedback_required");
  // A resolved note does not count; an open one does.
  auto note = cora.post(path_of(post, "/annotations"),
                        {{"start", 0}, {"end", 6}, {"category", "clarity"}, {"comment", "Which?"}});
  ASSERT_EQ(note.status, 201) << note.body;
  const auto ann =
      "/api/v1/annotations/" + std::to_string(note.json()["annotation"]["id"].get<long long>());
  ASSERT_EQ(evan.post(ann + "/resolve", nullptr).status, 200);
  EXPECT_EQ(cora.post(path_of(post, "/reviews"), bare).error_code(), "feedback_required");
  auto second = cora.post(path_of(post, "/annotations"),
                          {{"start", 7}, {"end", 11}, {"category", "tone"}, {"comment", "Warmer"}});
  ASSERT_EQ(second.status, 201);
  auto ok = cora.post(path_of(post, "/reviews"), bare);
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["post"]["state"], "changes_requested");
  // Or an overall comment alone.
  auto other = make_post(evan, "Another post for the comment case.", "company", "submit");
  auto with_comment = bare;
  with_comment["comment"] = "Lead with the news.";
  EXPECT_EQ(cora.post(path_of(other, "/reviews"), with_comment).status, 201);
}

TEST_F(RehearsalTest, TheApprovingCoachsSuggestionsKeepTheApprovalOtherEditsSendItBack) {
  auto evan = as("evan"), cora = as("cora"), ada = as("ada");
  ASSERT_EQ(ada.put("/api/v1/coaches/" + std::to_string(as("cole").id()) + "/executives/" +
                    std::to_string(evan.id()))
                .status,
            200);
  auto cole = as("cole");
  const std::string text = "We crushed it this year and we will crush it again.";
  auto post = make_post(evan, text, "company", "submit");
  auto note = [&](const Client& coach, const std::string& words, const std::string& rewrite) {
    const auto start = static_cast<long long>(text.find(words));
    auto r = coach.post(path_of(post, "/annotations"),
                        {{"start", start},
                         {"end", start + static_cast<long long>(words.size())},
                         {"category", "tone"},
                         {"comment", "Softer"},
                         {"suggestion", rewrite}});
    EXPECT_EQ(r.status, 201) << r.body;
    return "/api/v1/annotations/" + std::to_string(r.json()["annotation"]["id"].get<long long>());
  };
  const auto coras = note(cora, "crushed it", "did well");
  const auto coles = note(cole, "crush it again", "keep going");
  ASSERT_EQ(cora.post(path_of(post, "/reviews"),
                      {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 1}})
                .status,
            201);
  // The approving coach's own suggestion: applied, still approved, a new version.
  auto applied = evan.post(coras + "/apply", nullptr);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json()["post"]["state"], "approved");
  EXPECT_EQ(applied.json()["post"]["version"], 2);
  EXPECT_EQ(applied.json()["post"]["body"], "We did well this year and we will crush it again.");
  // Another coach's suggestion sends it back to review.
  auto other = evan.post(coles + "/apply", nullptr);
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_EQ(other.json()["post"]["state"], "in_review");
  EXPECT_EQ(evan.post(path_of(post, "/publish"), nullptr).status, 409);
  // Approved again; an edit of the author's own sends it back too, and so does a space move.
  ASSERT_EQ(cora.post(path_of(post, "/reviews"),
                      {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 3}})
                .status,
            201);
  auto edited =
      evan.send("PATCH", path_of(post), R"({"body":"We did well this year. More soon."})", {});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["post"]["state"], "in_review");
  bool queued = false;
  const auto queue = cora.get("/api/v1/reviews/queue").json();
  for (const auto& item : queue["items"]) queued = queued || item["post"]["id"] == post["id"];
  EXPECT_TRUE(queued);
  // An unchanged "edit" changes nothing.
  auto again = approved_post("Steady text that stays approved.");
  EXPECT_EQ(evan.send("PATCH", path_of(again), R"({"body":"Steady text that stays approved."})", {})
                .json()["post"]["state"],
            "approved");
}

// The approval kept by applying the approving coach's own suggestion also lets the leader
// publish that new version (publish checks which version a coach approved).
TEST_F(RehearsalTest, TheVersionMadeByTheApproversOwnSuggestionPublishes) {
  auto evan = as("evan"), cora = as("cora"), mia = as("mia");
  const std::string text = "Our launch went fine and the team was great.";
  auto post = make_post(evan, text, "company", "submit");
  const auto start = static_cast<long long>(text.find("went fine"));
  auto note = cora.post(path_of(post, "/annotations"), {{"start", start},
                                                        {"end", start + 9},
                                                        {"category", "tone"},
                                                        {"comment", "Say it with energy"},
                                                        {"suggestion", "went really well"}});
  ASSERT_EQ(note.status, 201) << note.body;
  ASSERT_EQ(cora.post(path_of(post, "/reviews"),
                      {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 1}})
                .status,
            201);
  const auto aid = note.json()["annotation"]["id"].get<long long>();
  auto applied = evan.post("/api/v1/annotations/" + std::to_string(aid) + "/apply", nullptr);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json()["post"]["state"], "approved");
  EXPECT_EQ(applied.json()["post"]["version"], 2);
  auto published = evan.post(path_of(post, "/publish"), nullptr);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()["post"]["body"],
            "Our launch went really well and the team was great.");
  EXPECT_TRUE(feed_ids(mia).count(post["id"].get<long long>()));
}

TEST_F(RehearsalTest, TheLeaderSchedulesAnApprovedPostAndItPublishesOnTime) {
  auto evan = as("evan"), cora = as("cora"), mia = as("mia");
  auto post = approved_post("Town hall on Thursday: bring your questions.");
  // Bad times are refused and change nothing.
  for (const auto& bad : {std::string("tomorrow"), rfc3339_in(std::chrono::minutes(-1)),
                          rfc3339_in(std::chrono::hours(24 * 400))}) {
    auto r = evan.post(path_of(post, "/schedule"), {{"at", bad}});
    EXPECT_EQ(r.status, 400) << bad << r.body;
    EXPECT_EQ(r.error_code(), "validation_failed");
  }
  EXPECT_EQ(evan.post(path_of(post, "/schedule"), nlohmann::json::object()).status, 400);
  EXPECT_TRUE(state_of(evan, post)["scheduled_at"].is_null());
  // Only the author schedules; a crawl draft cannot be scheduled (it needs review first).
  EXPECT_EQ(
      cora.post(path_of(post, "/schedule"), {{"at", rfc3339_in(std::chrono::hours(1))}}).status,
      403);
  auto draft = make_post(evan, "Draft, not approved.", "company", "draft");
  EXPECT_EQ(evan.post(path_of(draft, "/schedule"), {{"at", rfc3339_in(std::chrono::hours(1))}})
                .error_code(),
            "review_required");
  // Schedule, see it in My posts, cancel it: it stays approved and unpublished.
  auto scheduled =
      evan.post(path_of(post, "/schedule"), {{"at", rfc3339_in(std::chrono::hours(2))}});
  ASSERT_EQ(scheduled.status, 200) << scheduled.body;
  EXPECT_FALSE(scheduled.json()["post"]["scheduled_at"].is_null());
  bool listed = false;
  const auto mine = evan.get("/api/v1/me/posts").json();
  for (const auto& p : mine["items"])
    if (p["id"] == post["id"]) listed = !p["scheduled_at"].is_null();
  EXPECT_TRUE(listed);
  auto cancelled = evan.del(path_of(post, "/schedule"));
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.json()["post"]["scheduled_at"].is_null());
  EXPECT_EQ(cancelled.json()["post"]["state"], "approved");
  EXPECT_EQ(evan.del(path_of(post, "/schedule")).status, 200);  // idempotent
  // Scheduled a moment ahead: the sweep publishes it.
  ASSERT_EQ(
      evan.post(path_of(post, "/schedule"), {{"at", rfc3339_in(std::chrono::milliseconds(1200))}})
          .status,
      200);
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (state_of(evan, post)["state"] != "published" &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto now_post = state_of(evan, post);
  EXPECT_EQ(now_post["state"], "published");
  EXPECT_TRUE(now_post["scheduled_at"].is_null());
  EXPECT_TRUE(feed_ids(mia).count(post["id"]));
}

TEST_F(RehearsalTest, ASchedulePostIsDroppedWhenThePostGoesBackToReview) {
  auto evan = as("evan");
  auto post = approved_post("Scheduled, then edited.");
  ASSERT_EQ(
      evan.post(path_of(post, "/schedule"), {{"at", rfc3339_in(std::chrono::hours(3))}}).status,
      200);
  ASSERT_EQ(
      evan.send("PATCH", path_of(post), R"({"body":"Scheduled, then edited again."})", {}).status,
      200);
  auto now_post = state_of(evan, post);
  EXPECT_EQ(now_post["state"], "in_review");
  EXPECT_TRUE(now_post["scheduled_at"].is_null());
}

TEST(RehearsalRestart, AScheduleThatFallsDueWhileTheServerIsDownPublishesAtStart) {
  ServerOptions opts;
  opts.config = {{"publishing", {{"interval_seconds", 3600}}}};  // only the start sweep can do it
  TestServer server(opts);
  server.add_user("cora", "coach");
  server.add_user("evan", "executive", "crawl", "cora");
  auto post = [&] {
    Client evan(server.port(), "evan"), cora(server.port(), "cora");
    auto created =
        evan.post("/api/v1/posts",
                  {{"body", "Out while we sleep."}, {"space", "company"}, {"action", "submit"}});
    EXPECT_EQ(created.status, 201);
    auto p = created.json()["post"];
    EXPECT_EQ(cora.post(path_of(p, "/reviews"),
                        {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 1}})
                  .status,
              201);
    auto r = evan.post(path_of(p, "/schedule"), {{"at", rfc3339_in(std::chrono::seconds(2))}});
    EXPECT_EQ(r.status, 200) << r.body;
    return p;
  }();
  ASSERT_EQ(server.stop(), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  server.start();
  Client evan(server.port(), "evan");
  auto now_post = evan.get(path_of(post)).json()["post"];
  EXPECT_EQ(now_post["state"], "published") << now_post;
  EXPECT_TRUE(now_post["scheduled_at"].is_null());
  EXPECT_NE(server.log().find("published scheduled posts at start"), std::string::npos);
}

TEST_F(RehearsalTest, AtRunACorrectionChangesThePublishedTextAtOnceAndReadersSeeTheHistory) {
  auto rui = as("rui"), mia = as("mia");
  auto post = make_post(rui, "Results are out on Fridey.");
  EXPECT_EQ(mia.get(path_of(post, "/versions")).status, 404);  // not edited: no history
  auto fixed = rui.post(path_of(post, "/correction"), {{"body", "Results are out on Friday."}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.json()["post"]["body"], "Results are out on Friday.");
  EXPECT_EQ(fixed.json()["post"]["state"], "published");
  EXPECT_EQ(fixed.json()["post"]["version"], 2);
  EXPECT_FALSE(fixed.json()["post"]["edited_at"].is_null());
  EXPECT_TRUE(fixed.json()["correction"].is_null());
  auto seen = mia.get(path_of(post)).json()["post"];
  EXPECT_EQ(seen["body"], "Results are out on Friday.");
  EXPECT_FALSE(seen["edited_at"].is_null());
  auto history = mia.get(path_of(post, "/versions"));
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(history.json()["items"].size(), 2u);
  EXPECT_EQ(history.json()["items"][0]["body"], "Results are out on Fridey.");
  EXPECT_EQ(history.json()["items"][1]["body"], "Results are out on Friday.");
  // Bad corrections change nothing.
  EXPECT_EQ(rui.post(path_of(post, "/correction"), {{"body", "Results are out on Friday."}}).status,
            400);
  EXPECT_EQ(rui.post(path_of(post, "/correction"), {{"body", ""}}).status, 400);
  EXPECT_EQ(mia.post(path_of(post, "/correction"), {{"body", "Hijack"}}).status, 404);
  auto draft = make_post(rui, "Still a draft.", "company", "draft");
  EXPECT_EQ(rui.post(path_of(draft, "/correction"), {{"body", "Other"}}).error_code(),
            "illegal_transition");
  EXPECT_EQ(state_of(rui, post)["version"], 2);
}

TEST_F(RehearsalTest, BelowRunACorrectionGoesThroughReviewWhileThePublishedTextStaysUp) {
  auto wren = as("wren"), cora = as("cora"), evan = as("evan"), mia = as("mia");
  auto post = make_post(wren, "Practice thought: we meet on Mondy.", "practice");
  ASSERT_EQ(post["state"], "published");
  auto sent =
      wren.post(path_of(post, "/correction"), {{"body", "Practice thought: we meet on Monday."}});
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.json()["post"]["body"], "Practice thought: we meet on Mondy.");
  EXPECT_EQ(sent.json()["post"]["correction_state"], "in_review");
  EXPECT_EQ(sent.json()["correction"]["state"], "in_review");
  EXPECT_EQ(sent.json()["correction"]["version"], 2);
  // Readers (the cohort) still see the published text; they do not learn of the correction.
  auto read = evan.get(path_of(post)).json()["post"];
  EXPECT_EQ(read["body"], "Practice thought: we meet on Mondy.");
  EXPECT_TRUE(read["correction_state"].is_null());
  EXPECT_EQ(evan.get(path_of(post, "/versions")).status, 404);
  EXPECT_EQ(mia.get(path_of(post)).status, 404);
  // The coach sees it in the queue and the pending version in the history.
  bool queued = false;
  const auto queue = cora.get("/api/v1/reviews/queue").json();
  for (const auto& item : queue["items"]) queued = queued || item["post"]["id"] == post["id"];
  EXPECT_TRUE(queued);
  auto versions = cora.get(path_of(post, "/versions")).json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1]["pending"], true);
  EXPECT_EQ(versions[1]["body"], "Practice thought: we meet on Monday.");
  // A second correction while one is in review is refused; publishing it too.
  EXPECT_EQ(wren.post(path_of(post, "/correction"), {{"body", "Another"}}).status, 409);
  EXPECT_EQ(wren.post(path_of(post, "/correction/publish"), nullptr).status, 409);
  // Changes requested needs a comment; then the author revises and the coach approves.
  nlohmann::json changes = {{"verdict", "changes_requested"}, {"rubric", rubric()}, {"version", 2}};
  EXPECT_EQ(cora.post(path_of(post, "/reviews"), changes).error_code(), "feedback_required");
  changes["comment"] = "Say which Monday.";
  ASSERT_EQ(cora.post(path_of(post, "/reviews"), changes).status, 201);
  EXPECT_EQ(wren.get(path_of(post)).json()["post"]["correction_state"], "changes_requested");
  const std::string v2 = "Practice thought: we meet on Monday the 7th.";
  ASSERT_EQ(wren.post(path_of(post, "/correction"), {{"body", v2}}).status, 200);
  auto approve = cora.post(path_of(post, "/reviews"),
                           {{"verdict", "approve"}, {"rubric", rubric()}, {"version", 2}});
  ASSERT_EQ(approve.status, 201) << approve.body;
  EXPECT_EQ(approve.json()["post"]["state"], "published");
  EXPECT_EQ(evan.get(path_of(post)).json()["post"]["body"], "Practice thought: we meet on Mondy.");
  // The leader publishes the correction: the live text changes, marked edited.
  auto out = wren.post(path_of(post, "/correction/publish"), nullptr);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(out.json()["post"]["body"], v2);
  EXPECT_EQ(out.json()["post"]["version"], 2);
  EXPECT_TRUE(out.json()["correction"].is_null());
  auto now_read = evan.get(path_of(post)).json()["post"];
  EXPECT_EQ(now_read["body"], v2);
  EXPECT_FALSE(now_read["edited_at"].is_null());
  auto history = evan.get(path_of(post, "/versions")).json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["pending"], false);
  // A correction can be withdrawn; nothing of it stays.
  ASSERT_EQ(wren.post(path_of(post, "/correction"), {{"body", "Withdrawn soon."}}).status, 200);
  auto gone = wren.del(path_of(post, "/correction"));
  ASSERT_EQ(gone.status, 200);
  EXPECT_TRUE(gone.json()["correction"].is_null());
  EXPECT_EQ(wren.get(path_of(post, "/versions")).json()["items"].size(), 2u);
}

TEST_F(RehearsalTest, PolicyVersionsAreListedWithWhoSavedThemAndRollBackToANewVersion) {
  auto ada = as("ada"), cora = as("cora"), mia = as("mia");
  auto current = ada.get("/api/v1/policy").json();
  const auto v1 = current["version"].get<long long>();
  auto updated = current["policy"];
  updated["banned_terms"]["terms"].push_back("synergy");
  ASSERT_EQ(ada.put("/api/v1/policy", {{"policy", updated}}).status, 200);
  EXPECT_EQ(mia.post("/api/v1/lint", {{"body", "Pure synergy"}}).json()["findings"].size(), 1u);

  auto list = mia.get("/api/v1/policy/versions");
  ASSERT_EQ(list.status, 200) << list.body;
  auto items = list.json()["items"];
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(items[0]["version"], v1 + 1);  // newest first
  EXPECT_EQ(items[0]["created_by"]["username"], "ada");
  auto old = mia.get("/api/v1/policy/versions/" + std::to_string(v1));
  ASSERT_EQ(old.status, 200);
  EXPECT_EQ(old.json()["policy"]["banned_terms"], current["policy"]["banned_terms"]);
  EXPECT_EQ(mia.get("/api/v1/policy/versions/9999").status, 404);

  // Only admins roll back; an unknown version is 404 and changes nothing.
  const auto rollback = "/api/v1/policy/versions/" + std::to_string(v1) + "/rollback";
  EXPECT_EQ(cora.post(rollback, nullptr).status, 403);
  EXPECT_EQ(ada.post("/api/v1/policy/versions/9999/rollback", nullptr).status, 404);
  EXPECT_EQ(ada.get("/api/v1/policy").json()["version"], v1 + 1);
  auto rolled = ada.post(rollback, nullptr);
  ASSERT_EQ(rolled.status, 200) << rolled.body;
  EXPECT_EQ(rolled.json()["version"], v1 + 2);  // a new version, equal to the old one
  EXPECT_EQ(rolled.json()["rolled_back_to"], v1);
  auto now_policy = ada.get("/api/v1/policy").json();
  EXPECT_EQ(now_policy["version"], v1 + 2);
  auto expected = current["policy"];
  expected["version"] = v1 + 2;
  EXPECT_EQ(now_policy["policy"], expected);
  EXPECT_EQ(mia.post("/api/v1/lint", {{"body", "Pure synergy"}}).json()["findings"].size(), 0u);
  EXPECT_EQ(mia.get("/api/v1/policy/versions").json()["items"].size(), items.size() + 1);
}

TEST_F(RehearsalTest, APolicyChangeNotifiesEveryCoachWithTheVersion) {
  auto ada = as("ada"), cora = as("cora"), cole = as("cole"), mia = as("mia");
  auto policy = ada.get("/api/v1/policy").json();
  auto updated = policy["policy"];
  updated["banned_terms"]["terms"].push_back("paradigm");
  auto saved = ada.put("/api/v1/policy", {{"policy", updated}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto version = saved.json()["version"];

  for (auto* coach : {&cora, &cole}) {
    auto items = coach->get("/api/v1/notifications?limit=5").json()["items"];
    ASSERT_FALSE(items.empty());
    EXPECT_EQ(items[0]["kind"], "policy_changed");
    EXPECT_EQ(items[0]["target"], (nlohmann::json{{"type", "policy_version"}, {"id", version}}));
    EXPECT_NE(items[0]["message"].get<std::string>().find(version.dump()), std::string::npos);
    EXPECT_TRUE(items[0]["post_id"].is_null());
  }
  // Members and the admin who made the change are not told.
  for (const auto& n : mia.get("/api/v1/notifications?limit=50").json()["items"])
    EXPECT_NE(n["kind"], "policy_changed");
  for (const auto& n : ada.get("/api/v1/notifications?limit=50").json()["items"])
    EXPECT_NE(n["kind"], "policy_changed");
}

TEST_F(RehearsalTest, UnreadCountsLeaveOutNoticesAboutPostsTheReaderCanNoLongerSee) {
  server_->add_user("cyra", "coach");  // a coach with no notices yet
  auto ada = as("ada"), cole = as("cyra"), evan = as("evan");
  const auto cole_id = cole.get("/api/v1/me").json()["user"]["id"].get<long long>();
  const auto evan_id = evan.get("/api/v1/me").json()["user"]["id"].get<long long>();
  const auto pairing =
      "/api/v1/coaches/" + std::to_string(cole_id) + "/executives/" + std::to_string(evan_id);
  ASSERT_LT(ada.put(pairing, nlohmann::json::object()).status, 300);
  auto unread = [&] {
    auto n = cole.get("/api/v1/notifications?limit=100").json();
    EXPECT_EQ(cole.get("/api/v1/me").json()["unread_notifications"], n["unread_count"]);
    return n["unread_count"].get<long long>();
  };
  const auto before = unread();
  EXPECT_EQ(before, 0);
  auto post = make_post(evan, "Proud of the Lisbon team for a calm, careful launch week.",
                        "company", "submit");
  EXPECT_EQ(unread(), before + 1);  // cole, now one of evan's coaches, is asked to review

  // Unassigned, cole may no longer see the post: the notice is neither listed nor counted.
  ASSERT_LT(ada.del(pairing).status, 300);
  EXPECT_EQ(unread(), before);
  for (const auto& n : cole.get("/api/v1/notifications?limit=100").json()["items"])
    EXPECT_NE(n["post_id"], post["id"]);
  auto marked = cole.post("/api/v1/notifications/read", {{"all", true}});
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(marked.json()["unread_count"], 0);
}

}  // namespace
}  // namespace greenroom::test
