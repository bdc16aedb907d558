#pragma once
// The history of the golden rules: every saved version with who saved it, one version's
// document, and rollback (a new version equal to an old one).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_policy_versions(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_policy_version(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> rollback_policy(Services& s, http::RequestContext& ctx);

}  // namespace greenroom::api
