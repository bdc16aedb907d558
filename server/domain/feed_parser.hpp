#pragma once
// Parsing external feeds (RSS 2.0 and Atom 1.0) for the reading list, with libxml2 on a
// byte buffer: no network (XML_PARSE_NONET), entities never substituted, no external DTD
// loaded, and any document whose DOCTYPE declares entities refused before parsing (the
// "billion laughs" family). What comes out is plain text: titles and summaries have their
// markup stripped and entities decoded; links are http(s) only. Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace greenroom::domain {

inline constexpr std::size_t kMaxFeedEntries = 200;
inline constexpr std::size_t kMaxFeedTitleChars = 300;
inline constexpr std::size_t kMaxFeedSummaryChars = 1000;
inline constexpr std::size_t kMaxFeedGuidBytes = 500;

struct ParsedEntry {
  std::string guid;  // RSS guid / Atom id, else the link, else the title
  std::string title;
  std::optional<std::string> link;
  std::string summary;
  std::optional<Millis> published;
  std::optional<Millis> updated;
};

struct ParsedFeed {
  std::string kind;  // "rss" or "atom"
  std::string title;
  std::optional<std::string> link;
  std::vector<ParsedEntry> entries;  // in document order, at most kMaxFeedEntries
};

struct FeedParseResult {
  std::optional<ParsedFeed> feed;
  std::string error_code;  // feed_malformed, feed_entities_refused, feed_not_a_feed, ...
  std::string error;       // a human sentence
};

FeedParseResult parse_feed(std::string_view bytes);

// Markup stripped, HTML entities decoded, white space collapsed, cut to `max_chars` code
// points (with an ellipsis). Script and style contents are dropped.
std::string plain_text_from_html(std::string_view html, std::size_t max_chars);

// RFC 822/1123 dates as RSS uses them ("Tue, 10 Jun 2003 04:00:00 GMT", numeric zones and
// the US zone names), nullopt when unreadable.
std::optional<Millis> parse_rfc822(std::string_view s);

}  // namespace greenroom::domain
