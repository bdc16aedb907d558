// Trusted proxies (parsing and the X-Forwarded-For walk), the configuration checks that go
// with them, log clipping and the login limiter's bookkeeping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/login_limiter.hpp"
#include "app/config.hpp"
#include "http/log.hpp"
#include "net/trusted_proxies.hpp"

namespace greenroom {
namespace {

using boost::asio::ip::make_address;

TEST(TrustedProxies, ParsesAddressesAndRangesOfBothFamilies) {
  auto p = net::TrustedProxies::parse({"10.0.0.0/8", "192.0.2.7", "fd00::/8", "::1"});
  EXPECT_TRUE(p.contains(make_address("10.200.3.4")));
  EXPECT_TRUE(p.contains(make_address("192.0.2.7")));
  EXPECT_FALSE(p.contains(make_address("192.0.2.8")));
  EXPECT_TRUE(p.contains(make_address("fd12::1")));
  EXPECT_TRUE(p.contains(make_address("::1")));
  EXPECT_FALSE(p.contains(make_address("fe80::1")));
  EXPECT_TRUE(p.contains(make_address("::ffff:10.1.1.1")));  // IPv4-mapped
  EXPECT_FALSE(net::TrustedProxies{}.contains(make_address("127.0.0.1")));
  for (const char* bad :
       {"10.0.0.1/8", "10.0.0.0/33", "fd00::1/8", "host.example", "", "1.2.3", "10.0.0.0/x"})
    EXPECT_THROW(net::TrustedProxies::parse({bad}), std::invalid_argument) << bad;
}

TEST(TrustedProxies, TheClientIsTheRightMostUntrustedAddress) {
  auto p = net::TrustedProxies::parse({"10.0.0.0/8"});
  auto proxy = make_address("10.0.0.1");
  auto outsider = make_address("192.0.2.1");
  EXPECT_EQ(p.client_of(outsider, {"203.0.113.9"}), outsider);  // untrusted peer: ignored
  EXPECT_EQ(p.client_of(proxy, {}), proxy);
  EXPECT_EQ(p.client_of(proxy, {"203.0.113.9"}), make_address("203.0.113.9"));
  EXPECT_EQ(p.client_of(proxy, {"198.51.100.1, 203.0.113.9, 10.9.9.9"}),
            make_address("203.0.113.9"));
  EXPECT_EQ(p.client_of(proxy, {"198.51.100.1", "203.0.113.9,10.9.9.9"}),
            make_address("203.0.113.9"));  // several header lines read as one list
  EXPECT_EQ(p.client_of(proxy, {"10.1.1.1, 10.2.2.2"}), make_address("10.1.1.1"));
  EXPECT_EQ(p.client_of(proxy, {"203.0.113.9, junk"}), proxy);
  EXPECT_EQ(p.client_of(proxy, {" 2001:db8::5 "}), make_address("2001:db8::5"));
}

TEST(Config, TrustedProxiesAndReadConnectionsAreChecked) {
  app::Config c;
  app::apply_config(c, nlohmann::json{{"trusted_proxies", {"10.0.0.0/8", "::1"}}});
  EXPECT_EQ(c.trusted_proxies.size(), 2u);
  try {
    app::apply_config(c, nlohmann::json{{"trusted_proxies", {"10.0.0.0/8", "10.0.0.1/8"}}});
    ADD_FAILURE() << "accepted a range with host bits";
  } catch (const app::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("trusted_proxies[1]"), std::string::npos) << e.what();
  }
  EXPECT_THROW(app::apply_config(c, nlohmann::json{{"trusted_proxies", "10.0.0.0/8"}}),
               app::ConfigError);
  app::Config t;
  EXPECT_THROW(
      app::apply_config(t, nlohmann::json{{"threads", 8}, {"database", {{"read_connections", 4}}}}),
      app::ConfigError);
  app::Config ok;
  app::apply_config(ok, nlohmann::json{{"threads", 4},
                                       {"database", {{"read_connections", 4}}},
                                       {"limits", {{"max_connections_per_address", 5}}}});
  EXPECT_EQ(ok.read_pool_size(), 4);
  EXPECT_EQ(ok.max_connections_per_address, 5u);
  app::Config automatic;  // threads 0 = one per core; the pool is raised to match
  automatic.read_connections = 1;
  EXPECT_GE(automatic.read_pool_size(), automatic.io_threads());
}

TEST(Log, ClipKeepsWholeCharacters) {
  EXPECT_EQ(http::clip("short"), "short");
  EXPECT_EQ(http::clip(std::string(500, 'x')).size(), http::kMaxLoggedInput + 3);
  const std::string accents = "\xc3\xa9\xc3\xa9\xc3\xa9";  // three two-byte characters
  EXPECT_EQ(http::clip(accents, 3), "\xc3\xa9...");
}

TEST(LoginLimiter, SuccessTakesBackOnlyItsOwnAttempt) {
  api::LoginLimiter limiter(3, std::chrono::seconds(60));
  for (int i = 0; i < 2; ++i) {  // an attacker's failures
    auto d = limiter.begin("ceo", "203.0.113.1");
    ASSERT_TRUE(d.allowed());
    limiter.finish("ceo", "203.0.113.1", d.attempt, false);
  }
  auto real = limiter.begin("ceo", "198.51.100.1");
  ASSERT_TRUE(real.allowed());
  limiter.finish("ceo", "198.51.100.1", real.attempt, true);
  auto third = limiter.begin("ceo", "203.0.113.1");
  ASSERT_TRUE(third.allowed());
  limiter.finish("ceo", "203.0.113.1", third.attempt, false);
  EXPECT_GT(limiter.begin("ceo", "203.0.113.1").retry_after, 0);
}

}  // namespace
}  // namespace greenroom
