// The live channel (GET /api/v1/live) over a real WebSocket: who may open it, what each user
// receives (only what the visibility rule lets them see), catching up after a reconnect, and
// the limits (message size, inbound protocol, slow consumers, shutdown).
#include <set>

#include "fixture.hpp"
#include "ws_client.hpp"

namespace greenroom::test {
namespace {

WsOptions signed_in(const Client& c) {
  return {"gr_session=" + c.cookie(), std::nullopt, "/api/v1/live"};
}

std::int64_t id_of(const nlohmann::json& post) {
  return post["id"].get<std::int64_t>();
}

// Opens the channel as `c` and reads the greeting.
std::unique_ptr<WsClient> open_live(std::uint16_t port, const Client& c,
                                    const std::string& target = "/api/v1/live") {
  auto opts = signed_in(c);
  opts.target = target;
  auto ws = std::make_unique<WsClient>(port, opts);
  EXPECT_EQ(ws->status(), 101) << ws->refusal_body();
  return ws;
}

class LiveTest : public ApiTest {};

TEST_F(LiveTest, RefusesWithoutASession) {
  WsClient ws(port(), {});
  EXPECT_EQ(ws.status(), 401);
  EXPECT_NE(ws.refusal_body().find("unauthenticated"), std::string::npos) << ws.refusal_body();
}

TEST_F(LiveTest, RefusesAForeignOrigin) {
  auto mia = as("mia");
  for (std::string origin : {"https://evil.example", "http://127.0.0.1:1", "null", ""}) {
    auto opts = signed_in(mia);
    opts.origin = origin;
    WsClient ws(port(), opts);
    EXPECT_EQ(ws.status(), 403) << origin;
    EXPECT_NE(ws.refusal_body().find("bad_origin"), std::string::npos) << ws.refusal_body();
  }
}

TEST_F(LiveTest, PlainGetIsNotAnUpgrade) {
  auto mia = as("mia");
  // The harness sends "Host: 127.0.0.1", so this Origin is the server's own.
  auto r = mia.send("GET", "/api/v1/live", "", {{"Origin", "http://127.0.0.1"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_code(), "websocket_required");
  auto bad = mia.send("GET", "/api/v1/live?last_id=x", "", {});
  EXPECT_EQ(bad.status, 403);  // the Origin is checked before anything else is read
}

TEST_F(LiveTest, GreetsWithTheNewestId) {
  auto ws = open_live(port(), as("max"));
  auto hello = ws->next();
  ASSERT_TRUE(hello);
  EXPECT_EQ((*hello)["type"], "hello");
  EXPECT_TRUE((*hello)["id"].is_number_unsigned());
}

TEST_F(LiveTest, ASecondClientSeesANewPostWithinOneSecond) {
  auto max = as("max");
  auto ws = open_live(port(), max);
  ASSERT_TRUE(ws->next_of("hello"));
  const auto start = std::chrono::steady_clock::now();
  auto post = make_post(as("mia"), "Live: the canteen opens at noon today.");
  auto ev = ws->next_of("post.published", 1000);
  ASSERT_TRUE(ev) << "no event within a second";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ((*ev)["post_id"], id_of(post));
  EXPECT_EQ((*ev)["space"], "company");
  EXPECT_EQ(max.get(path_of(post)).status, 200);
}

TEST_F(LiveTest, CountsAndRepliesArriveForVisiblePosts) {
  auto max = as("max");
  auto ws = open_live(port(), max);
  ASSERT_TRUE(ws->next_of("hello"));
  auto post = make_post(as("mia"), "Live: who is joining the Friday run?");
  ASSERT_TRUE(ws->next_of("post.published"));
  ASSERT_EQ(as("rui").put(path_of(post, "/like")).status, 200);
  auto counts = ws->next_of("post.counts");
  ASSERT_TRUE(counts);
  EXPECT_EQ((*counts)["post_id"], id_of(post));
  EXPECT_EQ((*counts)["like_count"], 1);
  auto reply = as("rui").post(path_of(post, "/replies"), {{"body", "Count me in."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = ws->next_of("reply.created");
  ASSERT_TRUE(created);
  EXPECT_EQ((*created)["reply_id"], reply.json()["reply"]["id"]);
  auto after = ws->next_of("post.counts");
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)["reply_count"], 1);
}

TEST_F(LiveTest, NothingArrivesAboutWhatTheUserMayNotSee) {
  auto mia = as("mia");
  auto ws = open_live(port(), mia);
  ASSERT_TRUE(ws->next_of("hello"));
  std::set<std::int64_t> hidden_ids;
  // A draft, a practice post of someone else's cohort, and a post a moderator hides.
  hidden_ids.insert(
      id_of(make_post(as("rui"), "Live: a draft nobody else sees.", "company", "draft")));
  hidden_ids.insert(
      id_of(make_post(as("rui"), "Live: practice only, for the cohort.", "practice")));
  auto mine = make_post(mia, "Live: my post that will be hidden.");
  auto hide =
      as("mo").post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                   {"target_id", id_of(mine)},
                                                   {"action", "hide"},
                                                   {"reason", "Testing the live channel."}});
  ASSERT_EQ(hide.status, 201) << hide.body;
  auto marker = make_post(as("max"), "Live: the marker post everyone sees.");
  bool saw_marker = false, saw_withdrawal = false;
  while (auto ev = ws->next(2000)) {
    if ((*ev).contains("post_id")) {
      EXPECT_FALSE(hidden_ids.count((*ev)["post_id"].get<std::int64_t>())) << ev->dump();
      // Every post the user hears of is one the user may open (or one withdrawn from view).
      if ((*ev)["type"] != "post.withdrawn") {
        const auto id = (*ev)["post_id"].get<long long>();
        EXPECT_EQ(mia.get("/api/v1/posts/" + std::to_string(id)).status, 200) << ev->dump();
      }
    }
    if ((*ev)["type"] == "post.withdrawn" && (*ev)["post_id"] == id_of(mine)) {
      saw_withdrawal = true;
      EXPECT_EQ((*ev)["state"], "hidden");
    }
    if ((*ev)["type"] == "post.published" && (*ev)["post_id"] == id_of(marker)) {
      saw_marker = true;
      break;
    }
  }
  EXPECT_TRUE(saw_withdrawal);
  EXPECT_TRUE(saw_marker);
  // The cohort does hear of the practice post: rui's coach.
  auto cora = open_live(port(), as("cora"));
  ASSERT_TRUE(cora->next_of("hello"));
  auto practice = make_post(as("rui"), "Live: practice for the cohort, second take.", "practice");
  auto ev = cora->next_of("post.published");
  ASSERT_TRUE(ev);
  EXPECT_EQ((*ev)["post_id"], id_of(practice));
}

TEST_F(LiveTest, AReverseMentorHearsOfTheExecutivesPracticePosts) {
  auto ada = as("ada"), rui = as("rui"), max = as("max");
  ASSERT_EQ(ada.put("/api/v1/champions/" + std::to_string(max.id()),
                    nlohmann::json{{"about", "LinkedIn, short video"}})
                .status,
            200);
  auto asked = rui.post("/api/v1/mentorships", {{"mentor_id", max.id()}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto pairing = asked.json()["mentorship"]["id"].get<std::int64_t>();
  ASSERT_EQ(max.post("/api/v1/mentorships/" + std::to_string(pairing) + "/accept",
                     nlohmann::json::object())
                .status,
            200);
  auto ws = open_live(port(), max);
  ASSERT_TRUE(ws->next_of("hello"));
  auto practice = make_post(rui, "Live: practice my mentor may read.", "practice");
  auto ev = ws->next_of("post.published");
  ASSERT_TRUE(ev) << "the mentor heard nothing";
  EXPECT_EQ((*ev)["post_id"], id_of(practice));
  EXPECT_EQ(max.get(path_of(practice)).status, 200);
}

TEST_F(LiveTest, NotificationBadgeFollowsTheUser) {
  auto rui = as("rui");
  auto ws = open_live(port(), rui);
  ASSERT_TRUE(ws->next_of("hello"));
  auto draft = make_post(rui, "Live: a draft for my coach to annotate.", "practice", "draft");
  auto a = as("cora").post(
      path_of(draft, "/annotations"),
      {{"start", 0}, {"end", 4}, {"quote", "Live"}, {"category", "clarity"}, {"comment", "Hm."}});
  ASSERT_EQ(a.status, 201) << a.body;
  // Both arrive, in the order the write made them: the notice, then the annotation.
  auto unread = ws->next_of("notifications.unread");
  ASSERT_TRUE(unread);
  EXPECT_GE((*unread)["unread_count"].get<int>(), 1);
  auto annotated = ws->next_of("post.annotated");
  ASSERT_TRUE(annotated);
  EXPECT_EQ((*annotated)["post_id"], id_of(draft));
  ASSERT_EQ(rui.post("/api/v1/notifications/read", {{"all", true}}).status, 200);
  auto cleared = ws->next_of("notifications.unread");
  ASSERT_TRUE(cleared);
  EXPECT_EQ((*cleared)["unread_count"], 0);
}

TEST_F(LiveTest, ReconnectingCatchesUpFromTheLastId) {
  auto max = as("max");
  std::uint64_t last = 0;
  {
    auto ws = open_live(port(), max);
    auto hello = ws->next_of("hello");
    ASSERT_TRUE(hello);
    last = (*hello)["id"];
  }
  auto one = make_post(as("mia"), "Live: missed while away, one.");
  auto two = make_post(as("mia"), "Live: missed while away, two.");
  auto ws = open_live(port(), max, "/api/v1/live?last_id=" + std::to_string(last));
  auto hello = ws->next();
  ASSERT_TRUE(hello);
  EXPECT_EQ((*hello)["type"], "hello");
  auto a = ws->next_of("post.published");
  auto b = ws->next_of("post.published");
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a)["post_id"], id_of(one));
  EXPECT_EQ((*b)["post_id"], id_of(two));
  EXPECT_LT((*a)["id"].get<std::uint64_t>(), (*b)["id"].get<std::uint64_t>());
  EXPECT_GT((*a)["id"].get<std::uint64_t>(), last);
}

TEST_F(LiveTest, AnUnknownLastIdMeansReload) {
  auto ws = open_live(port(), as("max"), "/api/v1/live?last_id=1");
  auto m = ws->next();
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)["type"], "reload");
  auto bad =
      WsClient(port(), {signed_in(as("max")).cookie, std::nullopt, "/api/v1/live?last_id=-3"});
  EXPECT_EQ(bad.status(), 400);
}

TEST_F(LiveTest, PingIsAnsweredAndOversizeClosesWith1009) {
  auto ws = open_live(port(), as("max"));
  ASSERT_TRUE(ws->next_of("hello"));
  ws->send(R"({"type":"ping"})");
  ASSERT_TRUE(ws->next_of("pong"));
  ws->send(std::string(R"({"type":"ping","pad":")") + std::string(4000, 'x') + "\"}");
  EXPECT_TRUE(ws->wait_closed(3000));
  EXPECT_EQ(ws->close_code(), 1009);
}

TEST_F(LiveTest, AnythingButPingOrAckClosesWith1008) {
  auto ws = open_live(port(), as("max"));
  ASSERT_TRUE(ws->next_of("hello"));
  ws->send(R"({"type":"subscribe","all":true})");
  EXPECT_TRUE(ws->wait_closed(3000));
  EXPECT_EQ(ws->close_code(), 1008);
}

TEST_F(LiveTest, TooManyMessagesCloseWith1008) {
  auto ws = open_live(port(), as("max"));
  ASSERT_TRUE(ws->next_of("hello"));
  for (int i = 0; i < 40; ++i) ws->send(R"({"type":"ack","id":1})");
  EXPECT_TRUE(ws->wait_closed(3000));
  EXPECT_EQ(ws->close_code(), 1008);
}

// A server with small limits: a tiny ring and few unacknowledged events.
class LiveLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions o;
    o.config = {{"live", {{"ring_size", 3}, {"max_unacked", 3}}},
                {"limits", {{"shutdown_grace_seconds", 2}}}};
    server_ = std::make_unique<TestServer>(o);
    server_->add_user("mia", "member");
    server_->add_user("max", "member");
  }
  static void TearDownTestSuite() { server_.reset(); }
  static std::uint16_t port() { return server_->port(); }
  static void post(const std::string& body) {
    auto r = Client(port(), "mia").post("/api/v1/posts", {{"body", body}, {"space", "company"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  static inline std::unique_ptr<TestServer> server_;
};

TEST_F(LiveLimitsTest, AConsumerThatStopsReadingIsClosedWith4008) {
  auto ws = open_live(port(), Client(port(), "max"));
  ASSERT_TRUE(ws->next_of("hello"));
  for (int i = 0; i < 6; ++i) post("Limits: post number " + std::to_string(i) + ".");
  int events = 0;
  while (ws->next(2000)) ++events;
  EXPECT_EQ(events, 3);
  EXPECT_TRUE(ws->closed());
  EXPECT_EQ(ws->close_code(), 4008);
}

TEST_F(LiveLimitsTest, AcknowledgingKeepsTheChannelOpen) {
  auto ws = open_live(port(), Client(port(), "max"));
  ASSERT_TRUE(ws->next_of("hello"));
  for (int i = 0; i < 6; ++i) {
    post("Limits: acknowledged post " + std::to_string(i) + ".");
    auto ev = ws->next_of("post.published");
    ASSERT_TRUE(ev) << i;
    ws->ack((*ev)["id"]);
  }
  EXPECT_FALSE(ws->closed());
}

TEST_F(LiveLimitsTest, TooOldMeansReload) {
  std::uint64_t last = 0;
  {
    auto ws = open_live(port(), Client(port(), "max"));
    auto hello = ws->next_of("hello");
    ASSERT_TRUE(hello);
    last = (*hello)["id"];
  }
  for (int i = 0; i < 5; ++i) post("Limits: more than the ring holds " + std::to_string(i) + ".");
  auto ws =
      open_live(port(), Client(port(), "max"), "/api/v1/live?last_id=" + std::to_string(last));
  auto m = ws->next();
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)["type"], "reload");
}

TEST_F(LiveLimitsTest, ShutdownClosesWith1001) {
  auto ws = open_live(port(), Client(port(), "max"));
  ASSERT_TRUE(ws->next_of("hello"));
  EXPECT_EQ(server_->stop(), 0);
  EXPECT_TRUE(ws->wait_closed(5000));
  EXPECT_EQ(ws->close_code(), 1001);
}

}  // namespace
}  // namespace greenroom::test
