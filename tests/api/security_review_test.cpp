// A security review as a signed-in member, executive or coach would attack: live sockets that
// outlive the session or account that opened them, Atom feeds a single post can break,
// search queries that try to reach FTS5's own syntax, and the anonymity of blog questions on
// the paths the blog tests do not walk (profiles, the asker's own feeds, reports, errors).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <functional>
#include <memory>

#include "fixture.hpp"
#include "ws_client.hpp"

namespace greenroom::test {
namespace {

std::unique_ptr<WsClient> open_live(std::uint16_t port, const Client& c) {
  auto ws = std::make_unique<WsClient>(
      port, WsOptions{"gr_session=" + c.cookie(), std::nullopt, "/api/v1/live"});
  EXPECT_EQ(ws->status(), 101) << ws->refusal_body();
  EXPECT_TRUE(ws->next_of("hello"));
  return ws;
}

// Whether the socket is still open and served: a ping is answered.
bool answers_ping(WsClient& ws) {
  ws.send(R"({"type":"ping"})");
  return ws.next_of("pong", 2000).has_value();
}

class SecurityReviewTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("sam_disabled", "member");
    server().add_user("moe_demoted", "moderator");
    server().add_user("lou_logout", "member");
    server().add_user("tia_two", "member");
    server().add_user("pat_password", "member");
    server().add_user("anya_asker", "executive", "run", "cora");
    server().add_user("una_coach", "coach");
    server().add_user("eli_exec", "executive", "run", "una_coach");
  }
  static std::string token_of(const Client& c) {
    auto made = c.post("/api/v1/me/feed-token", nlohmann::json::object());
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json()["token"].get<std::string>();
  }
  static HttpResponse patch_user(const std::string& username, const nlohmann::json& body) {
    return as("ada").send("PATCH", "/api/v1/users/" + std::to_string(as(username).id()),
                          body.dump(), {});
  }
};

// --- Live: a socket lives no longer than the session and the account that opened it ---

TEST_F(SecurityReviewTest, ADisabledUsersLiveSocketIsClosedAndHearsNothingMore) {
  auto sam = as("sam_disabled");
  auto ws = open_live(port(), sam);
  auto r = patch_user("sam_disabled", {{"disabled", true}});
  ASSERT_EQ(r.status, 200) << r.body;
  // Company posts published after the account was disabled never reach the old socket.
  make_post(as("mia"), "Published after sam was disabled.");
  std::optional<nlohmann::json> got;
  while ((got = ws->next(1500)))
    EXPECT_NE((*got)["type"], "post.published") << "a disabled user still hears: " << got->dump();
  EXPECT_TRUE(ws->closed());
  EXPECT_EQ(ws->close_code(), 4001);
}

TEST_F(SecurityReviewTest, ADemotedModeratorsLiveSocketIsClosed) {
  auto moe = as("moe_demoted");
  auto ws = open_live(port(), moe);
  ASSERT_TRUE(answers_ping(*ws));
  auto r = patch_user("moe_demoted", {{"role", "member"}});
  ASSERT_EQ(r.status, 200) << r.body;
  // Still a moderator's socket, it would hear of hidden posts and pending questions.
  EXPECT_TRUE(ws->wait_closed(3000)) << "the demoted moderator's socket stayed open";
  EXPECT_EQ(ws->close_code(), 4001);
}

TEST_F(SecurityReviewTest, SigningOutClosesThatSessionsSocketOnly) {
  auto tab = as("lou_logout");
  auto other = as("lou_logout");  // a second session (another browser)
  auto ws = open_live(port(), tab);
  auto ws_other = open_live(port(), other);
  ASSERT_EQ(tab.post("/api/v1/auth/logout", nlohmann::json::object()).status, 200);
  EXPECT_TRUE(ws->wait_closed(3000)) << "the signed-out session's socket stayed open";
  EXPECT_EQ(ws->close_code(), 4001);
  EXPECT_TRUE(answers_ping(*ws_other));
}

TEST_F(SecurityReviewTest, EndingSessionsFromTheListClosesTheirSockets) {
  auto keep = as("tia_two");
  auto lost = as("tia_two");
  auto ws_keep = open_live(port(), keep);
  auto ws_lost = open_live(port(), lost);
  ASSERT_EQ(keep.del("/api/v1/me/sessions").status, 200);
  EXPECT_TRUE(ws_lost->wait_closed(3000)) << "an ended session's socket stayed open";
  EXPECT_EQ(ws_lost->close_code(), 4001);
  EXPECT_TRUE(answers_ping(*ws_keep));
  // One session by its public id.
  auto third = as("tia_two");
  auto ws_third = open_live(port(), third);
  std::string third_id;
  auto sessions = third.get("/api/v1/me/sessions");
  const auto listed = sessions.json();
  for (const auto& s : listed["items"])
    if (s["current"].get<bool>()) third_id = s["id"].get<std::string>();
  ASSERT_FALSE(third_id.empty()) << sessions.body;
  ASSERT_EQ(keep.del("/api/v1/me/sessions/" + third_id).status, 200);
  EXPECT_TRUE(ws_third->wait_closed(3000));
  EXPECT_TRUE(answers_ping(*ws_keep));
}

