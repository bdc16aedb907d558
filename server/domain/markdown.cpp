#include "domain/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace greenroom::domain {
namespace {

// What a browser does to a URL before reading its scheme: leading and trailing C0 controls
// and spaces go, and tabs and new lines anywhere are dropped (WHATWG URL parsing).
std::string browser_view(std::string_view url) {
  std::string s;
  s.reserve(url.size());
  for (char ch : url)
    if (ch != '\t' && ch != '\n' && ch != '\r') s.push_back(ch);
  auto is_c0_or_space = [](char ch) { return static_cast<unsigned char>(ch) <= 0x20; };
  auto first = std::find_if_not(s.begin(), s.end(), is_c0_or_space);
  auto last = std::find_if_not(s.rbegin(), s.rend(), is_c0_or_space).base();
  return first < last ? std::string(first, last) : std::string();
}

// The scheme, lower-cased, when the URL has one ("" for a relative URL). Anything before a
// ':' that comes ahead of '/', '?' or '#' counts as a scheme, so odd characters there make
// the URL unsafe rather than relative.
std::optional<std::string> scheme_of(const std::string& url) {
  auto colon = url.find(':');
  if (colon == std::string::npos) return std::string();
  auto stop = url.find_first_of("/?#\\");
  if (stop != std::string::npos && stop < colon) return std::string();
  std::string scheme = url.substr(0, colon);
  for (auto& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return scheme;
}

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Replaces `node` by its children (a link or image whose target is not allowed keeps its
// text; an image keeps its alt text as plain text).
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_unlink(node);
  cmark_node_free(node);
}

void make_safe(cmark_node* root) {
  std::vector<cmark_node*> unsafe;
  cmark_iter* it = cmark_iter_new(root);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    auto type = cmark_node_get_type(n);
    const char* url = cmark_node_get_url(n);
    if (type == CMARK_NODE_LINK && !is_safe_link(url ? url : "")) unsafe.push_back(n);
    if (type == CMARK_NODE_IMAGE && !is_same_origin_image(url ? url : "")) unsafe.push_back(n);
  }
  cmark_iter_free(it);
  // Innermost last in document order is fine: unwrapping moves children, never frees them.
  for (auto n = unsafe.rbegin(); n != unsafe.rend(); ++n) unwrap(*n);
}

}  // namespace

bool is_safe_link(std::string_view url) {
  auto scheme = scheme_of(browser_view(url));
  return scheme &&
         (scheme->empty() || *scheme == "http" || *scheme == "https" || *scheme == "mailto");
}

bool is_same_origin_image(std::string_view url) {
  auto s = browser_view(url);
  if (s.empty()) return false;
  auto scheme = scheme_of(s);
  if (!scheme || !scheme->empty()) return false;
  // "//host/x" and "/\host/x" reach another origin; a backslash is a slash to a browser.
  auto slashy = [](char ch) { return ch == '/' || ch == '\\'; };
  if (slashy(s[0]) && s.size() > 1 && slashy(s[1])) return false;
  return s.find('\\') == std::string::npos;
}

std::string render_markdown(std::string_view markdown) {
  register_extensions_once();
  // CMARK_OPT_UNSAFE is not set: raw HTML becomes a comment and cmark drops dangerous URLs;
  // make_safe() then keeps only the allowed targets.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (auto* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  make_safe(doc.get());
  char* html =
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out = html ? html : "";
  std::free(html);
  return out;
}

}  // namespace greenroom::domain
