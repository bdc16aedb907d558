#pragma once
// Questions on a blog: asking (named or anonymous), the listing, one question, votes, the
// host's answer and decline, pre-moderation and the audited reveal of an anonymous asker.
#include <boost/asio/awaitable.hpp>

#include "api/auth.hpp"
#include "api/services.hpp"
#include "http/context.hpp"
#include "store/question_repository.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> ask_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_questions(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> vote_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> unvote_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> answer_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> answer_versions(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> decline_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> approve_question(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> reveal_asker(Services& s, http::RequestContext& ctx);

// The question if `p` may see it (domain::can_view_question); otherwise 404.
store::QuestionRecord load_visible_question(Services& s, const Principal& p, std::int64_t id);
// The same check inside a write job, on the writer's connection (the question may have
// changed since the read).
store::QuestionRecord reload_question(store::Connection& c, const domain::Actor& a,
                                      std::int64_t id);

}  // namespace greenroom::api
