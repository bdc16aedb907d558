// @mentions and #topics: recognised when a post or reply is saved, returned with code-point
// offsets, and a mention notifies the person only if they may see the item.
#include "fixture.hpp"

namespace greenroom::test {
namespace {

class MentionsTest : public ApiTest {
 protected:
  static std::vector<std::string> notices(const Client& c) {
    std::vector<std::string> out;
    const auto page = c.get("/api/v1/notifications?limit=50").json();
    for (const auto& n : page["items"])
      if (n["kind"] == "mention") out.push_back(n["message"].get<std::string>());
    return out;
  }
  static bool told(const Client& c, const std::string& needle) {
    for (const auto& m : notices(c))
      if (m.find(needle) != std::string::npos) return true;
    return false;
  }
};

TEST_F(MentionsTest, ReturnsReferencesWithOffsets) {
  auto post = make_post(as("mia"), "Thanks @Max for the #OKRs review, mail@me is no mention");
  const auto& refs = post["references"];
  ASSERT_EQ(refs.size(), 2u) << post.dump();
  EXPECT_EQ(refs[0],
            (nlohmann::json{{"kind", "mention"}, {"value", "max"}, {"start", 7}, {"end", 11}}));
  EXPECT_EQ(refs[1],
            (nlohmann::json{{"kind", "topic"}, {"value", "okrs"}, {"start", 20}, {"end", 25}}));
  // The feed returns them too.
  auto feed = as("max").get("/api/v1/feed?space=company&limit=1").json();
  EXPECT_EQ(feed["items"][0]["references"], refs);
}

TEST_F(MentionsTest, AMentionNotifiesSomeoneWhoMaySeeThePost) {
  make_post(as("mia"), "Lunch on Friday, @max? (company, mention one)");
  EXPECT_TRUE(told(as("max"), "mention one"));
  EXPECT_FALSE(told(as("mia"), "mention one"));  // never the author
}

TEST_F(MentionsTest, NoNoticeForSomeoneWhoMayNotSeeThePracticePost) {
  // rui's practice post: his coach and cohort see it; the member mia does not.
  make_post(as("rui"), "With @mia, @cora, @wren (mention two)", "practice");
  EXPECT_FALSE(told(as("mia"), "mention two"));
  EXPECT_TRUE(told(as("cora"), "mention two"));
  EXPECT_TRUE(told(as("wren"), "mention two"));
}

TEST_F(MentionsTest, DraftsAreNotAnnouncedUntilPublished) {
  auto draft = make_post(as("mia"), "Draft for @max (mention three)", "company", "draft");
  EXPECT_EQ(draft["references"].size(), 1u);
  EXPECT_FALSE(told(as("max"), "mention three"));
  auto r = as("mia").post(path_of(draft, "/publish"), nlohmann::json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(told(as("max"), "mention three"));
}

TEST_F(MentionsTest, RepliesMentionToo) {
  auto post = make_post(as("mia"), "Who has the slides? (mention four)");
  auto r =
      as("rui").post(path_of(post, "/replies"), {{"body", "@max has them (mention four reply)"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["reply"]["references"][0]["value"], "max");
  EXPECT_TRUE(told(as("max"), "in a reply"));
}

}  // namespace
}  // namespace greenroom::test
