// Private Atom feeds: tokens (made, shown to the owner, rotated, voided for a disabled owner),
// feeds parsed with libxml2 (ids, titles, links, authors, dates, escaping), visibility of
// entries, and ETag / Last-Modified with 304.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

struct Entry {
  std::string id, title, link, author, published, updated, content, content_type;
};

// Parses an Atom document with libxml2 (no network, no entity substitution); fails on error.
std::vector<Entry> parse_atom(const std::string& xml, std::string* feed_title = nullptr) {
  std::vector<Entry> out;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  EXPECT_NE(doc, nullptr) << xml;
  if (!doc) return out;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "feed");
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.w3.org/2005/Atom");
  auto text = [](xmlNodePtr n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
  };
  auto attr = [](xmlNodePtr n, const char* name) {
    xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
  };
  auto is = [](xmlNodePtr n, const char* name) {
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
  };
  int ids = 0, updated = 0;
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (is(n, "id")) ++ids;
    if (is(n, "updated")) ++updated;
    if (is(n, "title") && feed_title) *feed_title = text(n);
    if (!is(n, "entry")) continue;
    Entry e;
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (is(c, "id")) e.id = text(c);
      if (is(c, "title")) e.title = text(c);
      if (is(c, "link")) e.link = attr(c, "href");
      if (is(c, "author"))
        for (xmlNodePtr a = c->children; a; a = a->next)
          if (is(a, "name")) e.author = text(a);
      if (is(c, "published")) e.published = text(c);
      if (is(c, "updated")) e.updated = text(c);
      if (is(c, "content")) {
        e.content = text(c);
        e.content_type = attr(c, "type");
      }
    }
    out.push_back(e);
  }
  EXPECT_EQ(ids, 1);
  EXPECT_EQ(updated, 1);
  xmlFreeDoc(doc);
  return out;
}

