// Loose ends of the social features: the per-user cap on live connections (refused with 429
// before the upgrade), the new-follower notice naming the follower for a profile link, and
// topic pages read newest first from their timeline (hidden and out-of-reach posts left out).
#include <memory>
#include <thread>
#include <vector>

#include "fixture.hpp"
#include "ws_client.hpp"

namespace greenroom::test {
namespace {

WsOptions live_as(const Client& c) {
  return {"gr_session=" + c.cookie(), std::nullopt, "/api/v1/live"};
}

class SocialPolishTest : public ApiTest {};

TEST_F(SocialPolishTest, AUserHoldsAtMostEightLiveConnectionsTheNinthIsRefusedBeforeTheUpgrade) {
  server().add_user("tabby", "member");
  // Two sessions (two browsers) of the same person share the cap.
  auto laptop = as("tabby"), phone = as("tabby");
  std::vector<std::unique_ptr<WsClient>> open;
  for (int i = 0; i < 8; ++i) {
    open.push_back(std::make_unique<WsClient>(port(), live_as(i % 2 ? phone : laptop)));
    ASSERT_EQ(open.back()->status(), 101) << i << ": " << open.back()->refusal_body();
    auto hello = open.back()->next_of("hello");
    ASSERT_TRUE(hello) << i;
  }
  WsClient ninth(port(), live_as(laptop));
  EXPECT_EQ(ninth.status(), 429);
  auto body = nlohmann::json::parse(ninth.refusal_body());
  EXPECT_EQ(body["error"]["code"], "too_many_live_connections");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("8 live connections"),
            std::string::npos)
      << ninth.refusal_body();
  // Another person is not affected.
  WsClient other(port(), live_as(as("max")));
  EXPECT_EQ(other.status(), 101) << other.refusal_body();
  // The eight keep working: a post reaches them.
  auto post = make_post(as("mia"), "Everyone, the cap test post");
  for (auto& ws : open) {
    auto e = ws->next_of("post.published");
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["post_id"], post["id"]);
  }
  // Closing one gives its place back (once the server has seen the close).
  open.pop_back();
  int status = 0;
  for (int attempt = 0; attempt < 40 && status != 101; ++attempt) {
    if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto again = std::make_unique<WsClient>(port(), live_as(phone));
    status = again->status();
    if (status == 101) open.push_back(std::move(again));
  }
  EXPECT_EQ(status, 101);
  WsClient still_full(port(), live_as(phone));
  EXPECT_EQ(still_full.status(), 429);
  // Refusals before the cap is checked keep their own answers.
  auto foreign = live_as(laptop);
  foreign.origin = "https://evil.example";
  EXPECT_EQ(WsClient(port(), foreign).status(), 403);
  // All closed: the whole cap is free again.
  open.clear();
  int opened = 0;
  for (int attempt = 0; attempt < 40 && opened < 8; ++attempt) {
    if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto ws = std::make_unique<WsClient>(port(), live_as(laptop));
    if (ws->status() == 101) {
      open.push_back(std::move(ws));
      ++opened;
    }
  }
  EXPECT_EQ(opened, 8);
}

TEST_F(SocialPolishTest, ANewFollowerNoticeNamesTheFollowerForTheProfileLink) {
  server().add_user("fern", "member");
  server().add_user("finn", "member");
  auto fern = as("fern"), finn = as("finn");
  ASSERT_EQ(finn.put("/api/v1/users/" + std::to_string(fern.id()) + "/follow").status, 200);
  auto items = fern.get("/api/v1/notifications").json()["items"];
  ASSERT_EQ(items.size(), 1u) << items.dump();
  EXPECT_EQ(items[0]["kind"], "new_follower");
  EXPECT_EQ(items[0]["target"],
            (nlohmann::json{{"type", "user"}, {"id", finn.id()}, {"username", "finn"}}));
  // The profile it leads to.
  EXPECT_EQ(fern.get("/api/v1/users/finn").status, 200);
  // Once the follower's account is disabled, the notice no longer names a profile to open.
  auto off = as("ada").send("PATCH", "/api/v1/users/" + std::to_string(finn.id()),
                            nlohmann::json{{"disabled", true}}.dump(),
                            {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.body;
  items = fern.get("/api/v1/notifications").json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["target"], (nlohmann::json{{"type", "user"}, {"id", finn.id()}}));
}

TEST_F(SocialPolishTest, TopicPagesListNewestFirstWithPagingAndOnlyWhatTheCallerMaySee) {
  auto mia = as("mia");
  std::vector<long long> company;
  for (int i = 0; i < 5; ++i)
    company.push_back(
        make_post(mia, "Update " + std::to_string(i) + " on #Polish7 week")["id"].get<long long>());
  auto practice = make_post(as("rui"), "Practising my #polish7 post", "practice");
  auto untagged = make_post(mia, "No topic in this one, polish7");
  auto tagged_reply = make_post(mia, "A post whose reply names the topic");
  ASSERT_EQ(mia.post(path_of(tagged_reply, "/replies"), {{"body", "#polish7 in a reply"}}).status,
            201);
  // A hidden post leaves the page.
  auto hidden = make_post(mia, "Soon hidden #polish7");
  ASSERT_EQ(as("mo")
                .post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                     {"target_id", hidden["id"]},
                                                     {"action", "hide"},
                                                     {"reason", "test"}})
                .status,
            201);
  const auto ids = [](const nlohmann::json& page) {
    std::vector<long long> out;
    for (const auto& p : page["items"]) out.push_back(p["id"].get<long long>());
    return out;
  };
  // max (a member) sees the company posts, newest first, two per page.
  std::vector<long long> seen;
  std::string next;
  for (int round = 0; round < 5; ++round) {
    auto page =
        as("max")
            .get("/api/v1/topics/POLISH7/posts?limit=2" + (next.empty() ? "" : "&before=" + next))
            .json();
    for (auto id : ids(page)) seen.push_back(id);
    if (page["next"].is_null()) break;
    next = page["next"].get<std::string>();
  }
  EXPECT_EQ(seen,
            (std::vector<long long>{company[4], company[3], company[2], company[1], company[0]}));
  // wren shares rui's coach: she reads his practice post there too.
  auto wren = ids(as("wren").get("/api/v1/topics/polish7/posts").json());
  ASSERT_FALSE(wren.empty());
  EXPECT_EQ(wren.front(), practice["id"].get<long long>());
  EXPECT_EQ(wren.size(), 6u);
  (void)untagged;
}

}  // namespace
}  // namespace greenroom::test
