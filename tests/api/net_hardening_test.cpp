// Issue 10, "Bad input gets a clear 4xx, never a 500" and the connection limits: numbers out
// of range, transfer codings, Host, refusals in the request log, the per-address connection
// cap and a client that stops reading.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <thread>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

const std::string kLogin = "/api/v1/auth/login";
const std::map<std::string, std::string> kJson = {{"Content-Type", "application/json"}};

// The server's structured log lines with msg == `msg`.
std::vector<nlohmann::json> log_lines(const TestServer& server, const std::string& msg) {
  std::vector<nlohmann::json> out;
  std::istringstream in(server.log());
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.value("msg", "") == msg) out.push_back(j);
  }
  return out;
}

// The longest run of `c` in any line of the log.
std::size_t longest_run_in_log(const TestServer& server, char c) {
  std::size_t best = 0, run = 0;
  for (char x : server.log()) {
    run = x == c ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

int status_of(const std::string& raw) {
  if (raw.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(raw.substr(9, 3));
}

TEST(NetHardening, NumbersOutOfRangeAre400InvalidJsonAndNeverFillTheLog) {
  TestServer server;
  server.add_user("ceo", "executive", "run");
  server.add_user("coach", "coach");
  const std::string huge = "1" + std::string(399, '0');
  const std::vector<std::string> bodies = {"1e400", huge, "-" + huge,
                                           R"({"username": 1e400, "password": "x"})",
                                           R"({"username": "ceo", "password": )" + huge + "}"};
  for (const auto& body : bodies) {
    auto r = http_request(server.port(), "POST", kLogin, body, kJson);
    EXPECT_EQ(r.status, 400) << body.substr(0, 40);
    EXPECT_EQ(r.error_code(), "invalid_json") << r.body;
  }
  // In other bodies too, signed in: out of double range, and out of the 64-bit integer range.
  Client ceo(server.port(), "ceo");
  auto post = ceo.send("POST", "/api/v1/posts",
                       R"({"body": "Hello", "space": "company", "x": )" + huge + "}", {});
  EXPECT_EQ(post.status, 400);
  EXPECT_EQ(post.error_code(), "invalid_json");
  Client coach(server.port(), "coach");
  auto goal =
      coach.send("POST", "/api/v1/goals",
                 R"({"executive_id": 18446744073709551615, "kind": "posts", "target": 1})", {});
  EXPECT_EQ(goal.status, 400);
  EXPECT_EQ(goal.error_code(), "invalid_json") << goal.body;
  auto nested =
      ceo.send("POST", "/api/v1/posts", std::string(5000, '[') + std::string(5000, ']'), {});
  EXPECT_EQ(nested.status, 400);
  // Nothing of it reached the log beyond a clip, and no 500 was logged.
  EXPECT_LE(longest_run_in_log(server, '0'), 200u);
  for (const auto& line : log_lines(server, "request")) EXPECT_NE(line["status"], 500) << line;
  EXPECT_TRUE(log_lines(server, "unhandled exception").empty());
}

TEST(NetHardening, LongPathsAndFieldNamesAreClippedInLogsAndMessages) {
  TestServer server;
  const std::string path = "/" + std::string(4000, 'a');
  auto r = http_request(server.port(), "GET", path);
  EXPECT_EQ(r.status, 404);
  EXPECT_LT(r.body.size(), 400u);
  auto field =
      http_request(server.port(), "POST", kLogin, "{\"" + std::string(3000, 'b') + "\": 1}", kJson);
  EXPECT_EQ(field.status, 400);
  EXPECT_LT(field.body.size(), 400u);
  EXPECT_LE(longest_run_in_log(server, 'a'), 200u);
  EXPECT_LE(longest_run_in_log(server, 'b'), 200u);
  bool logged = false;
  for (const auto& line : log_lines(server, "request"))
    if (line["status"] == 404) logged = line["path"].get<std::string>().size() <= 210;
  EXPECT_TRUE(logged);
}

TEST(NetHardening, TransferCodingsOtherThanChunkedAre501AndClose) {
  TestServer server;
  for (const std::string te : {"gzip", "gzip, chunked", "chunked, gzip", "identity"}) {
    RawConnection c(server.port());
    c.send(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: " +
        te + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    auto res = c.read_response(3000);
    EXPECT_EQ(status_of(res), 501) << te << "\n" << res;
    EXPECT_NE(res.find("unsupported_transfer_encoding"), std::string::npos);
    EXPECT_TRUE(c.closed_by_peer(3000)) << te;
  }
  // Chunked itself is understood: the body reaches the handler (a wrong password here).
  server.add_user("ceo", "executive", "run");
  RawConnection c(server.port());
  const std::string body = R"({"username":"ceo","password":"wrong-password"})";
  std::ostringstream hex;
  hex << std::hex << body.size();
  c.send(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      hex.str() + "\r\n" + body + "\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response(5000)), 401);
}

TEST(NetHardening, Http11WithoutExactlyOneHostIs400) {
  TestServer server;
  {
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\n\r\n");
    auto res = c.read_response(3000);
    EXPECT_EQ(status_of(res), 400) << res;
    EXPECT_NE(res.find("bad_host"), std::string::npos);
    EXPECT_TRUE(c.closed_by_peer(3000));
  }
  {
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    EXPECT_EQ(status_of(c.read_response(3000)), 400);
  }
  {
    RawConnection c(server.port());  // HTTP/1.0 has no Host requirement
    c.send("GET /healthz HTTP/1.0\r\n\r\n");
    EXPECT_EQ(c.read_response(3000).find("HTTP/1.0 200"), 0u);
  }
}

TEST(NetHardening, RefusalsBeforeRoutingAppearInTheRequestLog) {
  TestServer server;
  {
    RawConnection c(server.port());
    c.send(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 10000000\r\n\r\n{");
    EXPECT_EQ(status_of(c.read_response(3000)), 413);
  }
  {
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n");
    EXPECT_EQ(status_of(c.read_response(3000)), 431);
  }
  {
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n");
    EXPECT_EQ(status_of(c.read_response(3000)), 501);
  }
  std::map<int, nlohmann::json> seen;
  for (const auto& line : log_lines(server, "request")) seen[line["status"].get<int>()] = line;
  ASSERT_TRUE(seen.count(413)) << server.log();
  EXPECT_EQ(seen[413]["method"], "POST");
  EXPECT_EQ(seen[413]["path"], "/api/v1/auth/login");
  EXPECT_EQ(seen[413]["client"], "127.0.0.1");
  ASSERT_TRUE(seen.count(431)) << server.log();
  EXPECT_EQ(seen[431]["client"], "127.0.0.1");
  ASSERT_TRUE(seen.count(501));
  EXPECT_EQ(seen[501]["path"], "/healthz");
  EXPECT_LE(longest_run_in_log(server, 'h'), 200u);
}

TEST(NetHardening, OneAddressCannotTakeEveryConnection) {
  TestServer server({true, {{"limits", {{"max_connections_per_address", 3}}}}});
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<RawConnection>(server.port()));
    held.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(status_of(held.back()->read_response(3000)), 200) << i;
  }
  RawConnection fourth(server.port());
  auto refused = fourth.read_all(3000);
  EXPECT_EQ(status_of(refused), 503) << refused;
  EXPECT_NE(refused.find("Too many connections from your address"), std::string::npos);
  // A slot given back is free again.
  held.pop_back();
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    RawConnection again(server.port());
    again.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    status = status_of(again.read_response(3000));
  }
  EXPECT_EQ(status, 200);
}

// A socket with a tiny receive buffer that sends and then never reads.
class NonReader {
 public:
  explicit NonReader(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int small = 4096;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);  // before connect
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("connect failed");
  }
  ~NonReader() { ::close(fd_); }
  void send(const std::string& s) { ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL); }
  // Reads everything left; returns the byte count once the peer has closed, -1 if it has not
  // closed within timeout_ms.
  long drain(int timeout_ms) {
    long total = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    char buf[65536];
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return total;
      total += n;
    }
    return -1;
  }

 private:
  int fd_ = -1;
};

TEST(NetHardening, AClientThatStopsReadingIsDroppedAfterTheWriteTimeout) {
  TestServer server({true, {{"limits", {{"write_timeout_seconds", 1}}}}});
  server.add_user("ceo", "executive", "run");
  server.add_user("mia", "member");
  {  // 100 published posts of 40 KB each: one feed page is about 4 MB
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server.data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const auto sql =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
        "INSERT INTO posts(author_id, space, state, body, created_at, updated_at, published_at, "
        "reply_count, like_count) SELECT 1, 'company', 'published', printf('%.40000c', 'p'), "
        "1700000000000 + i, 1700000000000 + i, 1700000000000 + i, 0, 0 FROM n";
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  Client mia(server.port(), "mia");
  auto page = mia.get("/api/v1/feed?space=company&limit=100");
  ASSERT_EQ(page.status, 200);
  const auto page_size = static_cast<long>(page.body.size());
  ASSERT_GT(page_size, 3'000'000);

  NonReader reader(server.port());
  std::string requests;
  for (int i = 0; i < 4; ++i)
    requests +=
        "GET /api/v1/feed?space=company&limit=100 HTTP/1.1\r\nHost: x\r\nCookie: "
        "gr_session=" +
        mia.cookie() + "\r\n\r\n";
  reader.send(requests);
  // write_timeout is 1 s without progress: well within 4 s the server has given up.
  std::this_thread::sleep_for(std::chrono::seconds(4));
  const long received = reader.drain(5000);
  EXPECT_GE(received, 0) << "the server kept the connection of a client that stopped reading";
  EXPECT_LT(received, 4 * page_size);
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace greenroom::test
