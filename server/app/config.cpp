#include "app/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "net/feed_addresses.hpp"
#include "net/trusted_proxies.hpp"

#include "domain/model.hpp"

namespace greenroom::app {
namespace {

using Setter = std::function<void(Config&, const nlohmann::json&, const std::string&)>;

template <class T>
Setter integer(T Config::*field, long long lo, long long hi) {
  return [field, lo, hi](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_number_integer()) throw ConfigError(key + " must be a whole number");
    auto n = v.get<long long>();
    if (n < lo || n > hi)
      throw ConfigError(key + " must be between " + std::to_string(lo) + " and " +
                        std::to_string(hi));
    c.*field = static_cast<T>(n);
  };
}

Setter decimal(double Config::*field, double lo, double hi) {
  return [field, lo, hi](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_number()) throw ConfigError(key + " must be a number");
    auto n = v.get<double>();
    if (!(n >= lo && n <= hi))
      throw ConfigError(key + " must be between " + std::to_string(lo) + " and " +
                        std::to_string(hi));
    c.*field = n;
  };
}

Setter string(std::string Config::*field) {
  return [field](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_string()) throw ConfigError(key + " must be a string");
    c.*field = v.get<std::string>();
  };
}

Setter boolean(bool Config::*field) {
  return [field](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_boolean()) throw ConfigError(key + " must be true or false");
    c.*field = v.get<bool>();
  };
}

Setter address_list(std::vector<std::string> Config::*field) {
  return [field](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_array()) throw ConfigError(key + " must be a list of addresses or CIDR ranges");
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string item = key + "[" + std::to_string(i) + "]";
      if (!v[i].is_string()) throw ConfigError(item + " must be a string");
      entries.push_back(v[i].get<std::string>());
      try {
        net::TrustedProxies::parse({entries.back()});
      } catch (const std::invalid_argument& e) {
        throw ConfigError(item + ": " + e.what());
      }
    }
    c.*field = std::move(entries);
  };
}

Setter roles(std::vector<std::string> Config::*field) {
  return [field](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_array()) throw ConfigError(key + " must be a list of role names");
    std::vector<std::string> out;
    for (const auto& item : v) {
      if (!item.is_string() || !domain::parse_role(item.get<std::string>()))
        throw ConfigError(key + " may hold only admin, moderator, coach, executive and member");
      out.push_back(item.get<std::string>());
    }
    c.*field = std::move(out);
  };
}

