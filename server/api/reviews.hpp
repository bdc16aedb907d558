#pragma once
// The coach's review queue and verdicts with a rubric.
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"
#include "store/coaching_repository.hpp"

namespace greenroom::api {

// A verdict as a coach sends it, on a post or on a held reply: `version` (required) names
// the version the coach read, so a verdict on text that changed since is refused (409).
struct VerdictInput {
  std::string verdict;  // "approve" or "changes_requested"
  std::string comment;
  store::Rubric rubric;
  std::int64_t version = 0;
};

// Reads and validates {"verdict","version","rubric","comment"?}; 400 naming what is wrong.
VerdictInput read_verdict_input(http::RequestContext& ctx);

boost::asio::awaitable<http::Response> review_queue(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> create_review(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_reviews(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
