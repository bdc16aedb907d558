#pragma once
// What handlers work with: the store (one writer, a read pool), the settings they need,
// the login limiter and a small pool for CPU-heavy work (password hashing).
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>

#include "api/login_limiter.hpp"
#include "api/policy.hpp"
#include "store/read_pool.hpp"
#include "store/writer.hpp"

namespace greenroom::api {

struct Argon2Params {
  std::uint32_t t_cost = 2;
  std::uint32_t m_cost_kib = 19456;
  std::uint32_t parallelism = 1;
};

struct Settings {
  std::chrono::hours session_ttl{24 * 7};
  Argon2Params argon2;
};

struct Services {
  Settings settings;
  store::Writer& writer;
  store::ReadPool& reads;
  LoginLimiter& limiter;
  boost::asio::thread_pool& blocking;
  PolicyHolder& policy;
};

}  // namespace greenroom::api
