// No way around review (issue 10): a move to another space is a new version that needs a
// verdict naming it; replies go through the golden rules, and a Crawl executive's company
// reply through the coach; invisible characters do not hide a word; and callers who may not
// know an object exists get 404, never 403.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

const std::string kZwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE
const std::string kShy = "\xC2\xAD";       // U+00AD SOFT HYPHEN

class ReviewBypassTest : public ApiTest {
 protected:
  static nlohmann::json rubric() {
    return {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}};
  }
  static nlohmann::json verdict(const std::string& v, std::optional<long long> version) {
    nlohmann::json body = {{"verdict", v}, {"rubric", rubric()}};
    if (version) body["version"] = *version;
    return body;
  }
  static std::string reply_path(const nlohmann::json& reply, const std::string& suffix = "") {
    return "/api/v1/replies/" + std::to_string(reply["id"].get<long long>()) + suffix;
  }
  static std::set<long long> feed_ids(const Client& c, const std::string& space = "company") {
    std::set<long long> ids;
    const auto feed = c.get("/api/v1/feed?space=" + space + "&limit=100").json();
    for (const auto& p : feed["items"]) ids.insert(p["id"].get<long long>());
    return ids;
  }
  static std::set<long long> reply_ids(const Client& c, const nlohmann::json& post) {
    std::set<long long> ids;
    auto r = c.get(path_of(post));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto thread = r.json();
    for (const auto& reply : thread["replies"]) ids.insert(reply["id"].get<long long>());
    return ids;
  }
  static nlohmann::json queued_reply(const Client& coach, const nlohmann::json& reply) {
    const auto queue = coach.get("/api/v1/reviews/queue").json();  // kept alive while iterated
    for (const auto& item : queue["items"])
      if (item["kind"] == "reply" && item["reply"]["id"] == reply["id"]) return item;
    return nullptr;
  }
};

TEST_F(ReviewBypassTest, ASpaceMoveIsANewVersionAndTheOldApprovalCannotPublishIt) {
  auto wren = as("wren"), cora = as("cora"), mia = as("mia");
  // A Walk executive sends a practice post for review...
  auto post = make_post(wren, "Trying out a thought on our roadmap", "practice", "submit");
  ASSERT_EQ(post["state"], "in_review");
  ASSERT_EQ(post["version"], 1);
  // ...then withdraws it and moves it to the company space while the coach reads version 1.
  ASSERT_EQ(wren.post(path_of(post, "/withdraw"), nullptr).status, 200);
  auto moved = wren.send("PATCH", path_of(post), R"({"space":"company"})", {});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["post"]["space"], "company");
  EXPECT_EQ(moved.json()["post"]["version"], 2);
  // The history records both versions with the space each had.
  auto versions = wren.get(path_of(post, "/versions")).json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["space"], "practice");
  EXPECT_EQ(versions[1]["space"], "company");
  EXPECT_EQ(versions[1]["body"], "Trying out a thought on our roadmap");
  // Publishing to company directly is not allowed at Walk; it goes back to review.
  EXPECT_EQ(wren.post(path_of(post, "/publish"), nullptr).error_code(), "review_required");
  ASSERT_EQ(wren.post(path_of(post, "/submit"), nullptr).status, 200);
  // The coach's approval of the version they read (the practice one) cannot publish it.
  auto stale = cora.post(path_of(post, "/reviews"), verdict("approve", 1));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.error_code(), "stale_version");
  EXPECT_EQ(wren.get(path_of(post)).json()["post"]["state"], "in_review");
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  EXPECT_EQ(mia.get(path_of(post)).status, 404);
  // Approving the version that is in the company space lets the leader publish it there
  // (approval moves it to `approved`; it is not out until she publishes).
  auto fresh = cora.post(path_of(post, "/reviews"), verdict("approve", 2));
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_EQ(fresh.json()["review"]["version"], 2);
  EXPECT_EQ(fresh.json()["post"]["state"], "approved");
  EXPECT_FALSE(feed_ids(mia).count(post["id"]));
  auto published = wren.post(path_of(post, "/publish"), nullptr);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()["post"]["state"], "published");
  EXPECT_EQ(published.json()["post"]["space"], "company");
  EXPECT_TRUE(feed_ids(mia).count(post["id"]));
}

