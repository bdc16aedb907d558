#pragma once
// Markdown to safe HTML, for articles and answers: cmark-gfm (CommonMark plus the GitHub
// tables, autolinks, strikethrough and tag filter extensions) with raw HTML off, and a pass
// over cmark's syntax tree that keeps only safe link targets (http, https, mailto, relative)
// and same-origin images (relative paths). The preview route and publishing use this one
// function, so the preview is what will be published.
#include <cstddef>
#include <string>
#include <string_view>

namespace greenroom::domain {

inline constexpr std::size_t kMaxArticleCodePoints = 50000;
inline constexpr std::size_t kMaxAnswerCodePoints = 20000;

std::string render_markdown(std::string_view markdown);

// Whether a link target may stay a link: no scheme (relative), or http, https, mailto.
bool is_safe_link(std::string_view url);
// Whether an image may load: a relative path on this origin (no scheme, not "//host").
bool is_same_origin_image(std::string_view url);

}  // namespace greenroom::domain
