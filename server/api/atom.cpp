#include "api/atom.hpp"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace greenroom::api {
namespace {

// Characters XML 1.0 does not allow are dropped: C0 controls other than tab, newline and
// return, and the noncharacters U+FFFE and U+FFFF (UTF-8 EF BF BE, EF BF BF), which stored
// text may hold (a reader refuses the whole feed over one of them).
std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += static_cast<char>(ch);
  }
  return out;
}

class Writer {
 public:
  Writer() : buf_(xmlBufferCreate(), xmlBufferFree) {
    if (!buf_) throw std::runtime_error("xmlBufferCreate failed");
    w_ = xmlNewTextWriterMemory(buf_.get(), 0);
    if (!w_) throw std::runtime_error("xmlNewTextWriterMemory failed");
  }
  ~Writer() {
    if (w_) xmlFreeTextWriter(w_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void check(int rc) {
    if (rc < 0) throw std::runtime_error("writing Atom failed");
  }
  void start(const char* name) { check(xmlTextWriterStartElement(w_, bx(name))); }
  void end() { check(xmlTextWriterEndElement(w_)); }
  void attr(const char* name, std::string_view value) {
    check(xmlTextWriterWriteAttribute(w_, bx(name), bx(xml_safe(value).c_str())));
  }
  void element(const char* name, std::string_view text) {
    check(xmlTextWriterWriteElement(w_, bx(name), bx(xml_safe(text).c_str())));
  }
  void link(std::string_view rel, std::string_view href, std::string_view type = "") {
    start("link");
    attr("rel", rel);
    if (!type.empty()) attr("type", type);
    attr("href", href);
    end();
  }
  xmlTextWriterPtr get() { return w_; }
  std::string finish() {
    check(xmlTextWriterEndDocument(w_));
    xmlFreeTextWriter(w_);
    w_ = nullptr;
    return std::string(reinterpret_cast<const char*>(buf_->content), buf_->use);
  }

 private:
  static const xmlChar* bx(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buf_;
  xmlTextWriterPtr w_ = nullptr;
};

// RFC 3339 without fractions, as Atom readers expect.
std::string atom_time(domain::Millis ms) {
  auto s = domain::format_rfc3339(ms - ms % 1000);
  auto dot = s.find('.');
  if (dot != std::string::npos) s = s.substr(0, dot) + "Z";
  return s;
}

}  // namespace

domain::Millis AtomFeed::updated() const {
  domain::Millis u = 0;
  for (const auto& e : entries) u = std::max(u, e.updated);
  return u;
}

std::string render_atom(const AtomFeed& feed) {
  Writer w;
  w.check(xmlTextWriterStartDocument(w.get(), "1.0", "UTF-8", nullptr));
  w.start("feed");
  w.attr("xmlns", "http://www.w3.org/2005/Atom");
  w.element("id", feed.id);
  w.element("title", feed.title);
  w.element("updated", atom_time(feed.updated()));
  w.link("self", feed.self_link, "application/atom+xml");
  w.link("alternate", feed.alternate_link, "text/html");
  w.element("generator", "Greenroom");
  for (const auto& e : feed.entries) {
    w.start("entry");
    w.element("id", e.id);
    w.element("title", e.title);
    w.link("alternate", e.link, "text/html");
    w.start("author");
    w.element("name", e.author_name);
    w.end();
    w.element("published", atom_time(e.published));
    w.element("updated", atom_time(e.updated));
    w.start("content");
    w.attr("type", "text");
    w.check(xmlTextWriterWriteString(
        w.get(), reinterpret_cast<const xmlChar*>(xml_safe(e.content).c_str())));
    w.end();
    w.end();
  }
  w.end();
  return w.finish();
}

std::string atom_tag(std::string_view kind, std::int64_t id) {
  return "tag:greenroom.invalid,2026:" + std::string(kind) + "/" + std::to_string(id);
}

std::string atom_title(std::string_view text) {
  auto nl = text.find('\n');
  std::string_view line = text.substr(0, nl);
  std::size_t count = 0, i = 0;
  for (; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      if (count == 80) break;
      ++count;
    }
  }
  std::string out(line.substr(0, i));
  if (i < line.size()) out += "…";
  if (out.empty()) out = "(untitled)";
  return out;
}

}  // namespace greenroom::api
