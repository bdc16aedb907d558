#pragma once
// A reply held for review (a Crawl executive's reply in the company space) goes through the
// same coaching as a post: coaches annotate it and give a verdict naming the version they
// read; the author edits it after changes were requested, which sends it back to review.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> edit_reply(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_reply_annotations(Services& s,
                                                              http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_reply_annotation(Services& s,
                                                               http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_reply_reviews(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_reply_review(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
