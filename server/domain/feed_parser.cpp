#include "domain/feed_parser.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>

#include "domain/feed_url.hpp"

namespace greenroom::domain {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kDublinCoreNs = "http://purl.org/dc/elements/1.1/";

// ---- text -------------------------------------------------------------------------------

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at s[i] == '&' into out; returns the characters consumed (0: not one).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
  auto semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  auto name = s.substr(i + 1, semi - i - 1);
  if (name.empty()) return 0;
  if (name.front() == '#') {
    unsigned long cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    auto digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays out of range, no overflow
    }
    append_utf8(out, cp);
    return semi - i + 1;
  }
  static const std::array<std::pair<std::string_view, unsigned long>, 16> named = {{
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"nbsp", ' '},
      {"hellip", 0x2026},
      {"mdash", 0x2014},
      {"ndash", 0x2013},
      {"lsquo", 0x2018},
      {"rsquo", 0x2019},
      {"ldquo", 0x201C},
      {"rdquo", 0x201D},
      {"copy", 0xA9},
      {"reg", 0xAE},
      {"trade", 0x2122},
  }};
  for (const auto& [n, cp] : named)
    if (n == name) {
      append_utf8(out, cp);
      return semi - i + 1;
    }
  return 0;
}

bool ascii_iequal_prefix(std::string_view s, std::size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != word[k]) return false;
  return true;
}

// Collapses runs of white space and control characters to one space, trims, and cuts to
// max_chars code points (adding an ellipsis when cut).
std::string tidy(std::string_view s, std::size_t max_chars) {
  std::string out;
  bool space = false;
  std::size_t chars = 0;
  // Cuts here: drops code points until an ellipsis fits within max_chars, then adds it.
  auto cut = [&] {
    while (chars + 1 > max_chars && !out.empty()) {
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty()) out.pop_back();
      --chars;
    }
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
      --chars;
    }
    if (max_chars > 0) out += "\u2026";
    return out;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7f) {
      space = !out.empty();
      continue;
    }
    if ((c & 0xC0) != 0x80) {  // the first byte of a code point
      if (space) {
        if (chars + 1 >= max_chars) return cut();
        out += ' ';
        ++chars;
        space = false;
      }
      if (chars + 1 > max_chars) return cut();
      ++chars;
    }
    out += static_cast<char>(c);
  }
  return out;
}

