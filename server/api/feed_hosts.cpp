#include "api/feed_hosts.hpp"

#include <cctype>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/mentoring_views.hpp"
#include "domain/errors.hpp"
#include "domain/feed_url.hpp"
#include "domain/permissions.hpp"
#include "http/responses.hpp"
#include "store/reading_feed_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

void require_admin(const Principal& p) {
  if (!d::has_capability(p.user.role, d::Capability::manage_feed_hosts))
    throw d::forbidden("Only admins allow external feed hosts.");
}

std::string host_param(http::RequestContext& ctx) {
  std::string host = ctx.params().at("host");
  for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!d::valid_feed_host(host))
    throw d::bad_request(
        "A feed host is a host name such as news.example.com (letters, digits, '-' and '.') "
        "or an IPv4 address.",
        "invalid_feed_host");
  return host;
}

nlohmann::json host_json(const store::FeedHostRecord& h) {
  return {{"host", h.host},
          {"added_by", h.added_by ? nlohmann::json(*h.added_by) : nlohmann::json(nullptr)},
          {"created_at", d::format_rfc3339(h.created_at)}};
}

}  // namespace

awaitable<http::Response> list_feed_hosts(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  auto items = nlohmann::json::array();
  {
    auto conn = s.reads.acquire();
    for (const auto& h : store::FeedHostRepository::all(*conn)) items.push_back(host_json(h));
  }
  co_return http::json_response(http::Status::ok, list_json(std::move(items), std::nullopt));
}

awaitable<http::Response> allow_feed_host(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  const auto host = host_param(ctx);
  auto job = [uid = p.user.id, host, client = ctx.connection().client_ip](store::Connection& c) {
    if (store::FeedHostRepository::add(c, host, uid, d::now_millis()))
      record_audit(c, client, uid, "feed_host_allowed", "feed_host", std::nullopt,
                   {{"host", host}});
    for (const auto& h : store::FeedHostRepository::all(c))
      if (h.host == host) return h;
    return store::FeedHostRecord{};
  };
  auto record = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"host", host_json(record)}});
}

awaitable<http::Response> remove_feed_host(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  require_admin(p);
  const auto host = host_param(ctx);
  auto job = [uid = p.user.id, host, client = ctx.connection().client_ip](store::Connection& c) {
    if (!store::FeedHostRepository::remove(c, host)) throw d::not_found("Feed host " + host);
    record_audit(c, client, uid, "feed_host_removed", "feed_host", std::nullopt, {{"host", host}});
  };
  co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ok", true}});
}

}  // namespace greenroom::api
