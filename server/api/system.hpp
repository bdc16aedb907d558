#pragma once
#include <boost/asio/awaitable.hpp>

#include "http/context.hpp"
#include "http/metrics.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> healthz(http::RequestContext& ctx);
// Prometheus text; only for clients on the loopback interface.
boost::asio::awaitable<http::Response> metrics(const http::Metrics& m, http::RequestContext& ctx);

}  // namespace greenroom::api
