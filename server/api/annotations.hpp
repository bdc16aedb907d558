#pragma once
// Coaches' annotations on exact words of a post, replies, resolving, applying suggestions.
#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

#include "api/services.hpp"
#include "domain/anchoring.hpp"
#include "http/context.hpp"

namespace greenroom::api {

// An annotation as a coach sends it, on a post or on a reply.
struct AnnotationInput {
  std::int64_t start = 0, end = 0;  // code points of the text annotated
  std::string category, comment;
  std::optional<std::string> suggestion, quote;
};

// Reads and validates {"start","end","quote"?,"category","comment","suggestion"?}.
AnnotationInput read_annotation_input(http::RequestContext& ctx);
// The anchor of `in` on `text`: 400 when the range is outside, 409 when `quote` differs.
domain::TextAnchor anchor_in(const std::string& text, const AnnotationInput& in);

boost::asio::awaitable<http::Response> list_annotations(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> reply_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> resolve_annotation(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> apply_annotation(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
