// Fuzz target for the reading list's feed parsing (domain/feed_parser, domain/feed_url).
// Invariants: a parse either gives a feed or an error code with a message; every text is
// valid UTF-8 within its limit and free of control characters; every link is an http(s)
// URL that parse_feed_url accepts; guids are never empty; entity declarations are refused.
// The same bytes also go through the HTML stripper, the date reader and the URL parser.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/feed_parser.hpp"
#include "domain/feed_url.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void check_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    check(len > 0 && i + len <= s.size());
    for (std::size_t k = 1; k < len; ++k)
      check((static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80);
    i += len;
  }
}

void check_text(std::string_view s, std::size_t max_chars) {
  check_utf8(s);
  check(code_points(s) <= max_chars);
  for (unsigned char c : s) check(c >= 0x20 && c != 0x7f);
}

void check_link(const std::optional<std::string>& link) {
  if (!link) return;
  check(greenroom::domain::parse_feed_url(*link).has_value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto r = d::parse_feed(in);
  if (!r.feed) {
    check(!r.error_code.empty() && !r.error.empty());
  } else {
    check(r.error_code.empty());
    check(r.feed->kind == "rss" || r.feed->kind == "atom");
    check_text(r.feed->title, d::kMaxFeedTitleChars);
    check_link(r.feed->link);
    check(r.feed->entries.size() <= d::kMaxFeedEntries);
    for (const auto& e : r.feed->entries) {
      check(!e.guid.empty() && e.guid.size() <= d::kMaxFeedGuidBytes);
      check_utf8(e.guid);
      check(!e.title.empty());
      check_text(e.title, d::kMaxFeedTitleChars);
      check_text(e.summary, d::kMaxFeedSummaryChars);
      check_link(e.link);
    }
  }
  if (in.find("<!DOCTYPE") != std::string_view::npos &&
      in.find("<!ENTITY") != std::string_view::npos)
    check(!r.feed);  // refused (feed_entities_refused, or earlier for bytes no feed may hold)

  check_text(d::plain_text_from_html(in, 200), 200);
  if (auto t = d::parse_rfc822(in)) check(*t >= 0);
  if (auto u = d::parse_feed_url(in)) {
    check(d::valid_feed_host(u->host));
    check(!u->target.empty() && u->target.front() == '/');
    auto again = d::parse_feed_url(u->text());
    check(again && again->text() == u->text());
    if (auto red = d::resolve_redirect(*u, in)) check(d::valid_feed_host(red->host));
  }
  return 0;
}
