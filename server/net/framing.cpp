#include "net/framing.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <string>

#include "http/responses.hpp"

namespace greenroom::net {

namespace bhttp = boost::beast::http;

std::optional<http::Response> refusal_for_read_error(const boost::beast::error_code& ec,
                                                     const Limits& limits) {
  if (ec == bhttp::error::body_limit)
    return http::error_response(http::Status::payload_too_large, "payload_too_large",
                                "The request body is larger than the " +
                                    std::to_string(limits.body_bytes) + " bytes allowed.");
  if (ec == bhttp::error::header_limit)
    return http::error_response(http::Status::request_header_fields_too_large, "headers_too_large",
                                "The request headers are larger than the " +
                                    std::to_string(limits.header_bytes) + " bytes allowed.");
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
    return http::error_response(http::Status::bad_request, "bad_request",
                                "The request is not valid HTTP/1.1.");
  return std::nullopt;
}

std::optional<http::Response> refusal_for_header(
    const bhttp::request_header<bhttp::fields>& header) {
  // Only "chunked" is understood; anything else (gzip, "gzip, chunked", unknown codings)
  // would leave the body's framing to guesswork, the root of request smuggling.
  auto codings = header.equal_range(bhttp::field::transfer_encoding);
  if (codings.first != codings.second) {
    int chunked = 0, other = 0;
    for (auto it = codings.first; it != codings.second; ++it)
      for (auto coding : bhttp::token_list{it->value()})
        (boost::beast::iequals(coding, "chunked") ? chunked : other)++;
    if (chunked != 1 || other != 0)
      return http::error_response(
          http::Status::not_implemented, "unsupported_transfer_encoding",
          "Transfer-Encoding other than chunked is not supported; send the body with "
          "Content-Length or Transfer-Encoding: chunked.");
  }
  const auto hosts = header.count(bhttp::field::host);
  if ((header.version() >= 11 && hosts == 0) || hosts > 1)
    return http::error_response(http::Status::bad_request, "bad_host",
                                "An HTTP/1.1 request needs exactly one Host header.");
  return std::nullopt;
}

}  // namespace greenroom::net
