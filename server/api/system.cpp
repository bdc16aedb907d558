#include "api/system.hpp"

#include <nlohmann/json.hpp>

#include "domain/errors.hpp"
#include "http/responses.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> healthz(http::RequestContext&) {
  co_return http::json_response(http::Status::ok, {{"status", "ok"}});
}

boost::asio::awaitable<http::Response> metrics(const http::Metrics& m, http::RequestContext& ctx) {
  if (!ctx.connection().loopback)
    throw domain::forbidden("Metrics are served to clients on the loopback interface only.");
  http::Response res{http::Status::ok, 11};
  res.set(http::bhttp::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  res.set(http::bhttp::field::cache_control, "no-store");
  res.body() = m.render();
  res.prepare_payload();
  co_return res;
}

}  // namespace greenroom::api
