#pragma once
// The test oracle for rendered Markdown (used by the markdown fuzz target and the unit tests;
// it judges output, it does not clean it): returns "" when the HTML is harmless, else what is
// wrong. Harmless means: no <script> (or other active) element, no on* event attribute, every
// href a safe target (no javascript:, vbscript:, data: or other scheme but http, https,
// mailto), every src a same-origin relative path.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace greenroom::test {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// What a browser would read as the URL in an attribute value cmark wrote (cmark writes
// "&amp;" for '&' and percent-encodes the rest); tabs, new lines and leading spaces dropped.
inline std::string attribute_url(std::string_view raw) {
  std::string v;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw.substr(i, 5) == "&amp;") {
      v.push_back('&');
      i += 4;
    } else if (raw[i] != '\t' && raw[i] != '\n' && raw[i] != '\r') {
      v.push_back(raw[i]);
    }
  }
  auto first = v.find_first_not_of(" \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c");
  return first == std::string::npos ? std::string() : lower(v.substr(first));
}

// Whether a browser reads a scheme: ASCII letter, then letters, digits, '+', '-', '.', then
// ':' (WHATWG URL "scheme state"); anything else before the ':' makes the URL relative.
inline bool has_scheme(const std::string& url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    const auto ch = static_cast<unsigned char>(url[i]);
    if (ch == ':') return true;
    if (!std::isalnum(ch) && ch != '+' && ch != '-' && ch != '.') return false;
  }
  return false;
}

inline std::string html_problem(std::string_view html) {
  const std::string low = lower(html);
  for (std::string_view bad : {"<script", "<iframe", "<object", "<embed", "<svg", "<math", "<style",
                               "<form", "<input", "<base", "<meta", "<link"})
    if (low.find(bad) != std::string::npos &&
        !(bad == "<input" && low.find("<input type=\"checkbox\"") != std::string::npos))
      return "contains " + std::string(bad);
  // Walk the tags: every '<' cmark leaves unescaped starts a tag or a comment.
  for (std::size_t lt = low.find('<'); lt != std::string::npos; lt = low.find('<', lt + 1)) {
    if (low.compare(lt, 4, "<!--") == 0) {
      auto end = low.find("-->", lt);
      if (end == std::string::npos) return "unterminated comment";
      lt = end;
      continue;
    }
    auto gt = low.find('>', lt);
    if (gt == std::string::npos) return "unterminated tag";
    const std::string tag = low.substr(lt, gt - lt);
    std::size_t i = tag.find_first_of(" \t\n/");
    while (i != std::string::npos && i < tag.size()) {
      while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/'))
        ++i;
      auto name_end = tag.find_first_of("= \t\n", i);
      if (name_end == std::string::npos) name_end = tag.size();
      const std::string name = tag.substr(i, name_end - i);
      if (name.size() > 2 && name.rfind("on", 0) == 0) return "event attribute " + name;
      std::string value;
      i = name_end;
      if (i < tag.size() && tag[i] == '=') {
        ++i;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
          auto q = tag[i];
          auto close = tag.find(q, i + 1);
          if (close == std::string::npos) return "unterminated attribute";
          value = tag.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          auto end = tag.find_first_of(" \t\n", i);
          value = tag.substr(i, end == std::string::npos ? std::string::npos : end - i);
          i = end;
        }
      }
      if (name == "href") {
        auto url = attribute_url(value);
        if (has_scheme(url) && url.rfind("http:", 0) != 0 && url.rfind("https:", 0) != 0 &&
            url.rfind("mailto:", 0) != 0)
          return "unsafe href " + url;
      }
      if (name == "src") {
        auto url = attribute_url(value);
        if (has_scheme(url) || url.rfind("//", 0) == 0 || url.find('\\') != std::string::npos)
          return "image from elsewhere " + url;
      }
      if (name == "style" || name == "srcset" || name == "formaction" || name == "xlink:href")
        return "attribute " + name;
      if (i == std::string::npos) break;
    }
  }
  return "";
}

}  // namespace greenroom::test
