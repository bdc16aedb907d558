#pragma once
// Blogs (an admin enables one for a host), their promise figures, their articles (Markdown
// posts of the host, through the usual post lifecycle) and the Markdown preview.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"
#include "store/blog_repository.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> create_blog(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_blogs(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_blog(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_blog_stats(Services& s, http::RequestContext& ctx);
// Questions and votes per topic by week (api/blog_temperature.cpp).
boost::asio::awaitable<http::Response> get_blog_temperature(Services& s, http::RequestContext& ctx);

// A blog: every signed-in person may see every blog; 404 when there is none with that id.
store::BlogRecord load_blog(Services& s, std::int64_t id);
// Reads a JSON boolean field; nullopt when absent; 400 when not a boolean.
std::optional<bool> optional_bool(const nlohmann::json& body, std::string_view field);

}  // namespace greenroom::api
