#pragma once
// Turns one request into one response, always: routes it, runs the handler, maps every
// failure to the JSON error shape (500 at worst), adds security headers, records metrics
// and writes the access log line.
#include <boost/asio/awaitable.hpp>

#include "http/context.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace greenroom::http {

class Dispatcher {
 public:
  Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics)
      : router_(router), files_(files), metrics_(metrics) {}

  // When the handler streams its body and `stream` is given, the producer is moved there and
  // the caller writes the body; without `stream` the body is drained into the response.
  // When the handler accepts a WebSocket upgrade and `upgrade` is given, its handler is moved
  // there and the response is 101 (the caller completes the handshake).
  boost::asio::awaitable<Response> handle(Request req, ConnectionInfo conn,
                                          BodyProducer* stream = nullptr,
                                          std::shared_ptr<WebSocketHandler>* upgrade = nullptr);

 private:
  boost::asio::awaitable<Response> route(RequestContext& ctx);

  const Router& router_;
  const StaticFiles& files_;
  Metrics& metrics_;
};

}  // namespace greenroom::http
