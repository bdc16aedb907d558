// The reading list's pure rules: feed parsing (RSS 2.0, Atom, refusals), plain text from
// feed HTML, RFC 822 dates, feed URLs and redirects, the fetcher's address rules, back-off.
#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>

#include "domain/feed_parser.hpp"
#include "domain/feed_url.hpp"
#include "domain/reading.hpp"
#include "net/feed_addresses.hpp"

namespace d = greenroom::domain;
namespace n = greenroom::net;

namespace {

TEST(FeedParser, ReadsRssAsPlainText) {
  auto r = d::parse_feed(R"(<?xml version="1.0"?><rss version="2.0"><channel>
    <title>A &amp; B</title><link>https://a.example/</link>
    <item><title>One</title><link>https://a.example/1</link><guid>g1</guid>
      <description>&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt; &amp;amp; &amp;#x1F600;&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>
      <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
    <item><title>Two</title><link>javascript:alert(1)</link><guid>https://a.example/2</guid></item>
    <item><description>No title here</description></item>
    <item></item>
  </channel></rss>)");
  ASSERT_TRUE(r.feed) << r.error;
  EXPECT_EQ(r.feed->kind, "rss");
  EXPECT_EQ(r.feed->title, "A & B");
  EXPECT_EQ(r.feed->link, "https://a.example/");
  ASSERT_EQ(r.feed->entries.size(), 3u);  // the empty item is skipped
  const auto& one = r.feed->entries[0];
  EXPECT_EQ(one.guid, "g1");
  EXPECT_EQ(one.summary, "Hi there & \xF0\x9F\x98\x80");
  EXPECT_EQ(one.published, 1055217600000);
  EXPECT_EQ(r.feed->entries[1].link, "https://a.example/2");  // a permalink guid, not javascript:
  EXPECT_EQ(r.feed->entries[2].title, "No title here");
}

TEST(FeedParser, ReadsAtomTextConstructs) {
  auto r = d::parse_feed(
      R"(<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;i&gt;Blog&lt;/i&gt;</title>
    <link rel="self" href="https://b.example/atom"/><link href="https://b.example/"/>
    <entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X <b>y</b></div></title>
      <link rel="alternate" href="https://b.example/1"/><updated>2026-11-27T09:00:00+01:00</updated>
      <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>)");
  ASSERT_TRUE(r.feed) << r.error;
  EXPECT_EQ(r.feed->kind, "atom");
  EXPECT_EQ(r.feed->title, "Blog");
  EXPECT_EQ(r.feed->link, "https://b.example/");
  ASSERT_EQ(r.feed->entries.size(), 1u);
  EXPECT_EQ(r.feed->entries[0].title, "X y");
  EXPECT_EQ(r.feed->entries[0].summary, "Body");
  EXPECT_EQ(r.feed->entries[0].updated, d::parse_rfc3339("2026-11-27T08:00:00Z"));
  EXPECT_FALSE(r.feed->entries[0].published);
}

TEST(FeedParser, RefusesEntitiesMalformedAndForeignDocuments) {
  EXPECT_EQ(
      d::parse_feed(R"(<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>
    <rss version="2.0"><channel><title>&b;</title></channel></rss>)")
          .error_code,
      "feed_entities_refused");
  // An external DTD is never loaded (no DTDLOAD, NONET): its entity stays unexpanded, empty.
  auto external = d::parse_feed(
      R"(<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/x.dtd"><rss version="2.0"><channel><title>a&x;b</title></channel></rss>)");
  ASSERT_TRUE(external.feed) << external.error;
  EXPECT_EQ(external.feed->title, "ab");
  EXPECT_EQ(d::parse_feed("<rss><channel><title>x</channel>").error_code, "feed_malformed");
  EXPECT_EQ(d::parse_feed("").error_code, "feed_malformed");
  EXPECT_EQ(d::parse_feed(std::string_view("<\0r\0s\0s\0>", 8)).error_code,
            "feed_encoding_unsupported");
  EXPECT_EQ(d::parse_feed("<html><body/></html>").error_code, "feed_not_a_feed");
  // Atom elements outside the Atom namespace are not Atom.
  EXPECT_EQ(d::parse_feed("<feed><title>x</title></feed>").error_code, "feed_not_a_feed");
}

TEST(FeedParser, KeepsAtMostTheEntryLimit) {
  std::string doc = "<rss version=\"2.0\"><channel><title>t</title>";
  for (int i = 0; i < 250; ++i) doc += "<item><title>e" + std::to_string(i) + "</title></item>";
  auto r = d::parse_feed(doc + "</channel></rss>");
  ASSERT_TRUE(r.feed);
  EXPECT_EQ(r.feed->entries.size(), d::kMaxFeedEntries);
}

TEST(FeedText, StripsMarkupAndCuts) {
  EXPECT_EQ(d::plain_text_from_html("<p>a</p><p>b</p>", 100), "a b");
  EXPECT_EQ(d::plain_text_from_html("x <STYLE>p{}</style> y <!-- c --> z", 100), "x y z");
  EXPECT_EQ(d::plain_text_from_html("1 < 2 &bogus; &#0; &#x110000;", 100),
            "1 < 2 &bogus; \xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(d::plain_text_from_html("abcdefghij", 5), "abcd\xE2\x80\xA6");
  EXPECT_EQ(d::plain_text_from_html("<a href='x'>link</a> and <unfinished tag", 100), "link and");
}

TEST(FeedDates, ReadsRfc822) {
  EXPECT_EQ(d::parse_rfc822("Tue, 10 Jun 2003 04:00:00 GMT"), 1055217600000);
  EXPECT_EQ(d::parse_rfc822("10 Jun 2003 00:00:00 -0400"), 1055217600000);
  EXPECT_EQ(d::parse_rfc822("Mon, 09 Jun 03 21:00 PDT"), 1055217600000);
  EXPECT_FALSE(d::parse_rfc822("yesterday"));
  EXPECT_FALSE(d::parse_rfc822("10 Foo 2003 04:00:00 GMT"));
  EXPECT_FALSE(d::parse_rfc822("10 Jun 2003 25:00:00 GMT"));
}

TEST(FeedUrls, ParseNormaliseAndRedirect) {
  auto u = d::parse_feed_url("HTTPS://News.Example.com./feed.xml?x=1#top");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->text(), "https://news.example.com/feed.xml?x=1");
  auto p = d::parse_feed_url("http://127.0.0.1:8080");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->port, 8080);
  EXPECT_EQ(p->target, "/");
  for (const char* bad :
       {"ftp://a.example/", "https://user@a.example/", "https://a.example:0/",
        "https://a.example:99999/", "https://a b.example/", "https:///x", "https://-a.example/",
        "https://a_b.example/", "javascript:alert(1)", "https://[::1]/", "https://256.1.1.1/"})
    EXPECT_FALSE(d::parse_feed_url(bad)) << bad;
  auto r = d::resolve_redirect(*u, "/moved");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text(), "https://news.example.com/moved");
  EXPECT_EQ(d::resolve_redirect(*u, "http://other.example/x")->host, "other.example");
  EXPECT_FALSE(d::resolve_redirect(*u, "//evil.example/x"));
  EXPECT_FALSE(d::resolve_redirect(*u, "relative/path"));
  EXPECT_FALSE(d::resolve_redirect(*u, "file:///etc/passwd"));
}

