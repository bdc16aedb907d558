// The blog page's Questions tab: the topic filter of the questions listing (any case, paged,
// with every sort) and the host's "waiting for you" figure, which counts every open question
// of the blog, not the ones on the first page.
#include <set>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class BlogTopicsTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("tess_host", "executive", "run", "cora");
    auto r = as("ada").post("/api/v1/blogs", {{"host_id", as("tess_host").id()},
                                              {"title", "Ask Tess"},
                                              {"description", "Topics welcome."},
                                              {"promise_days", 7}});
    ASSERT_EQ(r.status, 201) << r.body;
    blog_ = r.json()["blog"]["id"].get<long long>();
  }
  static std::string path(const std::string& suffix) {
    return "/api/v1/blogs/" + std::to_string(blog_) + suffix;
  }
  static long long ask(const std::string& who, const std::string& body,
                       const std::optional<std::string>& topic) {
    nlohmann::json b = {{"body", body}};
    if (topic) b["topic"] = *topic;
    auto r = as(who).post(path("/questions"), b);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["question"]["id"].get<long long>();
  }
  static std::vector<long long> ids(const nlohmann::json& page) {
    std::vector<long long> out;
    for (const auto& q : page["items"]) out.push_back(q["id"].get<long long>());
    return out;
  }
  static inline long long blog_ = 0;
};

TEST_F(BlogTopicsTest, TheQuestionsListingFiltersByTopicInAnyCaseWithPagingAndEverySort) {
  const auto h1 = ask("mia", "Will the office stay open on Fridays?", "Hybrid Work");
  const auto p1 = ask("max", "When is the pay review this year?", "Pay");
  const auto h2 = ask("max", "Can teams choose their own office days?", "hybrid work");
  const auto n1 = ask("mia", "What is the plan for the summer party?", std::nullopt);
  const auto h3 = ask("evan", "How do we keep remote colleagues in the loop?", "  HYBRID work ");
  auto tess = as("tess_host"), mia = as("mia");

  // Stored lower-case and trimmed; the filter matches whatever case it is written in.
  auto page = mia.get(path("/questions?sort=newest&topic=Hybrid%20Work"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(ids(page.json()), (std::vector<long long>{h3, h2, h1}));
  for (const auto& q : page.json()["items"]) EXPECT_EQ(q["topic"], "hybrid work");
  EXPECT_EQ(ids(mia.get(path("/questions?sort=newest&topic=HYBRID%20WORK")).json()),
            (std::vector<long long>{h3, h2, h1}));
  EXPECT_EQ(ids(mia.get(path("/questions?topic=pay")).json()), (std::vector<long long>{p1}));
  EXPECT_TRUE(mia.get(path("/questions?topic=canteen")).json()["items"].empty());
  // Without a topic (or an empty one), every question.
  EXPECT_EQ(mia.get(path("/questions?sort=newest")).json()["items"].size(), 5u);
  EXPECT_EQ(ids(mia.get(path("/questions?sort=newest&topic=")).json()),
            (std::vector<long long>{h3, n1, h2, p1, h1}));

  // Paging keeps the filter: two pages of the topic, nothing else in them.
  auto first = mia.get(path("/questions?sort=newest&topic=hybrid%20work&limit=2")).json();
  EXPECT_EQ(ids(first), (std::vector<long long>{h3, h2}));
  ASSERT_TRUE(first["next"].is_string());
  auto second = mia.get(path("/questions?sort=newest&topic=hybrid%20work&limit=2&before=" +
                             first["next"].get<std::string>()))
                    .json();
  EXPECT_EQ(ids(second), (std::vector<long long>{h1}));
  EXPECT_TRUE(second["next"].is_null());

  // With votes and the unanswered sort: h2 gets two votes; h1 is answered.
  ASSERT_EQ(as("mia").put("/api/v1/questions/" + std::to_string(h2) + "/vote").status, 200);
  ASSERT_EQ(as("evan").put("/api/v1/questions/" + std::to_string(h2) + "/vote").status, 200);
  ASSERT_EQ(tess.post("/api/v1/questions/" + std::to_string(h1) + "/answer",
                      {{"body", "Yes, every Friday."}})
                .status,
            201);
  EXPECT_EQ(ids(mia.get(path("/questions?sort=votes&topic=hybrid%20work")).json()),
            (std::vector<long long>{h2, h3, h1}));
  EXPECT_EQ(ids(mia.get(path("/questions?sort=unanswered&topic=hybrid%20work")).json()),
            (std::vector<long long>{h2, h3, h1}));  // open ones oldest first, then the rest

  // A topic that is no topic is refused.
  auto bad = mia.get(path("/questions?topic=%3Cscript%3E"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "validation_failed");
  auto long_topic = mia.get(path("/questions?topic=" + std::string(41, 'a')));
  EXPECT_EQ(long_topic.status, 400);
}

TEST_F(BlogTopicsTest, WaitingForTheHostCountsEveryOpenQuestionNotOnlyTheFirstPage) {
  // A blog of its own, with more open questions than a page holds.
  server().add_user("walt_host", "executive", "run", "cora");
  auto created = as("ada").post(
      "/api/v1/blogs",
      {{"host_id", as("walt_host").id()}, {"title", "Ask Walt"}, {"promise_days", 7}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto blog =
      "/api/v1/blogs/" + std::to_string(created.json()["blog"]["id"].get<long long>());
  std::vector<long long> asked;
  for (int i = 0; i < 55; ++i) {
    auto r = as(i % 2 ? "mia" : "max")
                 .post(blog + "/questions",
                       {{"body", "Question number " + std::to_string(i) + " about the roadmap"}});
    ASSERT_EQ(r.status, 201) << r.body;
    asked.push_back(r.json()["question"]["id"].get<long long>());
  }
  auto walt = as("walt_host");
  auto first_page = walt.get(blog + "/questions?sort=unanswered").json();
  EXPECT_EQ(first_page["items"].size(), 50u);  // the default page
  EXPECT_TRUE(first_page["next"].is_string());
  auto stats = walt.get(blog + "/stats").json();
  EXPECT_EQ(stats["waiting"], 55);
  EXPECT_EQ(walt.get(blog).json()["blog"]["stats"]["waiting"], 55);
  // Answering one and declining another leaves 53 waiting; the unanswered sort lists every
  // waiting question before the closed ones, across pages.
  ASSERT_EQ(
      walt.post("/api/v1/questions/" + std::to_string(asked[54]) + "/answer", {{"body", "Soon."}})
          .status,
      201);
  ASSERT_EQ(walt.post("/api/v1/questions/" + std::to_string(asked[0]) + "/decline",
                      {{"reason", "Not for this blog."}})
                .status,
            200);
  EXPECT_EQ(walt.get(blog + "/stats").json()["waiting"], 53);
  std::set<long long> open_seen;
  std::string next;
  bool closed_seen = false;
  for (int round = 0; round < 10; ++round) {
    auto page = walt.get(blog + "/questions?sort=unanswered&limit=20" +
                         (next.empty() ? "" : "&before=" + next))
                    .json();
    for (const auto& q : page["items"]) {
      if (q["state"] == "open") {
        EXPECT_FALSE(closed_seen) << "an open question after a closed one";
        open_seen.insert(q["id"].get<long long>());
      } else {
        closed_seen = true;
      }
    }
    if (page["next"].is_null()) break;
    next = page["next"].get<std::string>();
  }
  EXPECT_EQ(open_seen.size(), 53u);
  EXPECT_TRUE(closed_seen);
}

}  // namespace
}  // namespace greenroom::test
