// Bad input on the coaching and admin endpoints: each gets a clear 4xx and changes nothing.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class BadInputTest : public ApiTest {};

TEST_F(BadInputTest, EditingAPostRefusesEmptyOrWrongFieldsAndKeepsTheText) {
  auto wren = as("wren");
  auto post = make_post(wren, "Draft to edit", "company", "draft");
  EXPECT_EQ(wren.send("PATCH", path_of(post), "{}", {}).status, 400);
  EXPECT_EQ(wren.send("PATCH", path_of(post), R"({"space":"mars"})", {}).status, 400);
  EXPECT_EQ(wren.send("PATCH", path_of(post), R"({"body":""})", {}).status, 400);
  EXPECT_EQ(wren.send("PATCH", path_of(post), R"({"body":42})", {}).status, 400);
  EXPECT_EQ(wren.send("PATCH", path_of(post), R"({"title":"x"})", {}).status, 400);
  auto unchanged = wren.get(path_of(post)).json()["post"];
  EXPECT_EQ(unchanged["body"], "Draft to edit");
  EXPECT_EQ(unchanged["version"], 1);
  // A valid space change moves the draft; a move is a change, so it is a new version.
  auto moved = wren.send("PATCH", path_of(post), R"({"space":"practice"})", {});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["post"]["space"], "practice");
  EXPECT_EQ(moved.json()["post"]["version"], 2);
  // A member may not move a draft into the practice space.
  auto mia = as("mia");
  auto member_draft = make_post(mia, "Member draft", "company", "draft");
  EXPECT_EQ(mia.send("PATCH", path_of(member_draft), R"({"space":"practice"})", {}).status, 403);
  EXPECT_EQ(mia.get(path_of(member_draft)).json()["post"]["space"], "company");
}

TEST_F(BadInputTest, GoalsRefuseBadTargetsIdsAndTitlesAndCreateNothing) {
  auto cora = as("cora"), evan = as("evan");
  const auto before = evan.get("/api/v1/goals").json()["items"].size();
  nlohmann::json goal = {{"executive_id", evan.id()}, {"title", "Reply to colleagues"},
                         {"metric", "replies"},       {"target", 3},
                         {"term", "short"},           {"due_at", in_days(20)}};
  for (auto [field, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"target", 0},
                                                           {"target", 1001},
                                                           {"target", "3"},
                                                           {"title", ""},
                                                           {"term", "forever"},
                                                           {"executive_id", "evan"},
                                                           {"due_at", "2099-13-01T00:00:00Z"}}) {
    auto bad = goal;
    bad[field] = value;
    auto r = cora.post("/api/v1/goals", bad);
    EXPECT_EQ(r.status, 400) << field << "=" << value.dump() << ": " << r.body;
  }
  auto missing = goal;
  missing.erase("executive_id");
  EXPECT_EQ(cora.post("/api/v1/goals", missing).status, 400);
  EXPECT_EQ(evan.get("/api/v1/goals").json()["items"].size(), before);
  EXPECT_EQ(evan.get("/api/v1/goals?executive_id=abc").status, 400);
  EXPECT_EQ(evan.get("/api/v1/goals?executive_id=-4").status, 400);
  EXPECT_EQ(cora.del("/api/v1/goals/999999").status, 404);
}

TEST_F(BadInputTest, NotificationPagingAndMarkingRefuseBadValues) {
  auto evan = as("evan");
  EXPECT_EQ(evan.get("/api/v1/notifications?before=zzz").error_code(), "bad_cursor");
  EXPECT_EQ(evan.get("/api/v1/notifications?limit=0").status, 400);
  EXPECT_EQ(evan.post("/api/v1/notifications/read", {{"ids", "1,2"}}).status, 400);
  EXPECT_EQ(evan.post("/api/v1/notifications/read", {{"ids", {"one"}}}).status, 400);
  EXPECT_EQ(evan.post("/api/v1/notifications/read", {{"ids", nlohmann::json::array()}}).status,
            400);
}

