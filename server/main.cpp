// greenroom: serve | migrate | user add | seed-demo | backup | audit verify
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/commands.hpp"
#include "app/config.hpp"
#include "http/log.hpp"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  greenroom serve   [--config FILE] [--data DIR] [--port N] [--address A] [--plain-http]\n"
    "                    [--static DIR] [--no-request-log] [--print-routes]\n"
    "                    [--feed-allow-address ADDR[:PORT]]...  (tests: an internal feed server)\n"
    "  greenroom migrate [--config FILE] [--data DIR]\n"
    "  greenroom user add USERNAME --role ROLE [--display-name NAME] [--level LEVEL]\n"
    "                    [--coach COACH] --password-stdin [--data DIR]\n"
    "  greenroom seed-demo [--config FILE] [--data DIR]\n"
    "  greenroom backup FILE [--config FILE] [--data DIR]\n"
    "  greenroom audit verify [--config FILE] [--data DIR]\n"
    "roles: admin, moderator, coach, executive, member; levels: crawl, walk, run\n";

struct Args {
  std::vector<std::string> positional;
  std::optional<std::string> config, data, port, address, static_dir, role, display_name, level,
      coach;
  std::vector<std::string> feed_allow_addresses;
  bool plain_http = false, password_stdin = false, no_request_log = false, print_routes = false;
};

[[noreturn]] void usage_error(const std::string& msg) {
  std::cerr << "error: " << msg << "\n" << kUsage;
  std::exit(2);
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&](std::optional<std::string>& slot) {
      if (i + 1 >= argc) usage_error(s + " needs a value");
      slot = argv[++i];
    };
    if (s == "--config")
      value(a.config);
    else if (s == "--data")
      value(a.data);
    else if (s == "--port")
      value(a.port);
    else if (s == "--address")
      value(a.address);
    else if (s == "--static")
      value(a.static_dir);
    else if (s == "--role")
      value(a.role);
    else if (s == "--display-name")
      value(a.display_name);
    else if (s == "--level")
      value(a.level);
    else if (s == "--coach")
      value(a.coach);
    else if (s == "--feed-allow-address") {
      std::optional<std::string> v;
      value(v);
      a.feed_allow_addresses.push_back(*v);
    } else if (s == "--plain-http")
      a.plain_http = true;
    else if (s == "--password-stdin")
      a.password_stdin = true;
    else if (s == "--no-request-log")
      a.no_request_log = true;
    else if (s == "--print-routes")
      a.print_routes = true;
    else if (s == "-h" || s == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (s.rfind("--", 0) == 0)
      usage_error("unknown option " + s);
    else
      a.positional.push_back(s);
  }
  return a;
}

greenroom::app::Config make_config(const Args& a) {
  using greenroom::app::Config;
  Config c;
  if (a.config) {
    c = greenroom::app::load_config_file(*a.config);
  } else if (std::filesystem::exists("config/greenroom.json")) {
    c = greenroom::app::load_config_file("config/greenroom.json");
  } else {
    std::cerr << "note: no config/greenroom.json here and no --config given; using built-in "
                 "defaults\n";
  }
  if (a.data) c.data_dir = *a.data;
  if (a.address) c.address = *a.address;
  if (a.static_dir) c.static_dir = *a.static_dir;
  if (a.plain_http) c.plain_http = true;
  if (a.no_request_log) c.log_requests = false;
  if (a.print_routes) c.print_routes = true;
  if (!a.feed_allow_addresses.empty()) {
    // Checked like the configuration key reading.allow_addresses, and added to it.
    const auto from_file = c.reading_allow_addresses;
    greenroom::app::apply_config(
        c, nlohmann::json{{"reading", {{"allow_addresses", a.feed_allow_addresses}}}});
    c.reading_allow_addresses.insert(c.reading_allow_addresses.begin(), from_file.begin(),
                                     from_file.end());
  }
  if (a.port) {
    try {
      std::size_t used = 0;
      int p = std::stoi(*a.port, &used);
      if (used != a.port->size() || p < 0 || p > 65535) throw std::out_of_range("port");
      c.port = static_cast<std::uint16_t>(p);
    } catch (const std::exception&) {
      usage_error("--port must be a number from 0 to 65535");
    }
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = parse(argc, argv);
  if (a.positional.empty()) usage_error("no command given");
  const std::string cmd = a.positional[0];
  try {
    auto cfg = make_config(a);
    if (cmd == "serve" && a.positional.size() == 1) return greenroom::app::serve(cfg);
    if (cmd == "migrate" && a.positional.size() == 1)
      return greenroom::app::migrate_command(cfg, std::cout);
    if (cmd == "seed-demo" && a.positional.size() == 1)
      return greenroom::app::seed_demo_command(cfg, std::cout);
    if (cmd == "backup") {
      if (a.positional.size() != 2) usage_error("backup needs exactly one FILE");
      return greenroom::app::backup_command(cfg, a.positional[1], std::cout, std::cerr);
    }
    if (cmd == "audit" && a.positional.size() == 2 && a.positional[1] == "verify")
      return greenroom::app::audit_verify_command(cfg, std::cout, std::cerr);
    if (cmd == "user" && a.positional.size() == 3 && a.positional[1] == "add") {
      if (!a.role) usage_error("user add needs --role");
      if (!a.password_stdin)
        usage_error("user add needs --password-stdin (the password is read from standard input)");
      greenroom::app::UserAddOptions o{a.positional[2], *a.role, a.display_name, a.level, a.coach};
      return greenroom::app::user_add_command(cfg, o, std::cin, std::cout, std::cerr);
    }
    usage_error("unknown command: " + cmd);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
