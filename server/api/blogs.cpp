#include "api/blogs.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/blog_views.hpp"
#include "api/json_body.hpp"
#include "domain/blog.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/post_rules.hpp"
#include "http/responses.hpp"
#include "store/question_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

nlohmann::json stats_of(Services& s, const store::BlogRecord& b) {
  auto conn = s.reads.acquire();
  auto timings = store::QuestionRepository::timings(*conn, b.id);
  return stats_json(d::blog_stats(timings, d::now_millis(), b.promise_days), b.promise_days);
}

}  // namespace

std::optional<bool> optional_bool(const nlohmann::json& body, std::string_view field) {
  auto it = body.find(field);
  if (it == body.end()) return std::nullopt;
  if (!it->is_boolean()) throw d::bad_request(std::string(field) + " must be true or false.");
  return it->get<bool>();
}

store::BlogRecord load_blog(Services& s, std::int64_t id) {
  auto conn = s.reads.acquire();
  auto blog = store::BlogRepository::find(*conn, id);
  if (!blog) throw d::not_found("Blog " + std::to_string(id));
  return std::move(*blog);
}

awaitable<http::Response> create_blog(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  if (!d::has_capability(p.user.role, d::Capability::manage_users))
    throw d::forbidden("Only an admin enables a blog.");
  auto body =
      read_json_object(ctx, {"host_id", "title", "description", "promise_days", "premoderated"});
  if (!body.contains("host_id") || !body["host_id"].is_number_integer())
    throw d::bad_request("host_id must be a user id.");
  if (!body.contains("promise_days") || !body["promise_days"].is_number_integer())
    throw d::bad_request("promise_days must be a whole number of days, 1..365.");
  store::NewBlog blog;
  blog.host_id = body["host_id"].get<std::int64_t>();
  blog.promise_days = body["promise_days"].get<std::int64_t>();
  if (blog.promise_days < 1 || blog.promise_days > 365)
    throw d::bad_request("promise_days must be a whole number of days, 1..365.");
  blog.title = require_string(body, "title");
  d::validate_text(blog.title, "title", 120);
  blog.description = optional_string(body, "description").value_or("");
  if (!blog.description.empty()) d::validate_text(blog.description, "description", 1000);
  blog.premoderated = optional_bool(body, "premoderated").value_or(false);
  {
    auto conn = s.reads.acquire();
    auto host = store::UserRepository::find_by_id(*conn, blog.host_id);
    if (!host || host->disabled)
      throw d::bad_request("host_id must name an active user.", "unknown_user");
  }
  auto insert = [blog, uid = p.user.id, client = ctx.connection().client_ip](store::Connection& c) {
    auto id = store::BlogRepository::insert(c, blog, d::now_millis());
    record_audit(c, client, uid, "blog_created", "blog", id,
                 {{"host_id", blog.host_id},
                  {"promise_days", blog.promise_days},
                  {"premoderated", blog.premoderated}});
    return *store::BlogRepository::find(c, id);
  };
  auto created = co_await write(s.writer, std::move(insert));
  co_return http::json_response(http::Status::created, {{"blog", blog_json(created)}});
}

awaitable<http::Response> list_blogs(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    for (const auto& b : store::BlogRepository::list(*conn, 200)) items.push_back(blog_json(b));
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}});
}

awaitable<http::Response> get_blog(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  auto out = blog_json(blog);
  out["stats"] = stats_of(s, blog);
  co_return http::json_response(http::Status::ok, {{"blog", std::move(out)}});
}

awaitable<http::Response> get_blog_stats(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  co_return http::json_response(http::Status::ok, stats_of(s, blog));
}

}  // namespace greenroom::api
