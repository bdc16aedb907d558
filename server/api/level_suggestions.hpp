#pragma once
// Level suggestions for coaches: "Suggest Walk for Evan" when the coaching evidence meets the
// rule (config "level_suggestions"); the coach accepts (the level changes through the one
// level-change path, audited) or dismisses (audited; not suggested again until new evidence).
#include <boost/asio/awaitable.hpp>

#include "api/services.hpp"
#include "http/context.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> list_level_suggestions(Services& s,
                                                              http::RequestContext& ctx);
boost::asio::awaitable<http::Response> accept_level_suggestion(Services& s,
                                                               http::RequestContext& ctx);
boost::asio::awaitable<http::Response> dismiss_level_suggestion(Services& s,
                                                                http::RequestContext& ctx);

}  // namespace greenroom::api