// Parses a feed with a real feed reader's parser, Debian's python3-feedparser, and returns
// what it understood: {"bozo","version","title","entries":[{"id","title","link","author",
// "published","updated","content"}]}. Dates come back as the parsed UTC time, in ISO 8601.
nlohmann::json feedparser(const std::string& xml) {
  char path[] = "/tmp/greenroom-feed-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  if (fd < 0) return nullptr;
  close(fd);
  std::ofstream(path, std::ios::binary) << xml;
  const std::string script =
      "import sys, json, time, feedparser\n"
      "d = feedparser.parse(sys.argv[1])\n"
      "iso = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None\n"
      "print(json.dumps({'bozo': bool(d.bozo), 'version': d.version,\n"
      "  'title': d.feed.get('title'), 'entries': [{'id': e.get('id'), 'title': e.get('title'),\n"
      "  'link': e.get('link'), 'author': e.get('author'),\n"
      "  'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),\n"
      "  'content': (e.get('content') or [{}])[0].get('value')} for e in d.entries]}))\n";
  const std::string script_path = std::string(path) + ".py";
  std::ofstream(script_path) << script;
  std::string out;
  if (FILE* f = popen(("/usr/bin/python3 " + script_path + " " + path).c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    EXPECT_EQ(pclose(f), 0) << "python3-feedparser (scripts/lib/install-deps.sh) failed: " << out;
  }
  std::remove(path);
  std::remove(script_path.c_str());
  auto parsed = nlohmann::json::parse(out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << out;
  return parsed;
}

class AtomFeedTest : public ApiTest {
 protected:
  static std::string token_of(const Client& c) {
    auto r = c.get("/api/v1/me/feed-token");
    EXPECT_EQ(r.status, 200) << r.body;
    if (!r.json()["token"].is_null()) return r.json()["token"].get<std::string>();
    auto made = c.post("/api/v1/me/feed-token", nlohmann::json::object());
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json()["token"].get<std::string>();
  }
  static HttpResponse fetch(const std::string& path,
                            const std::map<std::string, std::string>& headers = {}) {
    return http_request(port(), "GET", path, "", headers);
  }
};

TEST_F(AtomFeedTest, TokenIsMadeOnRequestShownToItsOwnerAndRotated) {
  auto max = as("max");
  auto none = max.get("/api/v1/me/feed-token");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.json()["token"].is_null());
  auto made = max.post("/api/v1/me/feed-token", nlohmann::json::object());
  ASSERT_EQ(made.status, 201) << made.body;
  auto token = made.json()["token"].get<std::string>();
  EXPECT_GE(token.size(), 40u);
  EXPECT_EQ(max.get("/api/v1/me/feed-token").json()["token"], token);
  EXPECT_EQ(made.json()["feeds"]["company"], "/feeds/" + token + "/company.atom");
  EXPECT_EQ(fetch("/feeds/" + token + "/company.atom").status, 200);
  auto rotated = max.post("/api/v1/me/feed-token", nlohmann::json::object());
  ASSERT_EQ(rotated.status, 201);
  auto fresh = rotated.json()["token"].get<std::string>();
  EXPECT_NE(fresh, token);
  EXPECT_EQ(fetch("/feeds/" + token + "/company.atom").status, 404);
  EXPECT_EQ(fetch("/feeds/" + fresh + "/company.atom").status, 200);
  EXPECT_EQ(fetch("/feeds/not-a-real-token-at-all/company.atom").status, 404);
  // The rotation is in the audit trail.
  auto audit = as("ada").get("/api/v1/audit?action=feed_token_rotated");
  ASSERT_EQ(audit.status, 200);
  EXPECT_GE(audit.json()["items"].size(), 1u);
  EXPECT_EQ(Client(port()).get("/api/v1/me/feed-token").status, 401);
}

TEST_F(AtomFeedTest, CompanyFeedParsesWithEscapedTextAndStableIds) {
  auto mia = as("mia");
  const std::string body = "Q3 <results> & plans 🎉\nSecond line with \"quotes\"";
  auto post = make_post(mia, body);
  auto token = token_of(as("max"));
  auto r = fetch("/feeds/" + token + "/company.atom", {{"Host", "greenroom.test"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-type").find("application/atom+xml"), std::string::npos);
  EXPECT_EQ(r.body.find("<results>"), std::string::npos) << "unescaped markup";
  std::string title;
  auto entries = parse_atom(r.body, &title);
  EXPECT_EQ(title, "Greenroom: company");
  ASSERT_FALSE(entries.empty());
  const auto& e = entries.front();  // newest first
  EXPECT_EQ(e.id, "tag:greenroom.invalid,2026:post/" + std::to_string(post["id"].get<long long>()));
  EXPECT_EQ(e.title, "Q3 <results> & plans 🎉");
  EXPECT_EQ(e.content, body);
  EXPECT_EQ(e.content_type, "text");
  EXPECT_EQ(e.author, "User mia");  // the display name
  EXPECT_EQ(e.link, "http://greenroom.test/posts/" + std::to_string(post["id"].get<long long>()));
  EXPECT_EQ(e.published.size(), 20u) << e.published;  // 2026-11-28T05:00:00Z
  EXPECT_EQ(e.published.back(), 'Z');
  EXPECT_EQ(e.updated, e.published);
  EXPECT_LE(entries.size(), 50u);
}

TEST_F(AtomFeedTest, RepeatedRequestsGet304) {
  make_post(as("mia"), "Something for the cache test");
  auto token = token_of(as("max"));
  const auto path = "/feeds/" + token + "/company.atom";
  auto first = fetch(path);
  ASSERT_EQ(first.status, 200);
  auto etag = first.header("etag");
  auto modified = first.header("last-modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());
  auto again = fetch(path, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(fetch(path, {{"If-Modified-Since", modified}}).status, 304);
  EXPECT_EQ(fetch(path, {{"If-None-Match", "\"other\""}}).status, 200);
  make_post(as("mia"), "A newer post changes the feed");
  EXPECT_EQ(fetch(path, {{"If-None-Match", etag}}).status, 200);
}

TEST_F(AtomFeedTest, EntriesAreWhatTheOwnerMaySee) {
  auto rui = as("rui");
  auto practice = make_post(rui, "Rui practice entry", "practice");
  auto company = make_post(rui, "Rui company entry");
  auto draft = make_post(rui, "Rui draft entry", "company", "draft");
  auto ids_for = [&](const std::string& who) {
    auto r = fetch("/feeds/" + token_of(as(who)) + "/users/rui.atom");
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> ids;
    for (const auto& e : parse_atom(r.body)) ids.insert(e.id);
    return ids;
  };
  auto tag = [](const nlohmann::json& p) {
    return "tag:greenroom.invalid,2026:post/" + std::to_string(p["id"].get<long long>());
  };
  auto mia = ids_for("mia");
  EXPECT_TRUE(mia.count(tag(company)));
  EXPECT_FALSE(mia.count(tag(practice)));
  EXPECT_FALSE(mia.count(tag(draft)));
  auto cora = ids_for("cora");
  EXPECT_TRUE(cora.count(tag(practice)));
  EXPECT_FALSE(cora.count(tag(draft))) << "a feed holds published posts only";
  // Hidden posts leave the feed.
  auto hid = as("mo").post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                          {"target_id", company["id"]},
                                                          {"action", "hide"},
                                                          {"reason", "test"}});
  ASSERT_EQ(hid.status, 201) << hid.body;
  EXPECT_FALSE(ids_for("mia").count(tag(company)));
  EXPECT_EQ(fetch("/feeds/" + token_of(as("mia")) + "/users/nobody.atom").status, 404);
}

TEST_F(AtomFeedTest, ADisabledOwnersTokenStopsWorking) {
  server().add_user("dora", "member");
  auto dora = as("dora");
  auto token = token_of(dora);
  ASSERT_EQ(fetch("/feeds/" + token + "/company.atom").status, 200);
  auto r = as("ada").send("PATCH", "/api/v1/users/" + std::to_string(dora.id()),
                          nlohmann::json{{"disabled", true}}.dump(),
                          {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(fetch("/feeds/" + token + "/company.atom").status, 404);
}

TEST_F(AtomFeedTest, BlogFeedHasPublishedArticlesAndAnsweredQuestionsNeverNamingAnAsker) {
  auto made = as("ada").post("/api/v1/blogs", {{"host_id", as("rui").id()},
                                               {"title", "Rui <asks> & answers"},
                                               {"description", "Questions welcome."},
                                               {"promise_days", 7}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto blog = std::to_string(made.json()["blog"]["id"].get<long long>());
  const std::string base = "/api/v1/blogs/" + blog;
  auto rui = as("rui");
  auto article =
      rui.post(base + "/articles",
               {{"body", "Roadmap & <plans> for 2027\n\nThe article."}, {"action", "publish"}});
  ASSERT_EQ(article.status, 201) << article.body;
  auto draft = rui.post(base + "/articles", {{"body", "A draft article"}, {"action", "draft"}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  auto asked = as("max").post(base + "/questions",
                              {{"body", "Anonymous: when are bonuses paid?"}, {"anonymous", true}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  auto open = as("max").post(base + "/questions",
                             {{"body", "An open question, not answered"}, {"anonymous", false}});
  ASSERT_EQ(open.status, 201) << open.body;
  const auto qid = std::to_string(asked.json()["question"]["id"].get<long long>());
  auto answered = rui.post("/api/v1/questions/" + qid + "/answer", {{"body", "In March & April."}});
  ASSERT_EQ(answered.status, 201) << answered.body;

  const auto token = token_of(as("mia"));
  auto r = fetch("/feeds/" + token + "/blogs/" + blog + ".atom");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string title;
  auto entries = parse_atom(r.body, &title);
  EXPECT_EQ(title, "Greenroom: Rui <asks> & answers");
  ASSERT_EQ(entries.size(), 2u) << r.body;
  const std::string host = rui.get("/api/v1/me").json()["user"]["display_name"];
  const Entry* post = nullptr;
  const Entry* question = nullptr;
  for (const auto& e : entries) {
    if (e.id == "tag:greenroom.invalid,2026:post/" +
                    std::to_string(article.json()["post"]["id"].get<long long>()))
      post = &e;
    if (e.id == "tag:greenroom.invalid,2026:question/" + qid) question = &e;
  }
  ASSERT_NE(post, nullptr) << r.body;
  ASSERT_NE(question, nullptr) << r.body;
  EXPECT_EQ(post->title, "Roadmap & <plans> for 2027");
  EXPECT_EQ(post->author, host);
  EXPECT_EQ(question->title, "Anonymous: when are bonuses paid?");
  EXPECT_TRUE(question->link.ends_with("/questions/" + qid)) << question->link;
  EXPECT_EQ(question->author, "Anonymous question");
  EXPECT_NE(question->content.find("In March & April."), std::string::npos) << question->content;
  EXPECT_EQ(question->content_type, "text");
  // The anonymous asker is named nowhere in the document.
  const std::string asker = as("max").get("/api/v1/me").json()["user"]["display_name"];
  EXPECT_EQ(r.body.find(asker), std::string::npos);
  EXPECT_EQ(fetch("/feeds/" + token + "/blogs/999999.atom").status, 404);
  EXPECT_EQ(fetch("/feeds/not-a-real-token-at-all/blogs/" + blog + ".atom").status, 404);
}

TEST_F(AtomFeedTest, TopicFeedHoldsTheTopicPagesPostsAndParsesInAFeedReader) {
  auto rui = as("rui");
  const std::string body = "Budget <draft> & #Q4-Plans 🎯\nMore about the plans";
  auto company = make_post(rui, body);
  auto practice = make_post(rui, "Cohort only: #q4-plans rehearsal", "practice");
  auto draft = make_post(rui, "Not yet: #q4-plans", "company", "draft");
  auto other = make_post(rui, "Another topic entirely #elsewhere");
  auto tag = [](const nlohmann::json& p) {
    return "tag:greenroom.invalid,2026:post/" + std::to_string(p["id"].get<long long>());
  };
  auto ids_for = [&](const std::string& who) {
    auto r = fetch("/feeds/" + token_of(as(who)) + "/topics/q4-plans.atom");
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    for (const auto& e : parse_atom(r.body)) ids.push_back(e.id);
    return ids;
  };
  // The feed holds exactly what the owner's topic page lists, in the same order.
  for (const std::string who : {"mia", "cora", "wren"}) {
    std::vector<std::string> page;
    const auto listed = as(who).get("/api/v1/topics/q4-plans/posts?limit=50").json();
    for (const auto& p : listed["items"]) page.push_back(tag(p));
    EXPECT_EQ(ids_for(who), page) << who;
  }
  auto mia = ids_for("mia");
  EXPECT_EQ(std::count(mia.begin(), mia.end(), tag(company)), 1);
  EXPECT_EQ(std::count(mia.begin(), mia.end(), tag(practice)), 0);
  EXPECT_EQ(std::count(mia.begin(), mia.end(), tag(draft)), 0);
  EXPECT_EQ(std::count(mia.begin(), mia.end(), tag(other)), 0);
  auto cora = ids_for("cora");
  EXPECT_EQ(std::count(cora.begin(), cora.end(), tag(practice)), 1);  // rui's coach
  ASSERT_FALSE(cora.empty());
  EXPECT_EQ(cora.front(), tag(practice));  // newest first

  // A real feed reader's parser: python3-feedparser.
  const auto token = token_of(as("mia"));
  auto r = fetch("/feeds/" + token + "/topics/Q4-Plans.atom", {{"Host", "greenroom.test"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("content-type").find("application/atom+xml"), std::string::npos);
  auto f = feedparser(r.body);
  ASSERT_TRUE(f.is_object());
  EXPECT_FALSE(f["bozo"].get<bool>()) << r.body;
  EXPECT_EQ(f["version"], "atom10");
  EXPECT_EQ(f["title"], "Greenroom: #q4-plans");
  ASSERT_EQ(f["entries"].size(), 1u) << f;
  const auto& e = f["entries"][0];
  EXPECT_EQ(e["id"], tag(company));
  EXPECT_EQ(e["title"], "Budget <draft> & #Q4-Plans 🎯");
  EXPECT_EQ(e["content"], body);
  EXPECT_EQ(e["author"], "User rui");
  EXPECT_EQ(e["link"],
            "http://greenroom.test/posts/" + std::to_string(company["id"].get<long long>()));
  EXPECT_EQ(e["published"], company["published_at"].get<std::string>().substr(0, 19) + "Z");
  EXPECT_EQ(e["updated"], e["published"]);

  // ETag and Last-Modified with 304; a hidden post leaves the feed and changes its ETag.
  const auto path = "/feeds/" + token + "/topics/q4-plans.atom";
  auto first = fetch(path);
  auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(fetch(path, {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(fetch(path, {{"If-Modified-Since", first.header("last-modified")}}).status, 304);
  auto hid = as("mo").post("/api/v1/moderation/actions", {{"target_type", "post"},
                                                          {"target_id", company["id"]},
                                                          {"action", "hide"},
                                                          {"reason", "test"}});
  ASSERT_EQ(hid.status, 201) << hid.body;
  EXPECT_EQ(fetch(path, {{"If-None-Match", etag}}).status, 200);
  EXPECT_TRUE(ids_for("mia").empty());

  // A topic nobody wrote about is an empty feed; a bad tag gets the topic page's error; a
  // wrong or voided token, or a disabled owner, 404.
  auto empty = fetch("/feeds/" + token + "/topics/nothing-here.atom");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(parse_atom(empty.body).empty());
  auto bad = fetch("/feeds/" + token + "/topics/9lives.atom");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("bad_topic"), std::string::npos) << bad.body;
  EXPECT_EQ(as("mia").get("/api/v1/topics/9lives/posts").error_code(), "bad_topic");
  EXPECT_EQ(fetch("/feeds/not-a-real-token-at-all/topics/q4-plans.atom").status, 404);
  server().add_user("tess", "member");
  auto tess = as("tess");
  const auto old = token_of(tess);
  auto rotated = tess.post("/api/v1/me/feed-token", nlohmann::json::object());
  ASSERT_EQ(rotated.status, 201);
  EXPECT_EQ(fetch("/feeds/" + old + "/topics/q4-plans.atom").status, 404);
  const auto fresh = rotated.json()["token"].get<std::string>();
  EXPECT_EQ(fetch("/feeds/" + fresh + "/topics/q4-plans.atom").status, 200);
  auto off = as("ada").send("PATCH", "/api/v1/users/" + std::to_string(tess.id()),
                            nlohmann::json{{"disabled", true}}.dump(),
                            {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(fetch("/feeds/" + fresh + "/topics/q4-plans.atom").status, 404);
}

}  // namespace
}  // namespace greenroom::test
