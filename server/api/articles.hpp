#pragma once
// Articles: long-form Markdown posts of a blog's host. Created here; from then on they are
// posts (the /posts routes: submit, review, annotate, publish, correct, reply, like).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> create_article(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_articles(Services& s, http::RequestContext& ctx);
// POST /api/v1/markdown/preview {"body"}: the HTML publishing would show, from the same code.
boost::asio::awaitable<http::Response> preview_markdown(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