TEST(FeedAddresses, OnlyPublicAddressesUnlessAllowedExactly) {
  auto ip = [](const char* s) { return boost::asio::ip::make_address(s); };
  for (const char* internal :
       {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2001:db8::1"})
    EXPECT_FALSE(n::is_public_address(ip(internal))) << internal;
  for (const char* pub : {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"})
    EXPECT_TRUE(n::is_public_address(ip(pub))) << pub;
  // Tunnels and translators that carry an IPv4 address: 6to4 (to 127.0.0.1, 10.0.0.1,
  // 169.254.169.254), Teredo, local-use NAT64; 6to4 to a public address stays public.
  for (const char* tunnel : {"2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1",
                             "2001:0:4136:e378:8000:63bf:3fff:fdd2", "64:ff9b:1::a00:1"})
    EXPECT_FALSE(n::is_public_address(ip(tunnel))) << tunnel;
  EXPECT_TRUE(n::is_public_address(ip("2002:808:808::1")));
  auto allowed = n::parse_allowed_addresses({"127.0.0.1:8080", "::1"});
  EXPECT_TRUE(n::address_permitted(ip("127.0.0.1"), 8080, allowed));
  EXPECT_FALSE(n::address_permitted(ip("127.0.0.1"), 8081, allowed));
  EXPECT_FALSE(n::address_permitted(ip("127.0.0.2"), 8080, allowed));
  EXPECT_TRUE(n::address_permitted(ip("::1"), 1, allowed));
  EXPECT_TRUE(n::address_permitted(ip("::ffff:127.0.0.1"), 8080, allowed));
  EXPECT_THROW(n::parse_allowed_address("localhost"), std::invalid_argument);
  EXPECT_THROW(n::parse_allowed_address("127.0.0.1:http"), std::invalid_argument);
  EXPECT_THROW(n::parse_allowed_address("[::1]x"), std::invalid_argument);
  EXPECT_EQ(n::parse_allowed_address("[::1]:443").port, 443);
}

TEST(ReadingRules, BackOffDoublesUpToTheCap) {
  const d::Millis s = 1000;
  EXPECT_EQ(d::next_fetch_after_failure(0, 1, 300 * s, 86400 * s), 300 * s);
  EXPECT_EQ(d::next_fetch_after_failure(0, 2, 300 * s, 86400 * s), 600 * s);
  EXPECT_EQ(d::next_fetch_after_failure(0, 4, 300 * s, 86400 * s), 2400 * s);
  EXPECT_EQ(d::next_fetch_after_failure(0, 40, 300 * s, 86400 * s), 86400 * s);
  EXPECT_EQ(d::utc_day(0), "1970-01-01");
}

}  // namespace