Setter fetch_addresses(std::vector<std::string> Config::*field) {
  return [field](Config& c, const nlohmann::json& v, const std::string& key) {
    if (!v.is_array()) throw ConfigError(key + " must be a list of addresses (ADDR or ADDR:PORT)");
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string item = key + "[" + std::to_string(i) + "]";
      if (!v[i].is_string()) throw ConfigError(item + " must be a string");
      entries.push_back(v[i].get<std::string>());
      try {
        net::parse_allowed_address(entries.back());
      } catch (const std::invalid_argument& e) {
        throw ConfigError(item + ": " + e.what());
      }
    }
    c.*field = std::move(entries);
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> all = {
      {"data_dir", string(&Config::data_dir)},
      {"listen.address", string(&Config::address)},
      {"listen.port", integer(&Config::port, 0, 65535)},
      {"listen.plain_http", boolean(&Config::plain_http)},
      {"tls.cert_file", string(&Config::tls_cert_file)},
      {"tls.key_file", string(&Config::tls_key_file)},
      {"static_dir", string(&Config::static_dir)},
      {"threads", integer(&Config::threads, 0, 256)},
      {"limits.header_bytes", integer(&Config::header_bytes, 1024, 1 << 20)},
      {"limits.body_bytes", integer(&Config::body_bytes, 1024, 64 << 20)},
      {"limits.max_connections", integer(&Config::max_connections, 1, 1000000)},
      {"limits.max_connections_per_address",
       integer(&Config::max_connections_per_address, 1, 1000000)},
      {"limits.idle_timeout_seconds", integer(&Config::idle_timeout_seconds, 1, 3600)},
      {"limits.request_timeout_seconds", integer(&Config::request_timeout_seconds, 1, 600)},
      {"limits.write_timeout_seconds", integer(&Config::write_timeout_seconds, 1, 600)},
      {"limits.shutdown_grace_seconds", integer(&Config::shutdown_grace_seconds, 0, 600)},
      {"live.message_bytes", integer(&Config::live_message_bytes, 64, 64 * 1024)},
      {"live.send_queue_bytes", integer(&Config::live_send_queue_bytes, 1024, 64 << 20)},
      {"live.idle_timeout_seconds", integer(&Config::live_idle_timeout_seconds, 2, 3600)},
      {"live.ring_size", integer(&Config::live_ring_size, 1, 1000000)},
      {"live.max_unacked", integer(&Config::live_max_unacked, 1, 100000)},
      {"live.max_connections_per_user",
       integer(&Config::live_max_connections_per_user, 1, 1000000)},
      {"auth.session_ttl_hours", integer(&Config::session_ttl_hours, 1, 24 * 90)},
      {"auth.login_max_failures", integer(&Config::login_max_failures, 1, 1000)},
      {"auth.login_window_seconds", integer(&Config::login_window_seconds, 1, 86400)},
      {"auth.argon2_t_cost", integer(&Config::argon2_t_cost, 1, 20)},
      {"auth.argon2_memory_kib", integer(&Config::argon2_memory_kib, 8, 4 << 20)},
      {"auth.argon2_parallelism", integer(&Config::argon2_parallelism, 1, 16)},
      {"security.require_totp_for_roles", roles(&Config::require_totp_for_roles)},
      {"security.reauth_seconds", integer(&Config::reauth_seconds, 1, 86400)},
      {"database.read_connections", integer(&Config::read_connections, 1, 64)},
      {"database.max_batch", integer(&Config::max_batch, 1, 100000)},
      {"trusted_proxies", address_list(&Config::trusted_proxies)},
      {"log.requests", boolean(&Config::log_requests)},
      {"reading.poll_seconds", integer(&Config::reading_poll_seconds, 1, 86400)},
      {"reading.refresh_seconds", integer(&Config::reading_refresh_seconds, 1, 7 * 86400)},
      {"reading.retry_seconds", integer(&Config::reading_retry_seconds, 1, 86400)},
      {"reading.connect_timeout_seconds",
       integer(&Config::reading_connect_timeout_seconds, 1, 120)},
      {"reading.read_timeout_seconds", integer(&Config::reading_read_timeout_seconds, 1, 300)},
      {"reading.max_feed_bytes", integer(&Config::reading_max_feed_bytes, 1024, 16 << 20)},
      {"reading.allow_addresses", fetch_addresses(&Config::reading_allow_addresses)},
      {"reminders.interval_seconds", integer(&Config::reminder_interval_seconds, 1, 86400)},
      {"publishing.interval_seconds", integer(&Config::publishing_interval_seconds, 1, 3600)},
      {"level_suggestions.approved_posts", integer(&Config::suggest_approved_posts, 1, 100)},
      {"level_suggestions.max_rounds", integer(&Config::suggest_max_rounds, 1, 20)},
      {"level_suggestions.clean_submissions", integer(&Config::suggest_clean_submissions, 1, 100)},
      {"level_suggestions.rubric_verdicts", integer(&Config::suggest_rubric_verdicts, 1, 100)},
      {"level_suggestions.min_rubric_average",
       decimal(&Config::suggest_min_rubric_average, 1.0, 5.0)},
      {"level_suggestions.require_goals_met", boolean(&Config::suggest_require_goals_met)},
  };
  return all;
}

void apply(Config& c, const nlohmann::json& j, const std::string& prefix) {
  if (!j.is_object())
    throw ConfigError((prefix.empty() ? "the configuration" : prefix) + " must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    const std::string full = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      apply(c, value, full);
      continue;
    }
    auto it = setters().find(full);
    if (it == setters().end()) throw ConfigError("unknown configuration key: " + full);
    it->second(c, value, full);
  }
}

}  // namespace

std::string Config::database_path() const {
  return (std::filesystem::path(data_dir) / "greenroom.db").string();
}

int Config::io_threads() const {
  return threads > 0 ? threads
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int Config::read_pool_size() const {
  return std::max(read_connections, io_threads());
}

void apply_config(Config& c, const nlohmann::json& j) {
  apply(c, j, "");
  // Reads run on the I/O threads: with fewer read connections than threads, a thread could
  // wait for a connection while the others hold theirs through a slow query.
  if (c.threads > 0 && c.read_connections < c.threads)
    throw ConfigError("database.read_connections (" + std::to_string(c.read_connections) +
                      ") must be at least threads (" + std::to_string(c.threads) +
                      "), so that no I/O thread waits for a read connection");
}

Config load_config_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError("cannot read configuration file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str(), nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError(path + " is not valid JSON: " + e.what());
  }
  Config c;
  apply_config(c, j);
  return c;
}

}  // namespace greenroom::app
