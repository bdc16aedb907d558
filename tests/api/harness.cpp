#include "harness.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef GREENROOM_BINARY
#error "GREENROOM_BINARY must name the server binary"
#endif

namespace greenroom::test {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace asio = boost::asio;

nlohmann::json HttpResponse::json() const {
  auto j = nlohmann::json::parse(body, nullptr, false);
  return j;
}

std::string HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpResponse::error_code() const {
  auto j = json();
  if (j.is_object() && j.contains("error") && j["error"].contains("code"))
    return j["error"]["code"].get<std::string>();
  return "";
}

namespace {

template <class Stream>
HttpResponse exchange(Stream& stream, const std::string& method, const std::string& target,
                      const std::string& body, const std::map<std::string, std::string>& headers) {
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buf, parser);
  auto res = parser.release();
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
  }
  out.body = res.body();
  return out;
}

std::string random_suffix() {
  static std::atomic<int> n{0};
  return std::to_string(::getpid()) + "-" + std::to_string(n++) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 100000);
}

}  // namespace

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body,
                          const std::map<std::string, std::string>& headers, bool tls) {
  asio::io_context ioc;
  asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), port);
  if (!tls) {
    beast::tcp_stream stream(ioc);
    stream.connect(ep);
    return exchange(stream, method, target, body, headers);
  }
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  ctx.set_verify_mode(asio::ssl::verify_none);  // the server's certificate is self-signed
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  beast::get_lowest_layer(stream).connect(ep);
  stream.handshake(asio::ssl::stream_base::client);
  return exchange(stream, method, target, body, headers);
}

RawConnection::RawConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error("connect failed");
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::send(const std::string& bytes) {
  return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
         static_cast<ssize_t>(bytes.size());
}

long RawConnection::recv_some(std::chrono::steady_clock::time_point deadline, std::string& out) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                  deadline - std::chrono::steady_clock::now())
                  .count();
  if (left <= 0) return -1;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left)) <= 0) return -1;
  char buf[4096];
  auto n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) return 0;
  out.append(buf, static_cast<std::size_t>(n));
  return n;
}

std::string RawConnection::read_all(int timeout_ms) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (recv_some(deadline, out) > 0) {
  }
  return out;
}

std::string RawConnection::read_response(int timeout_ms) {
  std::string out = std::exchange(pending_, {});
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto head_end = out.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::size_t length = 0;
      auto lower = out.substr(0, head_end);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto cl = lower.find("content-length:");
      if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
      if (out.size() >= head_end + 4 + length) {
        pending_ = out.substr(head_end + 4 + length);
        out.resize(head_end + 4 + length);
        return out;
      }
    }
    if (recv_some(deadline, out) <= 0) return out;
  }
}

bool RawConnection::closed_by_peer(int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string ignored;
  for (;;) {
    auto n = recv_some(deadline, ignored);
    if (n == 0) return true;
    if (n < 0) return false;
  }
}

TestServer::TestServer(ServerOptions opts) : opts_(std::move(opts)) {
  data_dir_ =
      (std::filesystem::temp_directory_path() / ("greenroom-test-" + random_suffix())).string();
  std::filesystem::create_directories(data_dir_);
  // Cheap password hashing keeps the suite fast; production defaults are tested in unit tests.
  nlohmann::json config = {
      {"static_dir", ""},
      {"auth", {{"argon2_t_cost", 1}, {"argon2_memory_kib", 64}}},
  };
  if (opts_.config.is_object()) config.merge_patch(opts_.config);
  std::ofstream(config_path()) << config.dump(2);
  start();
}

TestServer::~TestServer() {
  if (running()) stop();
  std::error_code ec;
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(data_dir_, ec);
}

bool TestServer::running() const {
  if (pid_ <= 0) return false;
  return ::waitpid(pid_, nullptr, WNOHANG) == 0;
}

