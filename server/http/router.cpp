#include "http/router.hpp"

namespace greenroom::http {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    parts.push_back(path.substr(i, j - i));
    i = j;
  }
  return parts;
}

void Router::add(Verb method, std::string pattern, Handler handler) {
  Route r{method, std::move(pattern), {}, std::move(handler)};
  for (auto seg : split_path(r.pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
}

std::vector<std::string> Router::table() const {
  std::vector<std::string> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back(std::string(to_string(r.method)) + " " + r.pattern);
  return out;
}

bool Router::matches(const Route& r, const std::vector<std::string_view>& parts,
                     RequestContext* ctx) {
  if (r.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& seg = r.segments[i];
    const auto close = seg.find('}');
    if (seg.size() > 2 && seg.front() == '{' && close != std::string::npos) {
      auto p = parts[i];
      // A literal suffix after the parameter ("{name:word}.atom") must end the segment.
      const auto suffix = std::string_view(seg).substr(close + 1);
      if (!suffix.empty()) {
        if (p.size() <= suffix.size() || !p.ends_with(suffix)) return false;
        p.remove_suffix(suffix.size());
      }
      auto name = std::string_view(seg).substr(1, close - 1);
      const auto colon = name.find(':');
      const auto type = colon == std::string_view::npos ? "" : name.substr(colon + 1);
      if (type == "token" || type == "word") {
        // {name:token}: an opaque identifier of 1-64 base64url characters; {name:word} also
        // allows '.' (usernames).
        name = name.substr(0, colon);
        if (p.empty() || p.size() > 64) return false;
        for (char c : p)
          if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || (c == '.' && type == "word")))
            return false;
      } else {
        if (p.empty() || p.size() > 18 || p[0] == '0') return false;
        for (char c : p)
          if (c < '0' || c > '9') return false;
      }
      if (ctx) ctx->params()[std::string(name)] = std::string(p);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

Router::Match Router::match(RequestContext& ctx) const {
  Match m;
  auto parts = split_path(ctx.path());
  // Trailing slashes are not folded: "/api/v1/me/" is a different, unknown path.
  if (ctx.path().size() > 1 && ctx.path().back() == '/') return m;
  const Verb method = ctx.method() == Verb::head ? Verb::get : ctx.method();
  for (const auto& r : routes_) {
    if (!matches(r, parts, nullptr)) continue;
    if (r.method == method) {
      matches(r, parts, &ctx);
      m.handler = &r.handler;
      m.route_name = r.pattern;
      m.allow.clear();
      return m;
    }
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += std::string(bhttp::to_string(r.method));
    m.route_name = r.pattern;
  }
  return m;
}

}  // namespace greenroom::http
