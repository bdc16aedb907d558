#pragma once
// What a handler sees of one request: the parsed request, its path parameters and query,
// and the connection facts it may need. Handlers are plain functions of this, so tests can
// call them without a socket.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/types.hpp"
#include "http/websocket.hpp"

namespace greenroom::http {

// Who is asking. `peer_ip` is the TCP peer; `client_ip` and `loopback` describe the client,
// which is the peer unless the peer is a trusted proxy naming the client in X-Forwarded-For.
struct ConnectionInfo {
  std::string client_ip;
  bool loopback = false;
  bool tls = false;
  std::string peer_ip;
};

class RequestContext {
 public:
  RequestContext(Request req, ConnectionInfo conn);

  const Request& request() const { return req_; }
  Verb method() const { return req_.method(); }
  std::string_view path() const { return path_; }
  const ConnectionInfo& connection() const { return conn_; }

  // Path parameters from the route pattern, e.g. {id}.
  std::map<std::string, std::string, std::less<>>& params() { return params_; }
  // The integer path parameter `name` (the router only matches digits there).
  std::int64_t id_param(std::string_view name = "id") const;

  // Decoded query parameter, nullopt when absent.
  std::optional<std::string> query(std::string_view name) const;
  std::optional<std::string> header(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;

  // Filled in by the auth layer for metrics and the access log.
  std::int64_t user_id = 0;
  std::string route_name = "unmatched";

  // Set by a handler whose body is streamed: the response it returns carries the status and
  // headers only, and the connection writes the body from this (see http::BodyProducer).
  BodyProducer stream_body;

  // Set by a handler that accepts a WebSocket upgrade (it answers 101): the connection
  // completes the handshake and hands the socket to this handler.
  std::shared_ptr<WebSocketHandler> upgrade;

 private:
  Request req_;
  ConnectionInfo conn_;
  std::string path_;
  std::string raw_query_;
  std::map<std::string, std::string, std::less<>> params_;
};

// Percent-decodes a query component ('+' is a space); nullopt on a malformed escape.
std::optional<std::string> url_decode(std::string_view s);

}  // namespace greenroom::http
