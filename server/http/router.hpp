#pragma once
// Routes by method and path pattern ("/api/v1/posts/{id}/like"). A {name} segment matches
// a positive decimal integer only, so "/posts/abc" is simply not found; a {name:token} segment
// matches an opaque id of 1-64 base64url characters, {name:word} the same or '.' (usernames);
// a literal suffix may follow a parameter ("{name:word}.atom"). A path that exists
// with another method gives 405 with an Allow header.
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"

namespace greenroom::http {

using Handler = std::function<boost::asio::awaitable<Response>(RequestContext&)>;

class Router {
 public:
  void add(Verb method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // null: not found or method not allowed
    std::string route_name;            // the pattern, for metrics
    std::string allow;                 // non-empty when the path matched other methods
  };
  // Fills ctx.params() on a match.
  Match match(RequestContext& ctx) const;

  // Every route as "METHOD PATTERN", in the order added (`greenroom serve --print-routes`;
  // the authorization matrix test checks each one has rows).
  std::vector<std::string> table() const;

 private:
  struct Route {
    Verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool matches(const Route& r, const std::vector<std::string_view>& parts,
                      RequestContext* ctx);
  std::vector<Route> routes_;
};

std::vector<std::string_view> split_path(std::string_view path);

}  // namespace greenroom::http
