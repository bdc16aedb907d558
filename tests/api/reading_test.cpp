// The reading list against a local test feed server on 127.0.0.1: admin-allowed hosts,
// subscriptions, RSS and Atom, malformed XML, an entity-expansion bomb, an oversized feed,
// a slow server, redirects (to a loopback port not allowed: refused, never connected), a
// host not allowed (never fetched), back-off after a failure, read state per person.
//
// The server allows exactly one internal address, 127.0.0.1 on the feed server's port
// (reading.allow_addresses), so every other loopback port stays refused.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include "feed_server.hpp"
#include "harness.hpp"

namespace greenroom::test {
namespace {

const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Leadership &amp; Comms</title>
<link>https://news.example.com/</link>
<item><title>Leaders who post weekly</title><link>https://news.example.com/weekly</link>
<guid>weekly-1</guid>
<description>&lt;p&gt;Short &lt;b&gt;posts&lt;/b&gt; win.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
<pubDate>{RECENT}</pubDate></item>
<item><title>An older note</title><link>javascript:alert(1)</link><guid>older-2</guid>
<description>Plain text &amp;amp; an emoji 😀</description>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
</channel></rss>)";

const char* kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Comms Blog</title>
<link href="https://blog.example.org/"/><id>urn:x</id><updated>2026-11-27T18:30:02Z</updated>
<entry><title type="html">Storytelling &lt;em&gt;for&lt;/em&gt; leaders</title>
<link rel="alternate" href="https://blog.example.org/story"/><id>tag:blog.example.org,2026:story</id>
<published>2026-11-26T09:00:00Z</published><updated>2026-11-27T09:00:00Z</updated>
<summary>Tell one story.</summary></entry>
</feed>)";

const char* kBomb = R"(<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rss version="2.0"><channel><title>&e;</title><item><title>&e;</title></item></channel></rss>)";

CannedResponse canned(int status, std::string type, std::string body,
                      std::map<std::string, std::string> headers = {}, int delay_ms = 0) {
  CannedResponse r;
  r.status = status;
  r.content_type = std::move(type);
  r.body = std::move(body);
  r.headers = std::move(headers);
  r.delay_ms = delay_ms;
  return r;
}

