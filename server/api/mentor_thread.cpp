#include "api/mentor_thread.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/coaching.hpp"
#include "api/json_body.hpp"
#include "api/mentoring_views.hpp"
#include "api/visibility.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/mentorship_repository.hpp"
#include "store/post_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

constexpr std::size_t kMaxMessage = 2000;

struct ThreadAccess {
  store::PostRecord post;
  bool is_author = false;
};

// The post for its author or the author's reverse mentor; 404 for who may not see the post,
// 403 for who sees it but is not in the conversation.
ThreadAccess load_thread(store::Connection& c, const d::Actor& actor, std::int64_t post_id) {
  auto post = store::PostRepository::find(c, post_id, actor.id);
  if (!post) throw d::not_found("Post " + std::to_string(post_id));
  const bool author = post->author.id == actor.id;
  const auto rel = author ? d::Relation{} : relation(c, actor.id, post->author.id);
  if (!d::can_view_post(actor, post->facts(), rel))
    throw d::not_found("Post " + std::to_string(post_id));
  if (!d::can_use_mentor_thread(actor, post->facts(), actor.id, rel))
    throw d::forbidden("The mentor thread is private to the author and their reverse mentor.");
  return {std::move(*post), author};
}

// The mentor the author writes to: the one named, or their only active mentor. The mentor
// must be able to see the post (it is shared, or a practice post).
std::int64_t pick_mentor(store::Connection& c, const store::PostRecord& post,
                         std::optional<std::int64_t> named) {
  std::vector<std::int64_t> active;
  for (const auto& m : store::MentorshipRepository::open_for_executive(c, post.author.id))
    if (m.state == d::MentorshipState::active) active.push_back(m.mentor.id);
  std::int64_t mentor = 0;
  if (named) {
    if (std::find(active.begin(), active.end(), *named) == active.end())
      throw d::Error(d::ErrorKind::unprocessable, "not_your_mentor",
                     "User " + std::to_string(*named) + " is not your reverse mentor.");
    mentor = *named;
  } else if (active.size() == 1) {
    mentor = active.front();
  } else {
    throw d::Error(d::ErrorKind::unprocessable, "not_your_mentor",
                   active.empty() ? "You have no reverse mentor yet; ask a champion first."
                                  : "You have several mentors; name one with mentor_id.");
  }
  auto mentor_user = store::UserRepository::find_by_id(c, mentor);
  const auto rel = relation(c, mentor, post.author.id);
  if (!mentor_user ||
      !d::can_view_post({mentor, mentor_user->role, mentor_user->level}, post.facts(), rel))
    throw d::conflict("Your mentor cannot see this post yet; switch on \"show my mentor\" first.",
                      "not_shared");
  return mentor;
}

}  // namespace

awaitable<http::Response> list_mentor_thread(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto access = load_thread(*conn, p.actor(), ctx.id_param());
  // The author reads every mentor's thread; a mentor only their own.
  auto messages = store::MentorshipRepository::messages(
      *conn, access.post.id,
      access.is_author ? std::nullopt : std::optional<std::int64_t>(p.user.id));
  auto items = nlohmann::json::array();
  for (const auto& m : messages) items.push_back(mentor_message_json(m));
  co_return http::json_response(http::Status::ok, list_json(std::move(items), std::nullopt));
}

awaitable<http::Response> post_mentor_thread(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  const auto id = ctx.id_param();
  {
    auto conn = s.reads.acquire();
    load_thread(*conn, p.actor(), id);  // 404 / 403 before looking at the body
  }
  auto body = read_json_object(ctx, {"body", "mentor_id"});
  auto text = require_string(body, "body");
  d::validate_text(text, "body", kMaxMessage);
  std::optional<std::int64_t> named;
  if (auto it = body.find("mentor_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      throw d::bad_request("mentor_id must be a user id (a positive whole number).");
    named = it->get<std::int64_t>();
  }
  auto job = [actor = p.actor(), name = p.user.display_name, id, text, named,
              client = ctx.connection().client_ip](store::Connection& c) {
    auto access = load_thread(c, actor, id);
    const auto mentor = access.is_author ? pick_mentor(c, access.post, named) : actor.id;
    auto m =
        store::MentorshipRepository::add_message(c, id, mentor, actor.id, text, d::now_millis());
    record_audit(c, client, actor.id, "mentor_message_sent", "post", id,
                 {{"mentor_id", mentor}, {"message_id", m.id}});
    // The other side hears of it, on the post (the thread is private to the two of them).
    if (access.is_author)
      notify(c, mentor, "mentor_question",
             name + " asked you privately about a post: \"" + excerpt(text) + "\"", id);
    else
      notify(c, access.post.author.id, "mentor_answer",
             name + ", your reverse mentor, answered: \"" + excerpt(text) + "\"", id);
    return m;
  };
  auto m = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::created, {{"message", mentor_message_json(m)}});
}

}  // namespace greenroom::api
