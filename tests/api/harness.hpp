#pragma once
// Test harness for API tests: starts the real greenroom binary on a random loopback port
// with a temporary data directory, and talks to it over real sockets.
#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace greenroom::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json json() const;
  std::string header(const std::string& lower_name) const;
  std::string error_code() const;  // error.code of an error body, "" otherwise
};

// One request on a new connection (keep-alive tests use RawConnection).
HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = "",
                          const std::map<std::string, std::string>& headers = {}, bool tls = false);

// A raw TCP connection to send arbitrary bytes.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool send(const std::string& bytes);
  // Reads until the peer closes or `timeout_ms` passes; returns what arrived.
  std::string read_all(int timeout_ms);
  // Reads one HTTP response (headers + Content-Length body).
  std::string read_response(int timeout_ms);
  // True once the peer has closed the connection (waits up to timeout_ms).
  bool closed_by_peer(int timeout_ms);

 private:
  // Appends what arrives before `deadline`: bytes read, 0 when the peer closed, -1 on timeout.
  long recv_some(std::chrono::steady_clock::time_point deadline, std::string& out);
  int fd_ = -1;
  std::string pending_;  // bytes read past the last whole response
};

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct ServerOptions {
  bool plain_http = true;
  nlohmann::json config = nlohmann::json::object();  // merged over the test defaults
};

class TestServer {
 public:
  explicit TestServer(ServerOptions opts = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::uint16_t port() const { return port_; }
  const std::string& data_dir() const { return data_dir_; }
  std::string config_path() const { return data_dir_ + "/test-config.json"; }

  void start();
  // SIGTERM and wait; returns the exit status.
  int stop(int timeout_ms = 15000);
  void kill9();
  pid_t pid() const { return pid_; }
  bool running() const;

  // Runs `greenroom ARGS --config <test config> --data <data dir>` with `stdin_text`.
  CliResult cli(const std::vector<std::string>& args, const std::string& stdin_text = "") const;
  // Creates a user through the CLI (asserting success).
  void add_user(const std::string& username, const std::string& role, const std::string& level = "",
                const std::string& coach = "") const;

  std::string log() const;

 private:
  ServerOptions opts_;
  std::string data_dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

inline const std::string kPassword = "correct-horse-battery";

// A signed-in user: cookie and CSRF token.
class Client {
 public:
  Client(std::uint16_t port, const std::string& username, const std::string& password = kPassword);
  Client(std::uint16_t port) : port_(port) {}  // not signed in
  // Signs in with any login body (e.g. with "totp_code") and headers; throws unless 200.
  static Client sign_in(std::uint16_t port, const nlohmann::json& login_body,
                        std::map<std::string, std::string> headers = {});
  HttpResponse get(const std::string& target) const;
  HttpResponse post(const std::string& target, const nlohmann::json& body) const;
  HttpResponse put(const std::string& target, const nlohmann::json& body = nullptr) const;
  HttpResponse del(const std::string& target) const;
  HttpResponse send(const std::string& method, const std::string& target, const std::string& body,
                    std::map<std::string, std::string> headers, bool with_csrf = true) const;
  const std::string& csrf() const { return csrf_; }
  const std::string& cookie() const { return cookie_; }
  std::int64_t id() const { return id_; }
  void forget_session() { cookie_.clear(); }

 private:
  void adopt(const HttpResponse& login_response, const std::string& who);
  std::uint16_t port_;
  std::string cookie_;
  std::string csrf_;
  std::int64_t id_ = 0;
};

}  // namespace greenroom::test