std::string rfc822_now_minus(int hours) {
  const std::time_t t = std::time(nullptr) - hours * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::string with_recent_date(std::string doc) {
  auto at = doc.find("{RECENT}");
  doc.replace(at, 8, rfc822_now_minus(2));
  return doc;
}

class Reading : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    feeds_ = std::make_unique<FeedServer>();
    other_ = std::make_unique<FeedServer>();  // a loopback port the server may not reach
    ServerOptions opts;
    opts.config = {{"reading",
                    {{"allow_addresses", {"127.0.0.1:" + std::to_string(feeds_->port())}},
                     {"poll_seconds", 1},
                     {"retry_seconds", 60},
                     {"connect_timeout_seconds", 2},
                     {"read_timeout_seconds", 2},
                     {"max_feed_bytes", 65536}}}};
    server_ = std::make_unique<TestServer>(opts);
    for (const char* name : {"rhea", "remy", "rosa", "ravi", "rita", "rolf", "ruth", "ryan"})
      server_->add_user(name, "member");
    server_->add_user("ada", "admin");
    server_->add_user("eli", "executive", "run");
    auto allowed = Client(server_->port(), "ada").put("/api/v1/admin/feed-hosts/127.0.0.1");
    ASSERT_EQ(allowed.status, 200) << allowed.body;

    feeds_->serve("/rss", canned(200, "application/rss+xml", with_recent_date(kRss)));
    feeds_->serve("/atom", canned(200, "application/atom+xml", kAtom));
    feeds_->serve("/malformed",
                  canned(200, "application/xml", "<rss version=\"2.0\"><channel><title>x"));
    feeds_->serve("/bomb", canned(200, "application/xml", kBomb));
    std::string big = "<rss version=\"2.0\"><channel><title>big</title>";
    while (big.size() < 70000) big += "<item><title>padding padding padding</title></item>";
    feeds_->serve("/big", canned(200, "application/xml", big + "</channel></rss>"));
    feeds_->serve("/slow", canned(200, "application/xml", with_recent_date(kRss), {}, 4000));
    feeds_->serve("/moved", canned(301, "text/plain", "", {{"Location", "/atom"}}));
    feeds_->serve("/to-other-port",
                  canned(302, "text/plain", "", {{"Location", other_->url("/rss")}}));
    feeds_->serve(
        "/to-other-host",
        canned(302, "text/plain", "",
               {{"Location", "http://localhost:" + std::to_string(feeds_->port()) + "/rss"}}));
    feeds_->serve("/loop", canned(302, "text/plain", "", {{"Location", "/loop"}}));
    feeds_->serve("/html", canned(200, "text/html", "<html><body>Hello</body></html>"));
    other_->serve("/rss", canned(200, "application/rss+xml", with_recent_date(kRss)));
  }
  static void TearDownTestSuite() {
    server_.reset();
    other_.reset();
    feeds_.reset();
  }

  static Client as(const std::string& name) { return Client(server_->port(), name); }

  // Subscribes `who` to the test server's `path` and waits for its first fetch; returns the
  // subscription as GET /reading/feeds shows it.
  static nlohmann::json subscribe_and_wait(const Client& who, const std::string& path) {
    auto r = who.post("/api/v1/reading/feeds", {{"url", feeds_->url(path)}});
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.json()["feed"]["id"];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto listed = who.get("/api/v1/reading/feeds").json();
      for (const auto& f : listed["items"])
        if (f["id"] == id && !f["last_attempt_at"].is_null()) return f;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << "the feed " << path << " was not fetched within 20 s";
    return nullptr;
  }

  static inline std::unique_ptr<FeedServer> feeds_, other_;
  static inline std::unique_ptr<TestServer> server_;
};

TEST_F(Reading, AdminsAllowAndRemoveHostsAndEveryChangeIsAudited) {
  auto ada = as("ada");
  auto put = ada.put("/api/v1/admin/feed-hosts/News.Example.COM");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["host"]["host"], "news.example.com");
  auto list = ada.get("/api/v1/admin/feed-hosts").json()["items"];
  bool found = false;
  for (const auto& h : list) found = found || h["host"] == "news.example.com";
  EXPECT_TRUE(found) << list;
  EXPECT_EQ(ada.put("/api/v1/admin/feed-hosts/news.example.com").status, 200);  // idempotent
  EXPECT_EQ(ada.put("/api/v1/admin/feed-hosts/-bad-.example").error_code(), "invalid_feed_host");
  EXPECT_EQ(ada.put("/api/v1/admin/feed-hosts/under_score.example").status, 400);
  EXPECT_EQ(as("rhea").put("/api/v1/admin/feed-hosts/evil.example.com").status, 403);
  EXPECT_EQ(as("rhea").get("/api/v1/admin/feed-hosts").status, 403);
  EXPECT_EQ(ada.del("/api/v1/admin/feed-hosts/news.example.com").status, 200);
  EXPECT_EQ(ada.del("/api/v1/admin/feed-hosts/news.example.com").status, 404);
  auto audit = ada.get("/api/v1/audit?target_type=feed_host").json()["items"];
  int allowed = 0, removed = 0;
  for (const auto& e : audit) {
    if (e["action"] == "feed_host_allowed" && e["detail"]["host"] == "news.example.com") ++allowed;
    if (e["action"] == "feed_host_removed" && e["detail"]["host"] == "news.example.com") ++removed;
  }
  EXPECT_EQ(allowed, 1) << audit;  // the repeated PUT changed nothing and wrote nothing
  EXPECT_EQ(removed, 1) << audit;
}

