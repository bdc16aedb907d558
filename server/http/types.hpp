#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http.hpp>

namespace greenroom::http {

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;
using Status = bhttp::status;
using Verb = bhttp::verb;

}  // namespace greenroom::http
