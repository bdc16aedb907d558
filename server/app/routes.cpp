#include "app/routes.hpp"

#include "api/auth.hpp"
#include "api/posts.hpp"
#include "api/system.hpp"

namespace greenroom::app {

using http::Verb;

void register_routes(http::Router& r, api::Services& s, const http::Metrics& m) {
  // Binds a handler of (Services&, RequestContext&) to the router's handler type.
  auto bind = [&s](auto fn) {
    return [&s, fn](http::RequestContext& ctx) { return fn(s, ctx); };
  };
  r.add(Verb::get, "/healthz", [](http::RequestContext& ctx) { return api::healthz(ctx); });
  r.add(Verb::get, "/metrics", [&m](http::RequestContext& ctx) { return api::metrics(m, ctx); });

  r.add(Verb::post, "/api/v1/auth/login", bind(api::login));
  r.add(Verb::post, "/api/v1/auth/logout", bind(api::logout));
  r.add(Verb::get, "/api/v1/me", bind(api::me));
  r.add(Verb::get, "/api/v1/me/posts", bind(api::my_posts));

  r.add(Verb::post, "/api/v1/posts", bind(api::create_post));
  r.add(Verb::get, "/api/v1/posts/{id}", bind(api::get_post));
  r.add(Verb::post, "/api/v1/posts/{id}/replies", bind(api::add_reply));
  r.add(Verb::put, "/api/v1/posts/{id}/like", bind(api::like_post));
  r.add(Verb::delete_, "/api/v1/posts/{id}/like", bind(api::unlike_post));
  r.add(Verb::get, "/api/v1/feed", bind(api::feed));
}

}  // namespace greenroom::app