TEST_F(BadInputTest, AnnotationActionsRefuseWhatCannotBeDone) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "Words for the coach to mark", "company", "draft");
  auto a =
      cora.post(path_of(post, "/annotations"),
                {{"start", 0}, {"end", 5}, {"category", "clarity"}, {"comment", "Which words?"}});
  ASSERT_EQ(a.status, 201) << a.body;
  const auto ann =
      "/api/v1/annotations/" + std::to_string(a.json()["annotation"]["id"].get<long long>());
  EXPECT_EQ(evan.post(ann + "/replies", {{"body", ""}}).status, 400);
  EXPECT_EQ(evan.post(ann + "/replies", {{"text", "hi"}}).status, 400);
  auto apply = evan.post(ann + "/apply", nullptr);
  EXPECT_EQ(apply.status, 409);  // there is no suggestion to apply
  EXPECT_NE(apply.json()["error"]["message"].get<std::string>().find("no suggested rewrite"),
            std::string::npos);
  EXPECT_EQ(cora.post(ann + "/apply", nullptr).status, 403);  // only the author applies
  EXPECT_EQ(evan.post("/api/v1/annotations/999999/resolve", nullptr).status, 404);
  EXPECT_EQ(evan.get(path_of(post)).json()["post"]["body"], "Words for the coach to mark");
  auto listed = evan.get(path_of(post, "/annotations")).json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["replies"].size(), 0u);
  EXPECT_EQ(listed[0]["resolved"], false);
}

TEST_F(BadInputTest, LintAndPolicyRefuseMalformedDocuments) {
  auto mia = as("mia"), ada = as("ada");
  EXPECT_EQ(mia.post("/api/v1/lint", nlohmann::json::object()).status, 400);
  EXPECT_EQ(mia.post("/api/v1/lint", {{"body", std::string(10001, 'a')}}).status, 400);
  const auto version = ada.get("/api/v1/policy").json()["version"];
  EXPECT_EQ(ada.put("/api/v1/policy", {{"rules", nlohmann::json::object()}}).status, 400);
  EXPECT_EQ(ada.put("/api/v1/policy", {{"policy", "strict"}}).status, 400);
  EXPECT_EQ(ada.get("/api/v1/policy").json()["version"], version);
}

TEST_F(BadInputTest, AdminUserChangesRefuseBadValuesAndChangeNothing) {
  auto ada = as("ada"), max = as("max");
  const auto path = "/api/v1/users/" + std::to_string(max.id());
  EXPECT_EQ(ada.send("PATCH", path, R"({"role":"emperor"})", {}).status, 400);
  EXPECT_EQ(ada.send("PATCH", path, R"({"disabled":"yes"})", {}).status, 400);
  EXPECT_EQ(ada.send("PATCH", path, R"({"display_name":""})", {}).status, 400);
  EXPECT_EQ(ada.send("PATCH", "/api/v1/users/999999", R"({"role":"member"})", {}).status, 404);
  EXPECT_EQ(
      ada.post("/api/v1/users",
               {{"username", "lvl"}, {"role", "member"}, {"password", kPassword}, {"level", "run"}})
          .status,
      400);
  EXPECT_EQ(ada.post("/api/v1/users", {{"username", "lvl"},
                                       {"role", "executive"},
                                       {"password", kPassword},
                                       {"level", "sprint"}})
                .status,
            400);
  EXPECT_EQ(as("cora").put("/api/v1/users/999999/level", {{"level", "run"}}).status, 404);
  EXPECT_EQ(max.get("/api/v1/me").json()["user"]["role"], "member");
  bool created = false;
  const auto users = ada.get("/api/v1/users").json();
  for (const auto& u : users["items"]) created = created || u["username"] == "lvl";
  EXPECT_FALSE(created);
}

}  // namespace
}  // namespace greenroom::test