TEST_F(ReviewBypassTest, AMoveAfterChangesWereRequestedIsReviewedAgain) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "A practice note about the offsite", "practice", "submit");
  auto changes = verdict("changes_requested", 1);
  changes["comment"] = "Say which offsite you mean.";
  ASSERT_EQ(cora.post(path_of(post, "/reviews"), changes).status, 201);
  auto moved = evan.send("PATCH", path_of(post), R"({"space":"company","body":"A note"})", {});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["post"]["version"], 2);  // one change, one version
  ASSERT_EQ(evan.post(path_of(post, "/submit"), nullptr).status, 200);
  EXPECT_EQ(cora.post(path_of(post, "/reviews"), verdict("approve", 1)).status, 409);
  auto versions = evan.get(path_of(post, "/versions")).json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1]["space"], "company");
}

TEST_F(ReviewBypassTest, AVerdictMustNameTheVersionTheCoachRead) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "Please look at this one", "company", "submit");
  auto missing = cora.post(path_of(post, "/reviews"), verdict("approve", std::nullopt));
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(missing.error_code(), "validation_failed");
  auto wrong_type = cora.post(path_of(post, "/reviews"),
                              {{"verdict", "approve"}, {"rubric", rubric()}, {"version", "1"}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(evan.get(path_of(post)).json()["post"]["state"], "in_review");
  EXPECT_EQ(evan.get(path_of(post, "/reviews")).json()["items"].size(), 0u);
  EXPECT_EQ(cora.post(path_of(post, "/reviews"), verdict("approve", 1)).status, 201);
}

TEST_F(ReviewBypassTest, RepliesAreCheckedByTheGoldenRules) {
  auto rui = as("rui");
  auto post = make_post(as("mia"), "Open thread: what should we celebrate this month?");
  auto confidential = rui.post(path_of(post, "/replies"), {{"body", "Project Falcon closes!"}});
  ASSERT_EQ(confidential.status, 422) << confidential.body;
  EXPECT_EQ(confidential.error_code(), "policy_violation");
  auto findings = confidential.json()["error"]["findings"];
  ASSERT_GE(findings.size(), 1u);
  EXPECT_EQ(findings[0]["rule"], "confidential_terms");
  EXPECT_EQ(findings[0]["start"], 0);
  EXPECT_EQ(findings[0]["end"], 14);
  auto email = rui.post(path_of(post, "/replies"), {{"body", "Ask jo@example.com for it"}});
  ASSERT_EQ(email.status, 422);
  EXPECT_EQ(email.json()["error"]["findings"][0]["rule"], "personal_data");
  // Hidden behind invisible characters, too.
  auto hidden =
      rui.post(path_of(post, "/replies"), {{"body", "Mail rui" + kZwsp + "@example.com"}});
  EXPECT_EQ(hidden.status, 422) << hidden.body;
  auto rude = rui.post(path_of(post, "/replies"), {{"body", "That is sh" + kShy + "it"}});
  EXPECT_EQ(rude.status, 422) << rude.body;
  // Nothing was added.
  auto after = rui.get(path_of(post)).json();
  EXPECT_EQ(after["replies"].size(), 0u);
  EXPECT_EQ(after["post"]["reply_count"], 0);
  EXPECT_EQ(rui.post(path_of(post, "/replies"), {{"body", "The launch, clearly."}}).status, 201);
}

TEST_F(ReviewBypassTest, ACrawlCompanyReplyIsHeldForTheCoachUntilApproved) {
  auto evan = as("evan"), cora = as("cora"), cole = as("cole"), mia = as("mia"), wren = as("wren"),
       mo = as("mo");
  auto post = make_post(mia, "Who is joining the charity run on Saturday?");
  auto r = evan.post(path_of(post, "/replies"), {{"body", "Count me in, I will bring water."}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto reply = r.json()["reply"];
  EXPECT_EQ(reply["review_state"], "in_review");
  EXPECT_EQ(reply["version"], 1);
  const long long rid = reply["id"];

  // Only the author and the author's coaches see it; it does not count yet.
  EXPECT_TRUE(reply_ids(evan, post).count(rid));
  EXPECT_TRUE(reply_ids(cora, post).count(rid));
  for (auto* other : {&mia, &cole, &wren, &mo}) EXPECT_FALSE(reply_ids(*other, post).count(rid));
  EXPECT_EQ(mia.get(path_of(post)).json()["post"]["reply_count"], 0);

  // It is in the coach's queue with the post it answers, not in another coach's.
  auto item = queued_reply(cora, reply);
  ASSERT_FALSE(item.is_null());
  EXPECT_EQ(item["post"]["id"], post["id"]);
  EXPECT_GE(item["waiting_seconds"].get<long long>(), 0);
  EXPECT_TRUE(queued_reply(cole, reply).is_null());

  // The coach annotates it; the author reads the note; outsiders get 404.
  auto note = cora.post(reply_path(reply, "/annotations"), {{"start", 0},
                                                            {"end", 11},
                                                            {"quote", "Count me in"},
                                                            {"category", "praise"},
                                                            {"comment", "Warm and short."}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(note.json()["annotation"]["reply_id"], rid);
  auto notes = evan.get(reply_path(reply, "/annotations"));
  ASSERT_EQ(notes.status, 200);
  EXPECT_EQ(notes.json()["items"].size(), 1u);
  EXPECT_EQ(cora.get(path_of(post, "/annotations")).status, 404);  // mia's post, not coached
  for (auto* other : {&mia, &cole, &wren}) {
    EXPECT_EQ(other->get(reply_path(reply, "/annotations")).status, 404);
    EXPECT_EQ(other->get(reply_path(reply, "/reviews")).status, 404);
    EXPECT_EQ(other->post(reply_path(reply, "/reviews"), verdict("approve", 1)).status, 404);
  }
  // The author cannot approve their own reply (they know it exists: 403).
  EXPECT_EQ(evan.post(reply_path(reply, "/reviews"), verdict("approve", 1)).status, 403);
  EXPECT_EQ(cora.post(reply_path(reply, "/reviews"), verdict("approve", std::nullopt)).status, 400);
  EXPECT_FALSE(reply_ids(mia, post).count(rid));

  // Approved: now everyone who sees the post sees it, and it counts once.
  auto approved = cora.post(reply_path(reply, "/reviews"), verdict("approve", 1));
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(approved.json()["reply"]["review_state"], "approved");
  EXPECT_EQ(approved.json()["review"]["reply_id"], rid);
  EXPECT_TRUE(reply_ids(mia, post).count(rid));
  EXPECT_TRUE(reply_ids(cole, post).count(rid));
  EXPECT_EQ(mia.get(path_of(post)).json()["post"]["reply_count"], 1);
  EXPECT_TRUE(queued_reply(cora, reply).is_null());
  EXPECT_EQ(cora.post(reply_path(reply, "/reviews"), verdict("approve", 1)).status, 409);
  EXPECT_EQ(mia.get(path_of(post)).json()["post"]["reply_count"], 1);
  EXPECT_EQ(evan.get(reply_path(reply, "/reviews")).json()["items"].size(), 1u);
}

TEST_F(ReviewBypassTest, AHeldReplyWithChangesRequestedIsRevisedAndReviewedAgain) {
  auto xena = as("xena"), cole = as("cole"), mia = as("mia");
  auto post = make_post(mia, "Ideas for the next town hall?");
  auto reply =
      xena.post(path_of(post, "/replies"), {{"body", "More time for questions"}}).json()["reply"];
  ASSERT_EQ(reply["review_state"], "in_review");
  // Not editable while in review; the verdict asks for changes.
  EXPECT_EQ(xena.send("PATCH", reply_path(reply), R"({"body":"x"})", {}).status, 409);
  auto changes = cole.post(reply_path(reply, "/reviews"), verdict("changes_requested", 1));
  ASSERT_EQ(changes.status, 201) << changes.body;
  EXPECT_EQ(changes.json()["reply"]["review_state"], "changes_requested");
  EXPECT_FALSE(reply_ids(mia, post).count(reply["id"]));
  // The coach may not rewrite it; the golden rules apply to the revision.
  EXPECT_EQ(cole.send("PATCH", reply_path(reply), R"({"body":"x"})", {}).status, 403);
  EXPECT_EQ(mia.send("PATCH", reply_path(reply), R"({"body":"x"})", {}).status, 404);
  EXPECT_EQ(
      xena.send("PATCH", reply_path(reply), R"({"body":"Ask about project falcon"})", {}).status,
      422);
  auto revised = xena.send("PATCH", reply_path(reply),
                           R"({"body":"More time for questions from the floor"})", {});
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.json()["reply"]["version"], 2);
  EXPECT_EQ(revised.json()["reply"]["review_state"], "in_review");
  EXPECT_EQ(cole.post(reply_path(reply, "/reviews"), verdict("approve", 1)).error_code(),
            "stale_version");
  ASSERT_EQ(cole.post(reply_path(reply, "/reviews"), verdict("approve", 2)).status, 201);
  auto seen = mia.get(path_of(post)).json();
  ASSERT_EQ(seen["replies"].size(), 1u);
  EXPECT_EQ(seen["replies"][0]["body"], "More time for questions from the floor");
  EXPECT_EQ(seen["post"]["reply_count"], 1);
}

TEST_F(ReviewBypassTest, OnlyCrawlCompanyRepliesAreHeld) {
  auto mia = as("mia");
  auto company = make_post(mia, "Good morning everyone");
  auto walk = as("wren").post(path_of(company, "/replies"), {{"body", "Morning!"}});
  ASSERT_EQ(walk.status, 201);
  EXPECT_EQ(walk.json()["reply"]["review_state"], "none");
  auto member = as("max").post(path_of(company, "/replies"), {{"body", "Hello"}});
  EXPECT_EQ(member.json()["reply"]["review_state"], "none");
  auto practice = make_post(as("rui"), "Practice thought for the cohort", "practice");
  auto crawl = as("evan").post(path_of(practice, "/replies"), {{"body", "Nice one"}});
  ASSERT_EQ(crawl.status, 201) << crawl.body;
  EXPECT_EQ(crawl.json()["reply"]["review_state"], "none");
  EXPECT_EQ(mia.get(path_of(company)).json()["post"]["reply_count"], 2);
}

TEST_F(ReviewBypassTest, AZeroWidthSpaceDoesNotSneakAPostPastSubmitOrPublish) {
  const std::string body = "Big news on project" + kZwsp + "falcon next week";
  auto direct = as("rui").post("/api/v1/posts", {{"body", body}, {"space", "company"}});
  ASSERT_EQ(direct.status, 422) << direct.body;
  auto findings = direct.json()["error"]["findings"];
  ASSERT_GE(findings.size(), 1u);
  EXPECT_EQ(findings[0]["rule"], "confidential_terms");
  EXPECT_EQ(findings[0]["start"], 12);  // offsets on the text as written, the ZWSP included
  EXPECT_EQ(findings[0]["end"], 26);
  auto evan = as("evan");
  auto draft = make_post(evan, body, "company", "draft");
  EXPECT_EQ(evan.post(path_of(draft, "/submit"), nullptr).status, 422);
  EXPECT_EQ(evan.get(path_of(draft)).json()["post"]["state"], "draft");
  auto rui_draft = make_post(as("rui"), "sh" + kShy + "it happens", "company", "draft");
  EXPECT_EQ(as("rui").post(path_of(rui_draft, "/publish"), nullptr).status, 422);
  auto lint = evan.post("/api/v1/lint", {{"body", "mail rui" + kZwsp + "@example.com"}});
  ASSERT_EQ(lint.status, 200);
  auto lint_findings = lint.json()["findings"];
  ASSERT_EQ(lint_findings.size(), 1u);
  EXPECT_EQ(lint_findings[0]["rule"], "personal_data");
  EXPECT_EQ(lint_findings[0]["start"], 5);
  EXPECT_EQ(lint_findings[0]["end"], 21);
}

TEST_F(ReviewBypassTest, CallersWhoMayNotKnowAnObjectGet404Not403) {
  auto cole = as("cole"), mia = as("mia"), evan = as("evan"), cora = as("cora");
  const auto evan_id = std::to_string(evan.id());
  // Training level: another coach, a member and a stranger id all look the same.
  auto level = [](const Client& c, const std::string& id) {
    return c.put("/api/v1/users/" + id + "/level", {{"level", "run"}});
  };
  EXPECT_EQ(level(cole, evan_id).status, 404);
  EXPECT_EQ(level(mia, evan_id).status, 404);
  EXPECT_EQ(level(mia, "987654").status, 404);
  EXPECT_EQ(level(cole, "987654").error_code(), "not_found");
  EXPECT_EQ(level(evan, evan_id).status, 403);       // knows themself
  EXPECT_EQ(level(as("ada"), evan_id).status, 403);  // an admin knows every user
  EXPECT_EQ(level(as("ada"), "987654").status, 404);
  // Goals of another coach's executive.
  EXPECT_EQ(cole.get("/api/v1/goals?executive_id=" + evan_id).status, 404);
  EXPECT_EQ(mia.get("/api/v1/goals?executive_id=" + evan_id).status, 404);
  EXPECT_EQ(cole.get("/api/v1/goals?executive_id=987654").status, 404);
  EXPECT_EQ(cora.get("/api/v1/goals?executive_id=" + evan_id).status, 200);
  nlohmann::json goal = {{"executive_id", evan.id()}, {"title", "Two company posts"},
                         {"metric", "company_posts"}, {"target", 2},
                         {"term", "short"},           {"due_at", in_days(20)}};
  EXPECT_EQ(cole.post("/api/v1/goals", goal).status, 404);
  auto created = cora.post("/api/v1/goals", goal);
  ASSERT_EQ(created.status, 201);
  const auto goal_path =
      "/api/v1/goals/" + std::to_string(created.json()["goal"]["id"].get<long long>());
  EXPECT_EQ(cole.del(goal_path).status, 404);
  EXPECT_EQ(mia.del(goal_path).status, 404);
  // Posts and their coaching routes for outsiders.
  auto draft = make_post(evan, "Just for my coach", "company", "draft");
  for (const auto& sub : {"", "/versions", "/annotations", "/reviews"})
    EXPECT_EQ(cole.get(path_of(draft, sub)).status, 404) << sub;
  EXPECT_EQ(cole.send("PATCH", path_of(draft), R"({"space":"practice"})", {}).status, 404);
  EXPECT_EQ(cole.post(path_of(draft, "/submit"), nullptr).status, 404);
  EXPECT_EQ(cole.post(path_of(draft, "/publish"), nullptr).status, 404);
  EXPECT_EQ(cole.post(path_of(draft, "/withdraw"), nullptr).status, 404);
  EXPECT_EQ(mia.post(path_of(draft, "/replies"), {{"body", "hi"}}).status, 404);
  EXPECT_EQ(mia.put(path_of(draft, "/like")).status, 404);
  // Replies: a held one and one that does not exist look the same to an outsider.
  auto post = make_post(mia, "Anyone for lunch?");
  auto held = evan.post(path_of(post, "/replies"), {{"body", "Yes please"}}).json()["reply"];
  for (const auto& path : {reply_path(held), std::string("/api/v1/replies/987654")}) {
    EXPECT_EQ(mia.send("PATCH", path, R"({"body":"x"})", {}).status, 404) << path;
    EXPECT_EQ(mia.get(path + "/annotations").status, 404) << path;
    EXPECT_EQ(cole.post(path + "/annotations",
                        {{"start", 0}, {"end", 3}, {"category", "tone"}, {"comment", "x"}})
                  .status,
              404)
        << path;
  }
  // The coach's own executive, the caller knows: 403 where the role does not allow it.
  EXPECT_EQ(evan.post(reply_path(held, "/annotations"),
                      {{"start", 0}, {"end", 3}, {"category", "tone"}, {"comment", "x"}})
                .status,
            403);
}

}  // namespace
}  // namespace greenroom::test
