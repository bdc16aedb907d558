#include "http/context.hpp"

#include <charconv>

namespace greenroom::http {

RequestContext::RequestContext(Request req, ConnectionInfo conn)
    : req_(std::move(req)), conn_(std::move(conn)) {
  std::string_view target(req_.target().data(), req_.target().size());
  auto q = target.find('?');
  path_ = std::string(target.substr(0, q));
  if (q != std::string_view::npos) raw_query_ = std::string(target.substr(q + 1));
}

std::int64_t RequestContext::id_param(std::string_view name) const {
  auto it = params_.find(name);
  if (it == params_.end()) return 0;
  std::int64_t v = 0;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  return v;
}

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      // Exactly two hex digits: from_chars alone also took a sign ("%-1" was 0xFF; found by
      // tests/fuzz/query_cursor_fuzz).
      const int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> RequestContext::query(std::string_view name) const {
  std::string_view rest = raw_query_;
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto part = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    auto eq = part.find('=');
    auto key = url_decode(part.substr(0, eq));
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    auto value = url_decode(part.substr(eq + 1));
    // A malformed escape yields a value no parameter parser accepts (it starts with a
    // control character), so each caller refuses it with its own specific 400.
    return value ? value : std::optional<std::string>(std::string("\x01invalid"));
  }
  return std::nullopt;
}

std::optional<std::string> RequestContext::header(std::string_view name) const {
  auto it = req_.find(name);
  if (it == req_.end()) return std::nullopt;
  return std::string(it->value());
}

std::optional<std::string> RequestContext::cookie(std::string_view name) const {
  for (auto it = req_.find(bhttp::field::cookie);
       it != req_.end() && it->name() == bhttp::field::cookie; ++it) {
    std::string_view v(it->value().data(), it->value().size());
    while (!v.empty()) {
      auto semi = v.find(';');
      auto pair = v.substr(0, semi);
      v = semi == std::string_view::npos ? std::string_view{} : v.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

}  // namespace greenroom::http