TEST_F(Reading, BadAddressesAreRefusedAndAHostNotAllowedIsNeverFetched) {
  auto rhea = as("rhea");
  for (const std::string bad : {"ftp://127.0.0.1/feed", "not a url", "javascript:alert(1)",
                                "http://user@127.0.0.1/rss", "http:///nohost", ""}) {
    auto r = rhea.post("/api/v1/reading/feeds", {{"url", bad}});
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
    EXPECT_EQ(r.error_code(), "invalid_feed_url") << bad;
  }
  const std::string other_host = "http://localhost:" + std::to_string(feeds_->port()) + "/never";
  auto r = rhea.post("/api/v1/reading/feeds", {{"url", other_host}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.error_code(), "feed_host_not_allowed");
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("localhost"), std::string::npos);
  EXPECT_TRUE(rhea.get("/api/v1/reading/feeds").json()["items"].empty());
  std::this_thread::sleep_for(std::chrono::seconds(2));  // two fetcher rounds
  EXPECT_EQ(feeds_->requests("/never"), 0);
}

TEST_F(Reading, RssEntriesArriveAsPlainTextNewestFirstWithReadStatePerPerson) {
  auto remy = as("remy"), rosa = as("rosa");
  auto feed = subscribe_and_wait(remy, "/rss");
  ASSERT_TRUE(feed.is_object());
  EXPECT_TRUE(feed["last_error"].is_null()) << feed;
  EXPECT_EQ(feed["title"], "Leadership & Comms");
  EXPECT_EQ(feed["site_link"], "https://news.example.com/");

  auto view = remy.get("/api/v1/reading");
  ASSERT_EQ(view.status, 200) << view.body;
  auto j = view.json();
  ASSERT_EQ(j["items"].size(), 2u) << j;
  auto first = j["items"][0], second = j["items"][1];
  EXPECT_EQ(first["title"], "Leaders who post weekly");
  EXPECT_EQ(first["summary"], "Short posts win.");  // markup and the script are gone
  EXPECT_EQ(first["link"], "https://news.example.com/weekly");
  EXPECT_EQ(first["feed"]["title"], "Leadership & Comms");
  EXPECT_FALSE(first["read"].get<bool>());
  EXPECT_EQ(second["title"], "An older note");
  EXPECT_TRUE(second["link"].is_null());  // javascript: is never a link
  EXPECT_EQ(second["summary"], "Plain text & an emoji 😀");
  EXPECT_EQ(second["published_at"], "2003-06-10T04:00:00.000Z");
  EXPECT_EQ(j["new_since_yesterday"], 1);  // only the entry from two hours ago
  EXPECT_EQ(j["stats"]["feeds"], 1);
  EXPECT_EQ(j["stats"]["reading_days_30"], 1);

  // Paging: one per page, the cursor leads to the second.
  auto page1 = remy.get("/api/v1/reading?limit=1").json();
  ASSERT_EQ(page1["items"].size(), 1u);
  ASSERT_TRUE(page1["next"].is_string());
  auto page2 =
      remy.get("/api/v1/reading?limit=1&before=" + page1["next"].get<std::string>()).json();
  ASSERT_EQ(page2["items"].size(), 1u);
  EXPECT_EQ(page2["items"][0]["title"], "An older note");
  EXPECT_EQ(remy.get("/api/v1/reading?before=garbage").status, 400);
  EXPECT_EQ(remy.get("/api/v1/reading?unread=maybe").status, 400);

  // Read, then unread again; the "new" count follows.
  const auto id = std::to_string(first["id"].get<long long>());
  auto marked = remy.put("/api/v1/reading/items/" + id + "/read");
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_TRUE(marked.json()["item"]["read"].get<bool>());
  auto after = remy.get("/api/v1/reading?unread=true").json();
  ASSERT_EQ(after["items"].size(), 1u);
  EXPECT_EQ(after["items"][0]["title"], "An older note");
  EXPECT_EQ(after["new_since_yesterday"], 0);

  // Another person never sees remy's subscriptions, entries or read state.
  EXPECT_TRUE(rosa.get("/api/v1/reading/feeds").json()["items"].empty());
  EXPECT_TRUE(rosa.get("/api/v1/reading").json()["items"].empty());
  EXPECT_EQ(rosa.put("/api/v1/reading/items/" + id + "/read").status, 404);
  EXPECT_EQ(rosa.del("/api/v1/reading/items/" + id + "/read").status, 404);
  EXPECT_EQ(rosa.del("/api/v1/reading/feeds/" + std::to_string(feed["id"].get<long long>())).status,
            404);
  // Following the same feed, rosa gets its entries with her own (unread) state.
  auto same = rosa.post("/api/v1/reading/feeds", {{"url", feeds_->url("/rss")}});
  ASSERT_EQ(same.status, 201) << same.body;
  auto hers = rosa.get("/api/v1/reading").json()["items"];
  ASSERT_EQ(hers.size(), 2u);
  EXPECT_FALSE(hers[0]["read"].get<bool>());
  EXPECT_EQ(rosa.post("/api/v1/reading/feeds", {{"url", feeds_->url("/rss")}}).error_code(),
            "already_subscribed");

  auto unmarked = remy.del("/api/v1/reading/items/" + id + "/read");
  ASSERT_EQ(unmarked.status, 200);
  EXPECT_FALSE(unmarked.json()["item"]["read"].get<bool>());
  EXPECT_EQ(remy.get("/api/v1/reading").json()["new_since_yesterday"], 1);

  // Unsubscribing empties the view and is audited.
  EXPECT_EQ(remy.del("/api/v1/reading/feeds/" + std::to_string(feed["id"].get<long long>())).status,
            200);
  EXPECT_TRUE(remy.get("/api/v1/reading").json()["items"].empty());
  EXPECT_EQ(remy.put("/api/v1/reading/items/" + id + "/read").status, 404);
  auto audit = as("ada").get("/api/v1/audit?target_type=external_feed").json()["items"];
  int subscribed = 0, unsubscribed = 0;
  for (const auto& e : audit) {
    if (e["action"] == "feed_subscribed") ++subscribed;
    if (e["action"] == "feed_unsubscribed") ++unsubscribed;
  }
  EXPECT_GE(subscribed, 2) << audit;
  EXPECT_GE(unsubscribed, 1) << audit;
}

