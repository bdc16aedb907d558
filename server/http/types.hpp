#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <string>

namespace greenroom::http {

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;
using Status = bhttp::status;
using Verb = bhttp::verb;

// A body written in pieces after the headers (HTTP/1.1 chunked), for answers too large to
// build in memory. Each call appends the next piece to `out` (which the caller has cleared)
// and returns false after the last piece. It runs on the connection's executor between
// writes, so it must be quick (one batch of rows from a read connection, released before
// it returns).
using BodyProducer = std::function<bool(std::string& out)>;

}  // namespace greenroom::http