TEST_F(SecurityReviewTest, AChangedPasswordClosesTheOtherSessionsSockets) {
  auto keep = as("pat_password");
  auto lost = as("pat_password");
  auto ws_keep = open_live(port(), keep);
  auto ws_lost = open_live(port(), lost);
  auto r = keep.put("/api/v1/me/password",
                    {{"current_password", kPassword}, {"new_password", "a-new-long-passphrase-9"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(ws_lost->wait_closed(3000));
  EXPECT_TRUE(answers_ping(*ws_keep));
}

TEST_F(SecurityReviewTest, AnUnassignedCoachHearsNoMoreOfTheExecutivesPracticePosts) {
  auto una = as("una_coach");
  auto eli = as("eli_exec");
  auto ws = open_live(port(), una);
  auto first = make_post(eli, "Practice while coached.", "practice");
  auto ev = ws->next_of("post.published");
  ASSERT_TRUE(ev);
  EXPECT_EQ((*ev)["post_id"], first["id"]);
  auto path =
      "/api/v1/coaches/" + std::to_string(una.id()) + "/executives/" + std::to_string(eli.id());
  ASSERT_EQ(as("ada").del(path).status, 200);
  auto second = make_post(eli, "Practice after the coach left.", "practice");
  auto marker = make_post(as("mia"), "A company marker after the practice post.");
  std::optional<nlohmann::json> got;
  while ((got = ws->next(2000))) {
    EXPECT_NE((*got)["post_id"], second["id"]) << "the former coach heard: " << got->dump();
    if ((*got)["type"] == "post.published" && (*got)["post_id"] == marker["id"]) break;
  }
  EXPECT_TRUE(got) << "the company marker never came";
  EXPECT_EQ(una.get(path_of(second)).status, 404);
}

// --- Atom: one member's post cannot make everyone's feed unreadable ---

TEST_F(SecurityReviewTest, AtomStaysWellFormedXmlWithNoncharactersInAPost) {
  // U+FFFE and U+FFFF are valid UTF-8 (posts accept them) but not XML 1.0 characters.
  const std::string body =
      "Budget \xEF\xBF\xBF"
      "day \xEF\xBF\xBE"
      "notes";
  make_post(as("mia"), body);
  auto r = http_request(port(), "GET", "/feeds/" + token_of(as("max")) + "/company.atom", "", {});
  ASSERT_EQ(r.status, 200) << r.body;
  xmlDocPtr doc = xmlReadMemory(r.body.data(), static_cast<int>(r.body.size()), "feed.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ASSERT_NE(doc, nullptr) << "the company feed is not well-formed XML";
  xmlFreeDoc(doc);
  EXPECT_NE(r.body.find("Budget day notes"), std::string::npos);
}

// --- Search: query syntax never reaches FTS5, and a bad query is a 400, never a 500 ---

TEST_F(SecurityReviewTest, SearchSyntaxIsLiteralAndBadQueriesAre400) {
  make_post(as("mia"), "Zanzibar quokka logistics update");
  auto mia = as("mia");
  auto q = [&](const std::string& enc) { return mia.get("/api/v1/search?q=" + enc); };
  // FTS5 operators and column filters are words, not syntax: none widens or breaks a search.
  for (std::string s : {"body%3Azanzibar",
                        "kind%3Apost",
                        "zanzibar%20NEAR%20quokka",
                        "NEAR(zanzibar%20quokka)",
                        "%5Ezanzibar",
                        "zanzibar%20OR%20nothing",
                        "(zanzibar)",
                        "zanzibar%20AND%20NOT%20x",
                        "%7Bbody%7D%3Azanzibar",
                        "item_id%3A1",
                        "zanzibar%00quokka",
                        "*",
                        "-",
                        "%22%22",
                        "%22",
                        "zan%22zibar",
                        "%22zanzibar",
                        "-zanzibar",
                        "zanzi*bar",
                        "%22%22%22%22"}) {
    auto r = q(s);
    EXPECT_TRUE(r.status == 200 || r.status == 400) << s << ": " << r.status << " " << r.body;
    if (r.status == 400) {
      EXPECT_EQ(r.error_code(), "bad_query") << s;
    }
  }
  EXPECT_EQ(q("zanzibar%20OR%20nothing").json()["items"].size(), 0u);  // OR is a word here
  EXPECT_EQ(q("zanzibar%20quokka").json()["items"].size(), 1u);
  EXPECT_EQ(q(std::string(600, 'a')).status, 400);
  std::string many;
  for (int i = 0; i < 60; ++i) many += "w" + std::to_string(i) + "%20";
  EXPECT_EQ(q(many).status, 400);
  EXPECT_EQ(q("%FF%FE").status, 400);
}

// --- Anonymity: paths the blog tests do not walk ---

TEST_F(SecurityReviewTest, AnAnonymousAskerIsNamedOnNoPathTheHostAMemberOrACoachCanReach) {
  auto blog = as("ada").post(
      "/api/v1/blogs", {{"host_id", as("rui").id()}, {"title", "Ask Rui"}, {"promise_days", 7}});
  ASSERT_EQ(blog.status, 201) << blog.body;
  const auto blog_id = std::to_string(blog.json()["blog"]["id"].get<long long>());
  // The asker is an executive coached by cora (a coach sees their posts and evidence).
  auto anya = as("anya_asker");
  make_post(anya, "Anya's own company post about the offsite.");
  auto ask = anya.post("/api/v1/blogs/" + blog_id + "/questions",
                       {{"body", "Why was the Glasgow offsite cancelled?"}, {"anonymous", true}});
  ASSERT_EQ(ask.status, 201) << ask.body;
  const auto qid = std::to_string(ask.json()["question"]["id"].get<long long>());
  ASSERT_EQ(as("rui").post("/api/v1/questions/" + qid + "/answer", {{"body", "Budget."}}).status,
            201);
  // A member reports it; a moderator dismisses the report.
  ASSERT_EQ(
      as("max")
          .post("/api/v1/reports",
                {{"target_type", "question"}, {"target_id", std::stoll(qid)}, {"reason", "other"}})
          .status,
      201);
  ASSERT_EQ(as("mo")
                .post("/api/v1/moderation/actions", {{"target_type", "question"},
                                                     {"target_id", std::stoll(qid)},
                                                     {"action", "dismiss"},
                                                     {"reason", "Fine as asked."}})
                .status,
            201);
  const auto anya_id = anya.id();
  auto check = [&](const std::string& who, const std::string& what, const std::string& text) {
    EXPECT_EQ(text.find("anya_asker"), std::string::npos) << who << " " << what << ": " << text;
    EXPECT_EQ(text.find("\"asker\":{"), std::string::npos) << who << " " << what << ": " << text;
    (void)anya_id;
  };
  for (std::string who : {"rui", "max", "cora"}) {
    auto c = as(who);
    for (const std::string& path : std::vector<std::string>{
             "/api/v1/questions/" + qid, "/api/v1/blogs/" + blog_id + "/questions?sort=newest",
             "/api/v1/search?q=Glasgow", "/api/v1/search?q=anya_asker",
             "/api/v1/search?q=Glasgow&author=anya_asker", "/api/v1/notifications",
             "/api/v1/feed/following", "/api/v1/blogs/" + blog_id + "/stats"}) {
      auto r = c.get(path);
      ASSERT_EQ(r.status, 200) << who << " " << path << ": " << r.body;
      check(who, path, r.body);
    }
    // The asker's profile, posts and personal Atom feed list what they wrote, never the question.
    for (std::string path : {"/api/v1/users/anya_asker", "/api/v1/users/anya_asker/posts"}) {
      auto r = c.get(path);
      ASSERT_EQ(r.status, 200) << who << " " << path << ": " << r.body;
      EXPECT_EQ(r.body.find("Glasgow"), std::string::npos) << who << " " << path << ": " << r.body;
    }
    const auto token = token_of(c);
    auto user_feed =
        http_request(port(), "GET", "/feeds/" + token + "/users/anya_asker.atom", "", {});
    ASSERT_EQ(user_feed.status, 200);
    EXPECT_EQ(user_feed.body.find("Glasgow"), std::string::npos) << who << user_feed.body;
    auto blog_feed =
        http_request(port(), "GET", "/feeds/" + token + "/blogs/" + blog_id + ".atom", "", {});
    ASSERT_EQ(blog_feed.status, 200);
    EXPECT_NE(blog_feed.body.find("Glasgow"), std::string::npos);
    check(who, "blog atom", blog_feed.body);
    // Errors name nobody either: a reveal is refused, a vote answers without the asker.
    auto reveal = c.post("/api/v1/questions/" + qid + "/reveal", {{"reason", "curious"}});
    EXPECT_EQ(reveal.status, 403);
    check(who, "reveal", reveal.body);
    auto vote = c.put("/api/v1/questions/" + qid + "/vote");
    check(who, "vote", vote.body);
  }
  // The coach's view of their executive: evidence and analytics do not hold the question.
  for (std::string path : {"/api/v1/analytics/users/" + std::to_string(anya_id),
                           "/api/v1/analytics/users/" + std::to_string(anya_id) + "/coaching"}) {
    auto r = as("cora").get(path);
    EXPECT_EQ(r.body.find("Glasgow"), std::string::npos) << path << ": " << r.body;
  }
  // The asker knows it is theirs; the reporter heard the outcome without a name.
  EXPECT_TRUE(anya.get("/api/v1/questions/" + qid).json()["question"]["asked_by_me"].get<bool>());
  auto max_notes = as("max").get("/api/v1/notifications").body;
  EXPECT_NE(max_notes.find("report_resolved"), std::string::npos) << max_notes;
}

}  // namespace
}  // namespace greenroom::test
