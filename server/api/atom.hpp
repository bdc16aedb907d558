#pragma once
// Atom 1.0 (RFC 4287) documents, written with libxml2's xmlTextWriter (every text escaped by
// the library). A feed builder takes entries, so any kind of item (posts now; articles and
// answered questions later) becomes a feed the same way.
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace greenroom::api {

struct AtomEntry {
  std::string id;     // a stable tag: URI
  std::string title;  // plain text
  std::string link;   // the web page
  std::string author_name;
  std::string content;  // plain text (type="text")
  domain::Millis published = 0;
  domain::Millis updated = 0;
};

struct AtomFeed {
  std::string id;
  std::string title;
  std::string self_link;
  std::string alternate_link;
  std::vector<AtomEntry> entries;  // newest first
  // The newest entry's update time, or 0 for an empty feed.
  domain::Millis updated() const;
};

std::string render_atom(const AtomFeed& feed);

// A stable tag: URI for an item ("post", 42) -> tag:greenroom.invalid,2026:post/42.
std::string atom_tag(std::string_view kind, std::int64_t id);
// An entry title from a text: its first line, at most 80 characters (whole characters).
std::string atom_title(std::string_view text);

}  // namespace greenroom::api