TEST_F(Reading, AtomEntriesAndARedirectWithinTheAllowedHost) {
  auto ravi = as("ravi");
  auto feed = subscribe_and_wait(ravi, "/moved");  // 301 to /atom
  ASSERT_TRUE(feed.is_object());
  EXPECT_TRUE(feed["last_error"].is_null()) << feed;
  EXPECT_EQ(feed["title"], "The Comms Blog");
  auto items = ravi.get("/api/v1/reading").json()["items"];
  ASSERT_EQ(items.size(), 1u) << items;
  EXPECT_EQ(items[0]["title"], "Storytelling for leaders");
  EXPECT_EQ(items[0]["link"], "https://blog.example.org/story");
  EXPECT_EQ(items[0]["summary"], "Tell one story.");
  EXPECT_EQ(items[0]["published_at"], "2026-11-26T09:00:00.000Z");
  EXPECT_EQ(items[0]["updated_at"], "2026-11-27T09:00:00.000Z");
  EXPECT_GE(feeds_->requests("/atom"), 1);
}

TEST_F(Reading, BrokenFeedsAreMarkedWithTheirErrorAndBackOff) {
  auto rita = as("rita");
  struct Case {
    const char* path;
    const char* code;
  };
  for (const Case& c :
       {Case{"/malformed", "feed_malformed"}, Case{"/bomb", "feed_entities_refused"},
        Case{"/big", "feed_too_large"}, Case{"/html", "feed_not_a_feed"},
        Case{"/loop", "feed_too_many_redirects"}}) {
    auto feed = subscribe_and_wait(rita, c.path);
    ASSERT_TRUE(feed.is_object()) << c.path;
    ASSERT_TRUE(feed["last_error"].is_object()) << c.path << " " << feed;
    EXPECT_EQ(feed["last_error"]["code"], c.code) << c.path << " " << feed;
    EXPECT_FALSE(feed["last_error"]["message"].get<std::string>().empty());
    EXPECT_TRUE(feed["last_success_at"].is_null());
  }
  EXPECT_TRUE(rita.get("/api/v1/reading").json()["items"].empty());
  // /loop: the first request and three redirects, then it stops.
  EXPECT_EQ(feeds_->requests("/loop"), 4);
  // No tight retry loop: with a 60 s back-off, three more seconds bring no new request.
  const int before = feeds_->requests("/malformed");
  EXPECT_EQ(before, 1);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(feeds_->requests("/malformed"), before);
  EXPECT_EQ(feeds_->requests("/bomb"), 1);
}

