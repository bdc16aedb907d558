#pragma once
// What the listener refuses before a request reaches the router: malformed HTTP, headers or
// bodies over the limits, transfer codings other than chunked, HTTP/1.1 without one Host.
// Each refusal is a JSON error response; the connection is closed after it.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <cstddef>
#include <optional>

#include "http/types.hpp"

namespace greenroom::net {

struct Limits {
  std::size_t header_bytes = 0;
  std::size_t body_bytes = 0;
};

// The answer to a failed read, or nullopt when there is no one to answer (timeout, reset,
// the client went away).
std::optional<http::Response> refusal_for_read_error(const boost::beast::error_code& ec,
                                                     const Limits& limits);

// The answer to a request whose header is complete but whose framing is refused, or nullopt.
std::optional<http::Response> refusal_for_header(
    const boost::beast::http::request_header<boost::beast::http::fields>& header);

}  // namespace greenroom::net
