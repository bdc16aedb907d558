#pragma once
// Mentions (@username) and topics (#topic) in a text as written: the one extractor every kind
// of text uses (posts and replies now; articles, questions and answers reuse it).
//   - A mention is '@' and 1-64 of [A-Za-z0-9._-] (a username), without trailing '.' or '-'
//     (so "thanks @mia." mentions mia).
//   - A topic is '#' and a letter, then up to 49 of [A-Za-z0-9_-], without trailing '-'.
//   - A name running straight into a non-ASCII character ("#café") is no reference.
//   - Either counts only at the start of the text or after a character that cannot be part
//     of a word, address or link (so "a@b.com", "x#y" and "/page#part" are not references).
// Offsets are code points of the text, like the lint findings; `value` is lower-cased.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace greenroom::domain {

struct TextReference {
  enum class Kind { mention, topic };
  Kind kind = Kind::mention;
  std::size_t start = 0;  // code point of the sigil
  std::size_t end = 0;    // code point after the last character
  std::string value;      // without the sigil, lower-case
};

inline constexpr std::size_t kMaxReferencesPerText = 50;

// In order of appearance; at most kMaxReferencesPerText. The text must be valid UTF-8.
std::vector<TextReference> find_references(std::string_view text);

}  // namespace greenroom::domain