TEST_F(Reading, ASlowServerTimesOut) {
  auto rolf = as("rolf");
  const auto started = std::chrono::steady_clock::now();
  auto feed = subscribe_and_wait(rolf, "/slow");
  ASSERT_TRUE(feed.is_object());
  ASSERT_TRUE(feed["last_error"].is_object()) << feed;
  EXPECT_EQ(feed["last_error"]["code"], "feed_timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4 + 5));
  // The server kept answering requests meanwhile.
  EXPECT_EQ(Client(server_->port()).get("/healthz").status, 200);
}

TEST_F(Reading, RedirectsToAnotherLoopbackPortOrAHostNotAllowedAreRefused) {
  auto ruth = as("ruth");
  auto feed = subscribe_and_wait(ruth, "/to-other-port");
  ASSERT_TRUE(feed.is_object());
  ASSERT_TRUE(feed["last_error"].is_object()) << feed;
  EXPECT_EQ(feed["last_error"]["code"], "feed_address_refused");
  EXPECT_EQ(other_->total_requests(), 0);  // never connected

  auto to_host = subscribe_and_wait(ruth, "/to-other-host");
  ASSERT_TRUE(to_host.is_object());
  ASSERT_TRUE(to_host["last_error"].is_object()) << to_host;
  EXPECT_EQ(to_host["last_error"]["code"], "feed_host_not_allowed");
  EXPECT_TRUE(ruth.get("/api/v1/reading").json()["items"].empty());
}

TEST_F(Reading, AnotherLoopbackAddressIsRefusedAndARemovedHostCannotBeFollowed) {
  auto ada = as("ada");
  ASSERT_EQ(ada.put("/api/v1/admin/feed-hosts/127.0.0.2").status, 200);
  auto ryan = as("ryan");
  // 127.0.0.2 is loopback too and not allowed by address: refused before connecting.
  auto r = ryan.post("/api/v1/reading/feeds",
                     {{"url", "http://127.0.0.2:" + std::to_string(feeds_->port()) + "/rss"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  nlohmann::json feed;
  while (std::chrono::steady_clock::now() < deadline) {
    feed = ryan.get("/api/v1/reading/feeds").json()["items"][0];
    if (!feed["last_attempt_at"].is_null()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_TRUE(feed["last_error"].is_object()) << feed;
  EXPECT_EQ(feed["last_error"]["code"], "feed_address_refused");
  ASSERT_EQ(ada.del("/api/v1/admin/feed-hosts/127.0.0.2").status, 200);
  // Subscribing to a host no longer allowed is refused.
  EXPECT_EQ(ryan.post("/api/v1/reading/feeds",
                      {{"url", "http://127.0.0.2:" + std::to_string(feeds_->port()) + "/atom"}})
                .error_code(),
            "feed_host_not_allowed");
}

}  // namespace
}  // namespace greenroom::test
