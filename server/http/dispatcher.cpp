#include "http/dispatcher.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "http/log.hpp"
#include "http/responses.hpp"

namespace greenroom::http {

boost::asio::awaitable<Response> Dispatcher::route(RequestContext& ctx) {
  auto m = router_.match(ctx);
  if (m.handler) {
    ctx.route_name = m.route_name;
    co_return co_await (*m.handler)(ctx);
  }
  if (!m.allow.empty()) {
    ctx.route_name = m.route_name;
    auto res =
        error_response(Status::method_not_allowed, "method_not_allowed",
                       "This path does not accept " + std::string(bhttp::to_string(ctx.method())) +
                           "; allowed: " + m.allow + ".");
    res.set(bhttp::field::allow, m.allow);
    co_return res;
  }
  if (auto file = files_.serve(ctx)) {
    ctx.route_name = "static";
    co_return std::move(*file);
  }
  co_return error_response(Status::not_found, "not_found",
                           "No such path: " + clip(ctx.path(), 100) + ".");
}

boost::asio::awaitable<Response> Dispatcher::handle(Request req, ConnectionInfo conn,
                                                    BodyProducer* stream,
                                                    std::shared_ptr<WebSocketHandler>* upgrade) {
  const auto start = std::chrono::steady_clock::now();
  const bool keep_alive = req.keep_alive();
  const unsigned version = req.version();
  RequestContext ctx(std::move(req), std::move(conn));
  Response res;
  try {
    res = co_await route(ctx);
  } catch (const domain::Error& e) {
    res = error_response(e);
  } catch (const std::exception& e) {
    log_event("error", "unhandled exception",
              {{"path", clip(ctx.path(), 100)},
               {"error", clip(e.what(), 100)},
               {"method", std::string(bhttp::to_string(ctx.method()))}});
    res = error_response(Status::internal_server_error, "internal",
                         "Something went wrong on the server; the error has been logged.");
  }
  if (ctx.upgrade) {
    if (res.result() == Status::switching_protocols && upgrade)
      *upgrade = std::move(ctx.upgrade);
    else if (res.result() == Status::switching_protocols)
      res = error_response(Status::bad_request, "websocket_unavailable",
                           "This connection cannot switch to WebSocket.");
    ctx.upgrade = nullptr;
  }
  if (ctx.stream_body) {
    if (res.result() != Status::ok || ctx.method() == Verb::head) {
      ctx.stream_body = nullptr;
    } else if (stream && version >= 11) {
      *stream = std::move(ctx.stream_body);
    } else {  // no connection to stream to (tests, HTTP/1.0): the body is built here
      std::string piece;
      for (bool more = true; more;) {
        piece.clear();
        more = ctx.stream_body(piece);
        res.body() += piece;
      }
      res.prepare_payload();
    }
  }
  res.version(version);
  res.keep_alive(keep_alive);
  if (ctx.method() == Verb::head && !res.body().empty()) {
    const auto length = res.body().size();
    res.body().clear();
    res.prepare_payload();
    res.content_length(length);
  }
  apply_security_headers(res, ctx.connection().tls);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int status = static_cast<int>(res.result_int());
  metrics_.record_request(ctx.route_name, status, seconds);
  log_request({bhttp::to_string(ctx.method()), ctx.path(), ctx.route_name, status, seconds,
               ctx.user_id, ctx.connection().client_ip, ctx.connection().peer_ip});
  co_return res;
}

}  // namespace greenroom::http
