#include "app/application.hpp"

#include <cmath>

#include <pthread.h>
#include <sys/stat.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "api/async.hpp"
#include "api/credentials.hpp"
#include "api/goals.hpp"
#include "api/live_events.hpp"
#include "api/publishing.hpp"
#include "api/reading_fetcher.hpp"
#include "api/visibility.hpp"
#include "app/feed_key.hpp"
#include "app/policy_bootstrap.hpp"
#include "app/routes.hpp"
#include "http/dispatcher.hpp"
#include "http/log.hpp"
#include "http/static_files.hpp"
#include "live/hub.hpp"
#include "net/server.hpp"
#include "net/tls.hpp"
#include "store/data_dir.hpp"
#include "store/migrations.hpp"
#include "store/search_queue.hpp"
#include "store/session_repository.hpp"

namespace greenroom::app {

namespace asio = boost::asio;

namespace {

std::string store_metrics(const store::Writer& w) {
  std::ostringstream out;
  const auto& st = w.stats();
  out << "# HELP greenroom_writer_queue_depth Writes waiting for the writer thread.\n"
         "# TYPE greenroom_writer_queue_depth gauge\n"
         "greenroom_writer_queue_depth "
      << w.queue_depth() << "\n"
      << "# HELP greenroom_commit_batch_size Writes committed per transaction.\n"
         "# TYPE greenroom_commit_batch_size histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < store::WriterStats::bounds.size(); ++i) {
    cumulative += st.buckets[i].load();
    out << "greenroom_commit_batch_size_bucket{le=\"" << store::WriterStats::bounds[i] << "\"} "
        << cumulative << "\n";
  }
  cumulative += st.buckets.back().load();
  out << "greenroom_commit_batch_size_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "greenroom_commit_batch_size_sum " << st.jobs.load() << "\n"
      << "greenroom_commit_batch_size_count " << st.batches.load() << "\n"
      << "# HELP greenroom_failed_writes_total Writes rolled back (validation or conflict).\n"
         "# TYPE greenroom_failed_writes_total counter\n"
         "greenroom_failed_writes_total "
      << st.failed_jobs.load() << "\n"
      << "# HELP greenroom_log_syncs_total fdatasync calls on the write-ahead log (each "
         "acknowledges the batches committed before it).\n"
         "# TYPE greenroom_log_syncs_total counter\n"
         "greenroom_log_syncs_total "
      << st.log_syncs.load() << "\n"
      << "# HELP greenroom_writer_idle_runs_total Steps of upkeep the writer ran while idle "
         "(merging the search index's segments).\n"
         "# TYPE greenroom_writer_idle_runs_total counter\n"
         "greenroom_writer_idle_runs_total "
      << st.idle_runs.load() << "\n";
  return out.str();
}

}  // namespace

