#pragma once
// What handlers work with: the store (one writer, a read pool), the settings they need,
// the login limiter and a small pool for CPU-heavy work (password hashing).
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>

#include "api/login_limiter.hpp"
#include "api/policy.hpp"
#include "api/session_activity.hpp"
#include "domain/coaching_evidence.hpp"
#include "domain/model.hpp"
#include "store/read_pool.hpp"
#include "store/writer.hpp"

namespace greenroom::live {
class Hub;
}

namespace greenroom::api {

class FeedFetcher;

struct Argon2Params {
  std::uint32_t t_cost = 2;
  std::uint32_t m_cost_kib = 19456;
  std::uint32_t parallelism = 1;
};

struct Settings {
  std::chrono::hours session_ttl{24 * 7};
  Argon2Params argon2;
  // Roles that must sign in with TOTP (security.require_totp_for_roles).
  std::set<domain::Role> totp_required_roles;
  // Sensitive actions ask for the password again when the last proof is older than this.
  std::chrono::seconds reauth_window{600};
  // Private Atom feed tokens are derived from this key (app/feed_key.hpp).
  std::string feed_key;
  // When to suggest the next training level (config "level_suggestions").
  domain::SuggestionRule level_rule;
  bool totp_required(domain::Role role) const { return totp_required_roles.count(role) > 0; }
};

struct Services {
  Settings settings;
  store::Writer& writer;
  store::ReadPool& reads;
  LoginLimiter& limiter;
  boost::asio::thread_pool& blocking;
  PolicyHolder& policy;
  SessionActivity& activity;
  live::Hub* live = nullptr;  // the event hub (GET /api/v1/live); none in handler-only tests
  // The reading list's fetcher (woken after a subscription); none in handler-only tests.
  FeedFetcher* feeds = nullptr;
};

}  // namespace greenroom::api
