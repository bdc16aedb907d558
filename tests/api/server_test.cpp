// The HTTP server itself: health, metrics, headers, limits, timeouts, keep-alive, TLS,
// static files and graceful shutdown.
#include <filesystem>
#include <fstream>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

TEST(Server, HealthzAndSecurityHeaders) {
  TestServer server;
  auto r = http_request(server.port(), "GET", "/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_NE(r.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
}

TEST(Server, MetricsCountRequestsByRouteAndStatus) {
  TestServer server;
  http_request(server.port(), "GET", "/healthz");
  http_request(server.port(), "GET", "/api/v1/me");  // 401
  auto r = http_request(server.port(), "GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(r.body.find("greenroom_http_requests_total{route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("greenroom_http_requests_total{route=\"/api/v1/me\",status=\"401\"} 1"),
            std::string::npos);
  EXPECT_NE(r.body.find("greenroom_http_request_duration_seconds_bucket{le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("\ngreenroom_open_connections "), std::string::npos);
  EXPECT_NE(r.body.find("greenroom_writer_queue_depth 0"), std::string::npos);
  EXPECT_NE(r.body.find("greenroom_commit_batch_size_count"), std::string::npos);
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  TestServer server;
  RawConnection conn(server.port());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto res = conn.read_response(3000);
    EXPECT_EQ(res.rfind("HTTP/1.1 200", 0), 0u) << res;
  }
  // Pipelined requests are answered in order.
  ASSERT_TRUE(
      conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = conn.read_response(3000);
  EXPECT_EQ(first.rfind("HTTP/1.1 200", 0), 0u);
  auto second = conn.read_response(3000);
  EXPECT_EQ(second.rfind("HTTP/1.1 404", 0), 0u) << second;
}

TEST(Server, OversizeHeadersAre431AndGarbageIs400) {
  TestServer server;
  {
    RawConnection conn(server.port());
    conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n");
    auto res = conn.read_all(3000);
    EXPECT_EQ(res.rfind("HTTP/1.1 431", 0), 0u) << res.substr(0, 100);
    EXPECT_NE(res.find("headers_too_large"), std::string::npos);
  }
  {
    RawConnection conn(server.port());
    conn.send("THIS IS NOT HTTP\r\n\r\n");
    auto res = conn.read_all(3000);
    EXPECT_EQ(res.rfind("HTTP/1.1 400", 0), 0u) << res;
  }
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
}

TEST(Server, ASlowOrSilentClientCannotHoldAConnection) {
  TestServer server(ServerOptions{
      true, {{"limits", {{"idle_timeout_seconds", 1}, {"request_timeout_seconds", 1}}}}});
  RawConnection silent(server.port());
  EXPECT_TRUE(silent.closed_by_peer(4000)) << "an idle connection stayed open";
  RawConnection slow(server.port());
  slow.send("GET /healthz HTTP/1.1\r\nHo");  // never finishes its headers
  EXPECT_TRUE(slow.closed_by_peer(4000)) << "a half-sent request held the connection";
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
}

TEST(Server, ConnectionsBeyondTheLimitAreRefused) {
  TestServer server(ServerOptions{true, {{"limits", {{"max_connections", 2}}}}});
  RawConnection a(server.port()), b(server.port());
  a.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  b.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(a.read_response(3000).rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(b.read_response(3000).rfind("HTTP/1.1 200", 0), 0u);
  RawConnection c(server.port());
  auto refused = c.read_all(3000);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("\"unavailable\""), std::string::npos);
  EXPECT_TRUE(c.closed_by_peer(1000)) << "a third connection was kept open";
}

TEST(Server, HttpsByDefaultWithAGeneratedCertificate) {
  TestServer server(ServerOptions{false, {}});
  auto r = http_request(server.port(), "GET", "/healthz", "", {}, /*tls=*/true);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("strict-transport-security").find("max-age="), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(server.data_dir() + "/tls/cert.pem"));
  auto key = std::filesystem::status(server.data_dir() + "/tls/key.pem").permissions();
  EXPECT_EQ(key & std::filesystem::perms::others_read, std::filesystem::perms::none);
  // The same certificate is reused after a restart.
  std::ifstream before(server.data_dir() + "/tls/cert.pem");
  std::string cert_before((std::istreambuf_iterator<char>(before)), {});
  server.stop();
  server.start();
  std::ifstream after(server.data_dir() + "/tls/cert.pem");
  std::string cert_after((std::istreambuf_iterator<char>(after)), {});
  EXPECT_EQ(cert_before, cert_after);
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz", "", {}, true).status, 200);
}

TEST(Server, ServesTheClientWithCachingHeadersAndFallsBackToIndex) {
  auto dir =
      std::filesystem::temp_directory_path() / ("greenroom-static-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html><title>Greenroom</title>";
  std::ofstream(dir / "assets" / "app-abc123.js") << "console.log('hi')";
  TestServer server(ServerOptions{true, {{"static_dir", dir.string()}}});
  auto index = http_request(server.port(), "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.header("content-type").find("text/html"), std::string::npos);
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  auto js = http_request(server.port(), "GET", "/assets/app-abc123.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_NE(js.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_NE(js.header("content-type").find("javascript"), std::string::npos);
  auto again = http_request(server.port(), "GET", "/assets/app-abc123.js", "",
                            {{"If-None-Match", js.header("etag")}});
  EXPECT_EQ(again.status, 304);
  auto route = http_request(server.port(), "GET", "/my-posts", "", {{"Accept", "text/html"}});
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("Greenroom"), std::string::npos);
  EXPECT_EQ(http_request(server.port(), "GET", "/../../etc/passwd").status, 404);
  EXPECT_EQ(
      http_request(server.port(), "GET", "/api/v1/unknown", "", {{"Accept", "text/html"}}).status,
      404);
  std::filesystem::remove_all(dir);
}

TEST(Server, SigtermClosesIdleConnectionsAndExitsCleanly) {
  TestServer server;
  RawConnection idle(server.port());
  idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(idle.read_response(3000).rfind("HTTP/1.1 200", 0), 0u);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(server.stop(), 0) << server.log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5))
      << "an idle keep-alive connection delayed shutdown";
  EXPECT_TRUE(idle.closed_by_peer(1000));
}

TEST(Server, SigtermLetsAnInFlightRequestFinish) {
  TestServer server;
  server.add_user("writer", "member");
  Client c(server.port(), "writer");
  // A request whose body is still arriving when the signal comes is answered in full.
  RawConnection conn(server.port());
  auto body = nlohmann::json{{"body", "sent during shutdown"}, {"space", "company"}}.dump();
  conn.send(
      "POST /api/v1/posts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Cookie: gr_session=" +
      c.cookie() + "\r\nX-CSRF-Token: " + c.csrf() +
      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(server.pid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  conn.send(body.substr(10));
  auto res = conn.read_response(5000);
  EXPECT_EQ(res.rfind("HTTP/1.1 201", 0), 0u) << res;
  EXPECT_NE(res.find("Connection: close"), std::string::npos);
  EXPECT_EQ(server.stop(), 0);
  server.start();
  Client again(server.port(), "writer");
  auto mine = again.get("/api/v1/me/posts").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["body"], "sent during shutdown");
}

}  // namespace
}  // namespace greenroom::test