int serve(const Config& cfg) {
  // Whatever the server creates from here on is private to its user.
  ::umask(077);
  http::set_request_logging(cfg.log_requests);
  for (const auto& path : store::secure_data_dir(cfg.data_dir, cfg.database_path()))
    http::log_event("warn", "corrected file mode", {{"path", path}});
  api::PolicyHolder policy;
  {
    store::Connection conn(cfg.database_path(), store::Connection::Mode::read_write);
    int applied = store::migrate(conn);
    if (applied > 0)
      http::log_event("info", "migrated database",
                      {{"applied", applied}, {"version", store::schema_version(conn)}});
    policy.set(load_policy(conn));
    // Schedules that fell due while the server was down publish before it serves.
    store::Transaction tx(conn);
    const int published = api::publish_due_posts(policy, conn);
    tx.commit();
    if (published > 0)
      http::log_event("info", "published scheduled posts at start", {{"count", published}});
  }
  store::Writer writer(cfg.database_path(), static_cast<std::size_t>(cfg.max_batch));
  // Between bursts of writes, merge the search index's segments (schema/0026).
  writer.set_idle_job([](store::Connection& c) { return store::merge_search_index(c); },
                      std::chrono::milliseconds(50));
  // At least one read connection per I/O thread (reads run on them; see Config).
  store::ReadPool reads(cfg.database_path(), static_cast<std::size_t>(cfg.read_pool_size()));
  api::LoginLimiter limiter(cfg.login_max_failures, std::chrono::seconds(cfg.login_window_seconds));
  asio::thread_pool blocking(2);

  api::SessionActivity activity;
  api::Settings settings;
  settings.session_ttl = std::chrono::hours(cfg.session_ttl_hours);
  settings.argon2 =
      api::Argon2Params{cfg.argon2_t_cost, cfg.argon2_memory_kib, cfg.argon2_parallelism};
  for (const auto& role : cfg.require_totp_for_roles)
    settings.totp_required_roles.insert(*domain::parse_role(role));
  settings.reauth_window = std::chrono::seconds(cfg.reauth_seconds);
  settings.feed_key = load_or_create_feed_key(cfg.data_dir);
  settings.level_rule = {cfg.suggest_approved_posts,
                         cfg.suggest_max_rounds,
                         cfg.suggest_clean_submissions,
                         cfg.suggest_rubric_verdicts,
                         static_cast<int>(std::lround(cfg.suggest_min_rubric_average * 100)),
                         cfg.suggest_require_goals_met};
  api::Services services{settings, writer, reads, limiter, blocking, policy, activity};

  // The event hub: told of each committed write's changes; each listener gets what the
  // visibility rule lets them see (the relation looked up on a read connection when needed).
  live::HubOptions hub_opts;
  hub_opts.ring_size = cfg.live_ring_size;
  hub_opts.max_unacked = cfg.live_max_unacked;
  hub_opts.max_per_user = cfg.live_max_connections_per_user;
  live::Hub hub(
      hub_opts,
      [&reads](std::int64_t actor, std::int64_t author) {
        auto conn = reads.acquire();
        return api::relation(*conn, actor, author);
      },
      static_cast<std::uint64_t>(domain::now_millis()));
  services.live = &hub;
  api::live_events::set_sink(&hub);
  struct SinkReset {
    ~SinkReset() { api::live_events::set_sink(nullptr); }
  } sink_reset;

  // Computed now, not on the first unknown-user sign-in, so that one costs like any other.
  api::decoy_hash(services.settings.argon2);
  http::Metrics metrics;
  metrics.set_extra([&writer] { return store_metrics(writer); });
  http::Router router;
  register_routes(router, services, metrics);
  if (cfg.print_routes) {
    for (const auto& line : router.table()) std::cout << line << "\n";
    return 0;
  }
  http::StaticFiles files(cfg.static_dir);
  if (files.empty())
    http::log_event("warn", "no browser client to serve; build client-web first",
                    {{"static_dir", cfg.static_dir}});
  http::Dispatcher dispatcher(router, files, metrics);

  std::unique_ptr<asio::ssl::context> tls;
  if (!cfg.plain_http) {
    net::TlsFiles tf{cfg.tls_cert_file, cfg.tls_key_file};
    if (tf.cert_path.empty() || tf.key_path.empty()) tf = net::ensure_self_signed(cfg.data_dir);
    tls = std::make_unique<asio::ssl::context>(net::make_server_context(tf));
  }

  const int threads = cfg.io_threads();
  asio::io_context ioc(threads);
  net::ServerOptions opts;
  opts.address = cfg.address;
  opts.port = cfg.port;
  opts.header_limit = cfg.header_bytes;
  opts.body_limit = cfg.body_bytes;
  opts.max_connections = cfg.max_connections;
  opts.max_connections_per_address = cfg.max_connections_per_address;
  opts.trusted_proxies = net::TrustedProxies::parse(cfg.trusted_proxies);
  opts.idle_timeout = std::chrono::seconds(cfg.idle_timeout_seconds);
  opts.request_timeout = std::chrono::seconds(cfg.request_timeout_seconds);
  opts.write_timeout = std::chrono::seconds(cfg.write_timeout_seconds);
  opts.websocket.message_limit = cfg.live_message_bytes;
  opts.websocket.send_queue_bytes = cfg.live_send_queue_bytes;
  opts.websocket.idle_timeout = std::chrono::seconds(cfg.live_idle_timeout_seconds);
  net::Server server(ioc, opts, dispatcher, metrics, tls.get());
  server.start();

  // Housekeeping on the writer: goals due soon are announced, expired sessions deleted.
  asio::steady_timer reminders(asio::make_strand(ioc));  // touched only on its strand
  std::function<void()> schedule_reminders = [&] {
    reminders.expires_after(std::chrono::seconds(cfg.reminder_interval_seconds));
    reminders.async_wait([&](const boost::system::error_code& ec) {
      if (ec) return;
      writer.submit(
          [](store::Connection& c) {
            api::remind_due_goals(c);
            store::SessionRepository::purge_expired(c, domain::now_millis());
          },
          [](std::exception_ptr e) {
            if (!e) return;
            try {
              std::rethrow_exception(e);
            } catch (const std::exception& ex) {
              http::log_event("error", "goal reminders failed", {{"error", ex.what()}});
            }
          });
      schedule_reminders();
    });
  };
  schedule_reminders();

  // Scheduled publishing: what fell due goes out within publishing.interval_seconds.
  asio::steady_timer publishing(asio::make_strand(ioc));  // touched only on its strand
  std::function<void()> schedule_publishing = [&] {
    publishing.expires_after(std::chrono::seconds(cfg.publishing_interval_seconds));
    publishing.async_wait([&](const boost::system::error_code& ec) {
      if (ec) return;
      // What the scheduler publishes goes live once committed, like any handler's write.
      auto changes = std::make_shared<std::vector<live::Change>>();
      writer.submit(
          api::detail::collecting(
              [&policy](store::Connection& c) { api::publish_due_posts(policy, c); }, changes),
          [&ioc, changes](std::exception_ptr e) {
            if (!e) {
              asio::post(ioc, [changes] { api::live_events::publish(std::move(*changes)); });
              return;
            }
            try {
              std::rethrow_exception(e);
            } catch (const std::exception& ex) {
              http::log_event("error", "scheduled publishing failed", {{"error", ex.what()}});
            }
          });
      schedule_publishing();
    });
  };
  schedule_publishing();

  // The reading list's fetcher: external feeds of allowed hosts, on its own strand.
  api::FetcherSettings fetcher_settings;
  fetcher_settings.poll = std::chrono::seconds(cfg.reading_poll_seconds);
  fetcher_settings.refresh = std::chrono::seconds(cfg.reading_refresh_seconds);
  fetcher_settings.retry = std::chrono::seconds(cfg.reading_retry_seconds);
  fetcher_settings.fetch.connect_timeout =
      std::chrono::seconds(cfg.reading_connect_timeout_seconds);
  fetcher_settings.fetch.read_timeout = std::chrono::seconds(cfg.reading_read_timeout_seconds);
  fetcher_settings.fetch.max_bytes = cfg.reading_max_feed_bytes;
  fetcher_settings.fetch.allowed_addresses =
      net::parse_allowed_addresses(cfg.reading_allow_addresses);
  api::FeedFetcher fetcher(ioc, writer, reads, fetcher_settings);
  services.feeds = &fetcher;
  fetcher.start();

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    http::log_event("info", "stopping",
                    {{"signal", sig}, {"open_connections", metrics.open_connections()}});
    asio::post(reminders.get_executor(), [&reminders] { reminders.cancel(); });
    asio::post(publishing.get_executor(), [&publishing] { publishing.cancel(); });
    fetcher.stop();
    server.shutdown(std::chrono::seconds(cfg.shutdown_grace_seconds), [&ioc] { ioc.stop(); });
  });

  std::cout << "greenroom listening on " << (tls ? "https" : "http") << "://"
            << (cfg.address.find(':') != std::string::npos ? "[" + cfg.address + "]" : cfg.address)
            << ":" << server.port() << std::endl;
  http::log_event("info", "listening",
                  {{"address", cfg.address},
                   {"port", server.port()},
                   {"tls", tls != nullptr},
                   {"threads", threads},
                   {"read_connections", cfg.read_pool_size()},
                   {"static_files", files.size()}});

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i)
    pool.emplace_back([&ioc, i] {
      const auto name = "gr-io-" + std::to_string(i);  // as top -H and perf show it
      ::pthread_setname_np(::pthread_self(), name.c_str());
      ioc.run();
    });
  ioc.run();
  for (auto& t : pool) t.join();
  blocking.join();
  writer.stop();  // every acknowledged write is already committed; this drains the rest
  http::log_event("info", "stopped", nlohmann::json::object());
  return 0;
}

}  // namespace greenroom::app