// libxml2 gives UTF-8; anything else is replaced (defensive: the fuzzer checks the output).
std::string valid_utf8(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    bool ok = len > 0 && i + len <= s.size();
    unsigned long cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      static const unsigned long min_for[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= min_for[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!ok) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// ---- dates ------------------------------------------------------------------------------

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// ---- XML --------------------------------------------------------------------------------

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view local_name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

bool in_ns(const xmlNode* n, const char* ns) {
  if (!ns) return n->ns == nullptr;
  return n->ns && n->ns->href && std::strcmp(reinterpret_cast<const char*>(n->ns->href), ns) == 0;
}

bool is(const xmlNode* n, std::string_view name, const char* ns) {
  return n && n->type == XML_ELEMENT_NODE && local_name(n) == name && in_ns(n, ns);
}

std::string content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (!c) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return valid_utf8(s);
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// An Atom text construct (type text, html or xhtml) as plain text.
std::string atom_text(const xmlNode* n, std::size_t max_chars) {
  const auto type = attr(n, "type");
  if (type == "html") return plain_text_from_html(content(n), max_chars);
  return tidy(content(n), max_chars);  // text, or xhtml (its elements' text only)
}

std::optional<Millis> any_date(const std::string& s) {
  auto trimmed = tidy(s, 100);
  if (auto t = parse_rfc3339(trimmed)) return t;
  return parse_rfc822(trimmed);
}

std::string cut_bytes(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  s.resize(max);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return s;
}

void finish_entry(ParsedEntry& e, std::vector<ParsedEntry>& out) {
  if (e.title.empty() && e.summary.empty()) return;
  if (e.title.empty()) e.title = tidy(e.summary, 80);
  auto guid = cut_bytes(tidy(e.guid, kMaxFeedGuidBytes), kMaxFeedGuidBytes);
  if (guid.empty()) guid = e.link ? *e.link : e.title;
  e.guid = cut_bytes(guid, kMaxFeedGuidBytes);
  out.push_back(std::move(e));
}

ParsedFeed read_rss(const xmlNode* root) {
  ParsedFeed f;
  f.kind = "rss";
  const xmlNode* channel = nullptr;
  for (auto* c = root->children; c; c = c->next)
    if (is(c, "channel", nullptr)) {
      channel = c;
      break;
    }
  if (!channel) return f;
  for (auto* c = channel->children; c; c = c->next) {
    if (is(c, "title", nullptr)) f.title = plain_text_from_html(content(c), kMaxFeedTitleChars);
    if (is(c, "link", nullptr) && !f.link)
      f.link = safe_link(tidy(content(c), kMaxFeedUrlBytes + 1));
    if (!is(c, "item", nullptr)) continue;
    if (f.entries.size() >= kMaxFeedEntries) break;
    ParsedEntry e;
    for (auto* p = c->children; p; p = p->next) {
      if (is(p, "title", nullptr)) e.title = plain_text_from_html(content(p), kMaxFeedTitleChars);
      if (is(p, "link", nullptr)) e.link = safe_link(tidy(content(p), kMaxFeedUrlBytes + 1));
      if (is(p, "guid", nullptr)) e.guid = content(p);
      if (is(p, "description", nullptr))
        e.summary = plain_text_from_html(content(p), kMaxFeedSummaryChars);
      if (is(p, "pubDate", nullptr)) e.published = any_date(content(p));
      if (is(p, "date", kDublinCoreNs) && !e.published) e.published = any_date(content(p));
    }
    if (!e.link && !e.guid.empty()) {
      // A permalink guid is the entry's link.
      e.link = safe_link(tidy(e.guid, kMaxFeedUrlBytes + 1));
    }
    finish_entry(e, f.entries);
  }
  return f;
}

std::optional<std::string> atom_link(const xmlNode* n) {
  std::optional<std::string> best;
  for (auto* c = n->children; c; c = c->next) {
    if (!is(c, "link", kAtomNs)) continue;
    const auto rel = attr(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    if (auto l = safe_link(attr(c, "href"))) return l;
  }
  return best;
}

ParsedFeed read_atom(const xmlNode* root) {
  ParsedFeed f;
  f.kind = "atom";
  f.link = atom_link(root);
  for (auto* c = root->children; c; c = c->next) {
    if (is(c, "title", kAtomNs)) f.title = atom_text(c, kMaxFeedTitleChars);
    if (!is(c, "entry", kAtomNs)) continue;
    if (f.entries.size() >= kMaxFeedEntries) break;
    ParsedEntry e;
    e.link = atom_link(c);
    std::string content_text;
    for (auto* p = c->children; p; p = p->next) {
      if (is(p, "title", kAtomNs)) e.title = atom_text(p, kMaxFeedTitleChars);
      if (is(p, "id", kAtomNs)) e.guid = content(p);
      if (is(p, "summary", kAtomNs)) e.summary = atom_text(p, kMaxFeedSummaryChars);
      if (is(p, "content", kAtomNs) && attr(p, "src").empty())
        content_text = atom_text(p, kMaxFeedSummaryChars);
      if (is(p, "published", kAtomNs)) e.published = any_date(content(p));
      if (is(p, "updated", kAtomNs)) e.updated = any_date(content(p));
    }
    if (e.summary.empty()) e.summary = content_text;
    finish_entry(e, f.entries);
  }
  return f;
}

FeedParseResult failure(std::string code, std::string message) {
  FeedParseResult r;
  r.error_code = std::move(code);
  r.error = std::move(message);
  return r;
}

}  // namespace

std::string plain_text_from_html(std::string_view html, std::size_t max_chars) {
  std::string out;
  out.reserve(std::min<std::size_t>(html.size(), max_chars * 4 + 8));
  std::size_t i = 0;
  while (i < html.size() && out.size() < max_chars * 4 + 64) {
    const char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
         html[i + 1] == '!' || html[i + 1] == '?')) {
      if (html.substr(i, 4) == "<!--") {
        auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      auto end = html.find('>', i + 1);
      if (end == std::string_view::npos) break;  // an unfinished tag: the rest is markup
      for (std::string_view raw : {"script", "style"}) {
        if (ascii_iequal_prefix(html, i + 1, raw)) {
          auto close = html.find(std::string("</") + std::string(raw), end);
          if (close == std::string_view::npos) {
            // Upper-case closing tags too.
            std::size_t k = end;
            close = std::string_view::npos;
            while ((k = html.find("</", k)) != std::string_view::npos) {
              if (ascii_iequal_prefix(html, k + 2, raw)) {
                close = k;
                break;
              }
              k += 2;
            }
          }
          end = close == std::string_view::npos ? html.size() - 1 : html.find('>', close);
          if (end == std::string_view::npos) end = html.size() - 1;
          break;
        }
      }
      out += ' ';  // tags separate words ("<p>a</p><p>b</p>" reads "a b")
      i = end + 1;
      continue;
    }
    if (c == '&') {
      if (auto used = decode_entity(html, i, out)) {
        i += used;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return tidy(valid_utf8(out), max_chars);
}

std::optional<Millis> parse_rfc822(std::string_view s) {
  // [Day, ]DD Mon YYYY HH:MM[:SS] ZONE
  std::string t = tidy(s, 100);
  std::string_view v = t;
  if (auto comma = v.find(','); comma != std::string_view::npos) {
    v.remove_prefix(comma + 1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  }
  std::vector<std::string_view> parts;
  while (!v.empty()) {
    auto sp = v.find(' ');
    parts.push_back(v.substr(0, sp));
    if (sp == std::string_view::npos) break;
    v.remove_prefix(sp + 1);
  }
  if (parts.size() < 4 || parts.size() > 5) return std::nullopt;
  auto number = [](std::string_view d, int lo, int hi) -> std::optional<int> {
    if (d.empty() || d.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n < lo || n > hi) return std::nullopt;
    return n;
  };
  static const std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  auto day = number(parts[0], 1, 31);
  int month = 0;
  for (std::size_t m = 0; m < months.size(); ++m)
    if (parts[1].size() >= 3 && ascii_iequal_prefix(parts[1], 0, months[m])) month = int(m) + 1;
  auto year = number(parts[2], 0, 9999);
  if (!day || !month || !year) return std::nullopt;
  int y = *year;
  if (parts[2].size() <= 2) y += y < 50 ? 2000 : 1900;
  if (y < 1970) return std::nullopt;
  // HH:MM[:SS]
  auto clock = parts[3];
  int hms[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    auto colon = clock.find(':');
    auto piece = clock.substr(0, colon);
    if (piece.size() != 2 && !(k == 0 && piece.size() == 1)) return std::nullopt;
    auto n = number(piece, 0, k == 0 ? 23 : 60);
    if (!n) return std::nullopt;
    hms[k] = *n;
    if (colon == std::string_view::npos) {
      if (k == 0) return std::nullopt;
      break;
    }
    clock.remove_prefix(colon + 1);
    if (k == 2) return std::nullopt;
  }
  int offset_minutes = 0;
  if (parts.size() == 5) {
    auto z = parts[4];
    if (z.empty()) return std::nullopt;
    if ((z.front() == '+' || z.front() == '-') && z.size() == 5) {
      auto hh = number(z.substr(1, 2), 0, 23), mm = number(z.substr(3, 2), 0, 59);
      if (!hh || !mm) return std::nullopt;
      offset_minutes = (*hh * 60 + *mm) * (z.front() == '-' ? -1 : 1);
    } else {
      static const std::array<std::pair<std::string_view, int>, 12> zones = {{{"gmt", 0},
                                                                              {"ut", 0},
                                                                              {"utc", 0},
                                                                              {"z", 0},
                                                                              {"est", -5},
                                                                              {"edt", -4},
                                                                              {"cst", -6},
                                                                              {"cdt", -5},
                                                                              {"mst", -7},
                                                                              {"mdt", -6},
                                                                              {"pst", -8},
                                                                              {"pdt", -7}}};
      bool known = false;
      for (const auto& [name, hours] : zones)
        if (z.size() == name.size() && ascii_iequal_prefix(z, 0, name)) {
          offset_minutes = hours * 60;
          known = true;
        }
      if (!known) return std::nullopt;
    }
  }
  const auto days = days_from_civil(y, static_cast<unsigned>(month), static_cast<unsigned>(*day));
  const std::int64_t secs = days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2] -
                            static_cast<std::int64_t>(offset_minutes) * 60;
  return secs * 1000;
}

FeedParseResult parse_feed(std::string_view bytes) {
  if (bytes.empty()) return failure("feed_malformed", "The feed is empty.");
  if (bytes.find('\0') != std::string_view::npos)
    return failure("feed_encoding_unsupported",
                   "The feed is not in UTF-8 or another ASCII-compatible encoding.");
  // Entity declarations are refused outright: no expansion bombs, no external entities.
  if (bytes.find("<!DOCTYPE") != std::string_view::npos &&
      bytes.find("<!ENTITY") != std::string_view::npos)
    return failure("feed_entities_refused",
                   "The feed declares XML entities in a DOCTYPE; Greenroom refuses those.");
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return failure("feed_too_large", "The feed is too large.");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // No NOENT (entities are not substituted), no DTDLOAD/DTDATTR (no external DTD), NONET.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA | XML_PARSE_NOXINCNODE;
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "feed.xml", nullptr, options));
  if (!doc) return failure("feed_malformed", "The feed is not well-formed XML.");
  if (doc->intSubset && doc->intSubset->entities)
    return failure("feed_entities_refused",
                   "The feed declares XML entities in a DOCTYPE; Greenroom refuses those.");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  FeedParseResult r;
  if (is(root, "rss", nullptr))
    r.feed = read_rss(root);
  else if (is(root, "feed", kAtomNs))
    r.feed = read_atom(root);
  else
    return failure("feed_not_a_feed", "The document is XML but neither RSS 2.0 nor Atom.");
  return r;
}

}  // namespace greenroom::domain
