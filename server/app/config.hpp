#pragma once
// Server configuration: read once at start from JSON with comments, every key checked
// (unknown keys and wrong types are refused with a message naming the key).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace greenroom::app {

struct Config {
  std::string data_dir = "data";
  std::string address = "127.0.0.1";
  std::uint16_t port = 8443;
  bool plain_http = false;
  bool print_routes = false;  // serve --print-routes: list the routes and exit (flag only)
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string static_dir = "client-web/dist";
  int threads = 0;

  std::size_t header_bytes = 8192;
  std::size_t body_bytes = 65536;
  std::size_t max_connections = 10000;
  // Open connections one client address may hold (trusted proxies count only globally).
  std::size_t max_connections_per_address = 64;
  int idle_timeout_seconds = 30;
  int request_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int shutdown_grace_seconds = 10;

  // The live channel (GET /api/v1/live).
  std::size_t live_message_bytes = 1024;
  std::size_t live_send_queue_bytes = 256 * 1024;
  int live_idle_timeout_seconds = 60;
  std::size_t live_ring_size = 1024;
  std::size_t live_max_unacked = 256;
  std::size_t live_max_connections_per_user = 8;

  int session_ttl_hours = 168;
  int login_max_failures = 5;
  int login_window_seconds = 900;
  std::uint32_t argon2_t_cost = 2;
  std::uint32_t argon2_memory_kib = 19456;
  std::uint32_t argon2_parallelism = 1;
  // Roles that must use TOTP: without it they may sign in, but only to enrol.
  std::vector<std::string> require_totp_for_roles;
  // Role changes, policy edits and audit export ask for the password again after this.
  int reauth_seconds = 600;

  // At least `threads` (checked): a read never waits for a connection on an I/O thread.
  int read_connections = 4;
  int max_batch = 512;

  // Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed.
  std::vector<std::string> trusted_proxies;

  // The reading list's fetcher (external RSS/Atom feeds of hosts an admin allowed).
  int reading_poll_seconds = 30;
  int reading_refresh_seconds = 1800;
  int reading_retry_seconds = 300;
  int reading_connect_timeout_seconds = 10;
  int reading_read_timeout_seconds = 20;
  std::size_t reading_max_feed_bytes = 1 << 20;
  // Internal addresses the fetcher may reach anyway: "ADDR" or "ADDR:PORT" (tests only).
  std::vector<std::string> reading_allow_addresses;

  bool log_requests = true;
  int reminder_interval_seconds = 300;
  int publishing_interval_seconds = 15;
  // When a coach is shown "Suggest Walk/Run" (domain/coaching_evidence.hpp, SuggestionRule).
  int suggest_approved_posts = 5;
  int suggest_max_rounds = 1;
  int suggest_clean_submissions = 10;
  int suggest_rubric_verdicts = 5;
  double suggest_min_rubric_average = 4.0;
  bool suggest_require_goals_met = true;

  std::string database_path() const;
  // I/O threads to run: `threads`, or one per CPU core when it is 0.
  int io_threads() const;
  // Read connections to open: read_connections, raised to io_threads() if lower.
  int read_pool_size() const;
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Applies the keys of `j` onto `c`; throws ConfigError naming the offending key (also when
// two keys disagree: database.read_connections below threads).
void apply_config(Config& c, const nlohmann::json& j);
// Reads a file (comments allowed) and applies it onto the defaults.
Config load_config_file(const std::string& path);

}  // namespace greenroom::app
