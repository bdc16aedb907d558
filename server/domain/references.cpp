#include "domain/references.hpp"

namespace greenroom::domain {

namespace {

bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool in_username(unsigned char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '-';
}
bool in_topic(unsigned char c) {
  return is_alnum(c) || c == '_' || c == '-';
}

// A reference may start after nothing, or after a byte that cannot continue a word, an
// address or a link. Bytes of multi-byte characters (>= 0x80) count as word characters, so
// "é@x" is not a mention either.
bool may_precede(unsigned char c) {
  if (c >= 0x80) return false;
  return !(in_username(c) || c == '@' || c == '#' || c == '/' || c == '&' || c == '=' || c == '+' ||
           c == ':');
}

char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

}  // namespace

std::vector<TextReference> find_references(std::string_view text) {
  std::vector<TextReference> out;
  std::size_t cp = 0;  // code point index of text[i]
  for (std::size_t i = 0; i < text.size() && out.size() < kMaxReferencesPerText;) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool sigil =
        (c == '@' || c == '#') && (i == 0 || may_precede(static_cast<unsigned char>(text[i - 1])));
    if (sigil) {
      const bool mention = c == '@';
      const std::size_t limit = mention ? 64 : 50;
      std::size_t j = i + 1;
      if (!mention && (j >= text.size() || !is_letter(static_cast<unsigned char>(text[j])))) {
        // "#1" or "# " is no topic: fall through and step over the '#'
      } else {
        while (j < text.size() && j - i - 1 < limit &&
               (mention ? in_username(static_cast<unsigned char>(text[j]))
                        : in_topic(static_cast<unsigned char>(text[j]))))
          ++j;
        // A name runs on too long: not a reference (its tail must not become one either).
        const bool overlong = j < text.size() && j - i - 1 == limit &&
                              (mention ? in_username(static_cast<unsigned char>(text[j]))
                                       : in_topic(static_cast<unsigned char>(text[j])));
        // A name that runs into a non-ASCII letter ("#café") is part of a longer word.
        const bool runs_on = j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80;
        std::size_t end = j;
        while (end > i + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
        if (!overlong && !runs_on && end > i + 1) {
          TextReference r;
          r.kind = mention ? TextReference::Kind::mention : TextReference::Kind::topic;
          r.start = cp;
          r.end = cp + (end - i);
          for (std::size_t k = i + 1; k < end; ++k)
            r.value.push_back(lower(static_cast<unsigned char>(text[k])));
          out.push_back(std::move(r));
        }
        // Everything consumed is ASCII: one code point per byte.
        while (j < text.size() && (mention ? in_username(static_cast<unsigned char>(text[j]))
                                           : in_topic(static_cast<unsigned char>(text[j]))))
          ++j;
        cp += j - i;
        i = j;
        continue;
      }
    }
    // Advance one code point.
    std::size_t len = 1;
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    i += len;
    ++cp;
  }
  return out;
}

}  // namespace greenroom::domain
