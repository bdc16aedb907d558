// GET /api/v1/search: relevance, filters, paging, snippets, and the visibility rule (drafts,
// another cohort's practice posts, hidden and removed items never found or leaked).
#include <set>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class SearchTest : public ApiTest {
 protected:
  static nlohmann::json search(const Client& c, const std::string& query) {
    auto r = c.get("/api/v1/search?" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r.json();
  }
  static std::vector<long long> ids(const nlohmann::json& page, const std::string& kind = "post") {
    std::vector<long long> out;
    for (const auto& it : page["items"])
      if (it["kind"] == kind) out.push_back(it["id"].get<long long>());
    return out;
  }
  static bool finds(const Client& c, const std::string& word, long long id,
                    const std::string& kind = "post") {
    auto v = ids(search(c, "q=" + word), kind);
    return std::find(v.begin(), v.end(), id) != v.end();
  }
  static void hide(const std::string& type, long long id, const std::string& action = "hide") {
    auto r = as("mo").post(
        "/api/v1/moderation/actions",
        {{"target_type", type}, {"target_id", id}, {"action", action}, {"reason", "test"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_F(SearchTest, RanksTheBetterMatchFirstAndMarksHits) {
  auto mia = as("mia");
  auto weak = make_post(mia,
                        "Budgetzz note: a long text about many other things entirely, "
                        "lunch, travel, weather and the office move next month.");
  auto strong = make_post(mia, "Budgetzz, budgetzz: the budgetzz for next year.");
  auto page = search(as("max"), "q=budgetzz");
  auto v = ids(page);
  ASSERT_EQ(v.size(), 2u) << page.dump();
  EXPECT_EQ(v[0], strong["id"].get<long long>());
  EXPECT_EQ(v[1], weak["id"].get<long long>());
  const auto& item = page["items"][0];
  EXPECT_EQ(item["author"]["username"], "mia");
  EXPECT_EQ(item["space"], "company");
  bool hit = false;
  for (const auto& seg : item["snippet"])
    if (seg["hit"].get<bool>()) {
      hit = true;
      EXPECT_TRUE(seg["text"] == "Budgetzz" || seg["text"] == "budgetzz") << seg;
    }
  EXPECT_TRUE(hit) << item.dump();
}

TEST_F(SearchTest, SnippetTextIsReturnedAsTextNotMarkup) {
  auto mia = as("mia");
  make_post(mia, "Markupqq <img src=x onerror=alert(1)> & friends");
  auto page = search(as("max"), "q=markupqq");
  ASSERT_EQ(page["items"].size(), 1u);
  std::string joined;
  for (const auto& seg : page["items"][0]["snippet"]) joined += seg["text"].get<std::string>();
  EXPECT_EQ(joined, "Markupqq <img src=x onerror=alert(1)> & friends");
}

TEST_F(SearchTest, PhrasesPrefixesAndExclusions) {
  auto mia = as("mia");
  auto a = make_post(mia, "The townhallqq meeting is on Friday");
  auto b = make_post(mia, "Meeting about the townhallqq, Friday maybe");
  auto max = as("max");
  EXPECT_EQ(ids(search(max, "q=%22townhallqq+meeting%22")),
            std::vector<long long>{a["id"].get<long long>()});
  EXPECT_EQ(ids(search(max, "q=townhallq*")).size(), 2u);
  EXPECT_EQ(ids(search(max, "q=townhallqq+-maybe")),
            std::vector<long long>{a["id"].get<long long>()});
  (void)b;
}

// `prefixqq* friday`: the prefix is read from the rows "friday" matches (store/search_rank);
// `"prefixqq"* friday` (a quoted prefix) is FTS5's own prefix query. Same items, same order,
// same scores, same marked words; -word still leaves items out.
TEST_F(SearchTest, APrefixBesideAWordMatchesRanksAndMarksAsFts5Does) {
  auto mia = as("mia");
  auto a = make_post(mia, "Prefixqqalpha and Prefixqqbeta plans for friday");
  auto b = make_post(mia, "Prefixqqgamma on friday, friday and friday again");
  auto c = make_post(mia, "prefixqqdelta prefixqqdelta prefixqqdelta friday");
  make_post(mia, "Prefixqqepsilon without the day");
  make_post(mia, "friday without the prefixed word");
  make_post(mia, "prefix qq friday: the prefix split in two words");
  auto max = as("max");
  auto narrow = search(max, "q=prefixqq*+friday");
  auto whole = search(max, "q=%22prefixqq%22*+friday");
  auto v = ids(narrow);
  EXPECT_EQ(std::set<long long>(v.begin(), v.end()),
            (std::set<long long>{a["id"].get<long long>(), b["id"].get<long long>(),
                                 c["id"].get<long long>()}))
      << narrow.dump();
  ASSERT_EQ(narrow["items"].size(), whole["items"].size());
  for (std::size_t i = 0; i < narrow["items"].size(); ++i) {
    EXPECT_EQ(narrow["items"][i]["id"], whole["items"][i]["id"]);
    EXPECT_EQ(narrow["items"][i]["score"], whole["items"][i]["score"]);
    EXPECT_EQ(narrow["items"][i]["snippet"], whole["items"][i]["snippet"]);
  }
  std::set<std::string> marked;
  for (const auto& it : narrow["items"])
    if (it["id"] == a["id"])
      for (const auto& seg : it["snippet"])
        if (seg["hit"].get<bool>()) marked.insert(seg["text"].get<std::string>());
  EXPECT_EQ(marked, (std::set<std::string>{"Prefixqqalpha", "Prefixqqbeta", "friday"}));
  EXPECT_EQ(ids(search(max, "q=prefixqq*+friday+-again")).size(), 2u);
  EXPECT_EQ(ids(search(max, "q=prefixqqg*+friday")),
            std::vector<long long>{b["id"].get<long long>()});
  EXPECT_EQ(ids(search(max, "q=prefixqqz*+friday")).size(), 0u);
}

TEST_F(SearchTest, FiltersByAuthorSpaceKindAndTime) {
  auto rui = as("rui");
  auto mia = as("mia");
  auto practice = make_post(rui, "Filterqq practice words", "practice");
  auto company = make_post(rui, "Filterqq company words");
  auto other = make_post(mia, "Filterqq from mia");
  auto reply = mia.post(path_of(company, "/replies"), {{"body", "Filterqq in a reply"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto cora = as("cora");  // sees rui's practice posts
  EXPECT_EQ(ids(search(cora, "q=filterqq&author=rui")).size(), 2u);
  EXPECT_EQ(ids(search(cora, "q=filterqq&author=mia")),
            std::vector<long long>{other["id"].get<long long>()});
  EXPECT_EQ(ids(search(cora, "q=filterqq&author=nobody")).size(), 0u);
  EXPECT_EQ(ids(search(cora, "q=filterqq&space=practice")),
            std::vector<long long>{practice["id"].get<long long>()});
  auto replies = search(cora, "q=filterqq&kind=reply");
  ASSERT_EQ(replies["items"].size(), 1u);
  EXPECT_EQ(replies["items"][0]["kind"], "reply");
  EXPECT_EQ(replies["items"][0]["post_id"], company["id"]);
  EXPECT_EQ(search(cora, "q=filterqq&since=2000-01-01T00:00:00Z")["items"].size(), 4u);
  EXPECT_EQ(search(cora, "q=filterqq&until=2000-01-01T00:00:00Z")["items"].size(), 0u);
  EXPECT_EQ(search(cora, "q=filterqq&since=2999-01-01T00:00:00Z")["items"].size(), 0u);
  EXPECT_EQ(cora.get("/api/v1/search?q=x&space=moon").status, 400);
  EXPECT_EQ(cora.get("/api/v1/search?q=x&kind=poem").status, 400);
  EXPECT_EQ(cora.get("/api/v1/search?q=x&since=yesterday").status, 400);
}

TEST_F(SearchTest, FiltersByTopicTheItemItselfNames) {
  auto mia = as("mia");
  auto tagged = make_post(mia, "Topicqq plans for #Budget2027 and beyond");
  auto untagged = make_post(mia, "Topicqq plans without a tag, budget2027 as a plain word");
  auto other = make_post(mia, "Topicqq about #travel only");
  auto reply = mia.post(path_of(untagged, "/replies"), {{"body", "Topicqq reply on #budget2027"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto max = as("max");
  auto page = search(max, "q=topicqq&topic=budget2027");
  EXPECT_EQ(ids(page), std::vector<long long>{tagged["id"].get<long long>()}) << page.dump();
  EXPECT_EQ(ids(page, "reply"),
            std::vector<long long>{reply.json()["reply"]["id"].get<long long>()});
  // A leading '#' and capitals are accepted; the kind filter combines with it.
  EXPECT_EQ(search(max, "q=topicqq&topic=%23BUDGET2027&kind=post")["items"].size(), 1u);
  EXPECT_EQ(ids(search(max, "q=topicqq&topic=travel")),
            std::vector<long long>{other["id"].get<long long>()});
  EXPECT_EQ(search(max, "q=topicqq&topic=nosuchtopic")["items"].size(), 0u);
  const std::vector<std::string> bad_topics = {"%23",       "9lives",    "a%20b",
                                               "caf%C3%A9", "trailing-", std::string(60, 'a')};
  for (const auto& bad : bad_topics) {
    auto r = max.get("/api/v1/search?q=topicqq&topic=" + bad);
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
    EXPECT_EQ(r.error_code(), "validation_failed") << bad;
  }
}

TEST_F(SearchTest, PagesWithACursor) {
  auto mia = as("mia");
  std::set<long long> made;
  for (int i = 0; i < 5; ++i)
    made.insert(make_post(mia, "Pageqq number " + std::to_string(i))["id"].get<long long>());
  auto max = as("max");
  std::set<long long> seen;
  std::string next;
  int pages = 0;
  do {
    auto page = search(max, "q=pageqq&limit=2" + (next.empty() ? "" : "&before=" + next));
    for (auto id : ids(page)) EXPECT_TRUE(seen.insert(id).second) << "repeated " << id;
    next = page["next"].is_null() ? "" : page["next"].get<std::string>();
    ++pages;
  } while (!next.empty() && pages < 10);
  EXPECT_EQ(seen, made);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(max.get("/api/v1/search?q=pageqq&before=garbage").error_code(), "bad_cursor");
}

TEST_F(SearchTest, DraftsOnlyForTheAuthorAndTheirCoaches) {
  auto evan = as("evan");
  auto draft = make_post(evan, "Zephyrqq draft text", "company", "draft");
  long long id = draft["id"].get<long long>();
  EXPECT_TRUE(finds(evan, "zephyrqq", id));
  EXPECT_TRUE(finds(as("cora"), "zephyrqq", id));
  for (auto who : {"mia", "cole", "xena", "wren", "mo", "ada"})
    EXPECT_FALSE(finds(as(who), "zephyrqq", id)) << who;
  // A new version is searchable at once; the old text no longer is.
  auto r = evan.send("PATCH", path_of(draft), nlohmann::json{{"body", "Yonderqq new text"}}.dump(),
                     {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(finds(evan, "zephyrqq", id));
  EXPECT_TRUE(finds(evan, "yonderqq", id));
}

TEST_F(SearchTest, PracticePostsOnlyForTheCohortCoachesAndOversight) {
  auto wren = as("wren");
  auto post = make_post(wren, "Quokkaqq practice post", "practice");
  long long id = post["id"].get<long long>();
  for (auto who : {"wren", "evan", "rui", "cora", "mo", "ada"})
    EXPECT_TRUE(finds(as(who), "quokkaqq", id)) << who;
  for (auto who : {"xena", "cole", "mia", "max"})
    EXPECT_FALSE(finds(as(who), "quokkaqq", id)) << who;
}

TEST_F(SearchTest, HiddenAndRemovedItemsAreNotFoundByOthers) {
  auto mia = as("mia");
  auto post = make_post(mia, "Platypusqq company post");
  long long id = post["id"].get<long long>();
  auto reply = mia.post(path_of(post, "/replies"), {{"body", "Wombatqq reply"}});
  ASSERT_EQ(reply.status, 201);
  long long reply_id = reply.json()["reply"]["id"].get<long long>();
  EXPECT_TRUE(finds(as("max"), "wombatqq", reply_id, "reply"));
  hide("reply", reply_id);
  EXPECT_FALSE(finds(as("max"), "wombatqq", reply_id, "reply"));
  EXPECT_TRUE(finds(mia, "wombatqq", reply_id, "reply"));
  hide("post", id);
  EXPECT_FALSE(finds(as("max"), "platypusqq", id));
  EXPECT_TRUE(finds(mia, "platypusqq", id));
  EXPECT_TRUE(finds(as("mo"), "platypusqq", id));
  hide("post", id, "remove");
  EXPECT_FALSE(finds(mia, "platypusqq", id));
  EXPECT_TRUE(finds(as("ada"), "platypusqq", id));
}

TEST_F(SearchTest, QueriesItCannotReadAre400NeverA500) {
  auto max = as("max");
  for (auto q : {"", "%22open", "-only", "a%22b", "*", "wo*rd", "%FF%FE"}) {
    auto r = max.get(std::string("/api/v1/search?q=") + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_EQ(r.error_code(), "bad_query") << q;
  }
  // FTS5 syntax in the text is searched for literally.
  for (auto q : {"NEAR(a+b)", "body%3Asecret", "x+OR+y", "%5Estart", "(a)", "a+AND"})
    EXPECT_EQ(max.get(std::string("/api/v1/search?q=") + q).status, 200) << q;
  EXPECT_EQ(Client(port()).get("/api/v1/search?q=x").status, 401);
}

}  // namespace
}  // namespace greenroom::test