void TestServer::start() {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    int log = ::open((data_dir_ + "/server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(log, STDERR_FILENO);
    ::close(out[0]);
    std::vector<std::string> args = {GREENROOM_BINARY, "serve",   "--config", config_path(),
                                     "--data",         data_dir_, "--port",   "0"};
    if (opts_.plain_http) args.push_back("--plain-http");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out[1]);
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  char c;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    if (::read(out[0], &c, 1) != 1) break;
    if (c == '\n') break;
    line.push_back(c);
  }
  // Keep the pipe open for the life of the process (so a later write cannot SIGPIPE it).
  auto colon = line.rfind(':');
  if (line.rfind("greenroom listening on ", 0) != 0 || colon == std::string::npos)
    throw std::runtime_error("server did not start; log:\n" + log());
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

int TestServer::stop(int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill9();
  return -2;
}

void TestServer::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

CliResult TestServer::cli(const std::vector<std::string>& args,
                          const std::string& stdin_text) const {
  auto in_path = data_dir_ + "/cli-in-" + random_suffix();
  auto out_path = in_path + ".out";
  auto err_path = in_path + ".err";
  std::ofstream(in_path) << stdin_text;
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(in_path.c_str(), O_RDONLY);
    int o = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, STDIN_FILENO);
    ::dup2(o, STDOUT_FILENO);
    ::dup2(e, STDERR_FILENO);
    std::vector<std::string> all = {GREENROOM_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    if (std::find(args.begin(), args.end(), "--config") == args.end())
      all.insert(all.end(), {"--config", config_path()});
    all.insert(all.end(), {"--data", data_dir_});
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(out_path).rdbuf();
  e << std::ifstream(err_path).rdbuf();
  r.out = o.str();
  r.err = e.str();
  std::filesystem::remove(in_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return r;
}

void TestServer::add_user(const std::string& username, const std::string& role,
                          const std::string& level, const std::string& coach) const {
  std::vector<std::string> args = {"user",
                                   "add",
                                   username,
                                   "--role",
                                   role,
                                   "--password-stdin",
                                   "--display-name",
                                   "User " + username};
  if (!level.empty()) args.insert(args.end(), {"--level", level});
  if (!coach.empty()) args.insert(args.end(), {"--coach", coach});
  auto r = cli(args, kPassword + "\n");
  if (r.exit_code != 0) throw std::runtime_error("user add failed: " + r.err);
}

std::string TestServer::log() const {
  std::stringstream s;
  s << std::ifstream(data_dir_ + "/server.log").rdbuf();
  return s.str();
}

Client::Client(std::uint16_t port, const std::string& username, const std::string& password)
    : port_(port) {
  adopt(http_request(port, "POST", "/api/v1/auth/login",
                     nlohmann::json{{"username", username}, {"password", password}}.dump(),
                     {{"Content-Type", "application/json"}}),
        username);
}

Client Client::sign_in(std::uint16_t port, const nlohmann::json& login_body,
                       std::map<std::string, std::string> headers) {
  headers["Content-Type"] = "application/json";
  Client c(port);
  c.adopt(http_request(port, "POST", "/api/v1/auth/login", login_body.dump(), headers),
          login_body.value("username", ""));
  return c;
}

void Client::adopt(const HttpResponse& res, const std::string& who) {
  if (res.status != 200)
    throw std::runtime_error("login as " + who + " failed: " + std::to_string(res.status) + " " +
                             res.body);
  auto set_cookie = res.header("set-cookie");
  auto eq = set_cookie.find('=');
  auto semi = set_cookie.find(';');
  cookie_ = set_cookie.substr(eq + 1, semi - eq - 1);
  auto j = res.json();
  csrf_ = j["csrf_token"].get<std::string>();
  id_ = j["user"]["id"].get<std::int64_t>();
}

HttpResponse Client::send(const std::string& method, const std::string& target,
                          const std::string& body, std::map<std::string, std::string> headers,
                          bool with_csrf) const {
  if (!cookie_.empty()) headers["Cookie"] = "gr_session=" + cookie_;
  if (with_csrf && !csrf_.empty() && method != "GET") headers["X-CSRF-Token"] = csrf_;
  if (!body.empty() && !headers.count("Content-Type")) headers["Content-Type"] = "application/json";
  return http_request(port_, method, target, body, headers);
}

HttpResponse Client::get(const std::string& target) const {
  return send("GET", target, "", {});
}
HttpResponse Client::post(const std::string& target, const nlohmann::json& body) const {
  return send("POST", target, body.is_null() ? "" : body.dump(), {});
}
HttpResponse Client::put(const std::string& target, const nlohmann::json& body) const {
  return send("PUT", target, body.is_null() ? "" : body.dump(), {});
}
HttpResponse Client::del(const std::string& target) const {
  return send("DELETE", target, "", {});
}

}  // namespace greenroom::test
