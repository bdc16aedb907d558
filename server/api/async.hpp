#pragma once
// Bridges from coroutines to the store's writer thread and to the blocking pool. The
// awaiting coroutine is resumed on its own executor once the writer has committed the job.
//
// GCC 12 destroys a lambda temporary with init-captures twice when it appears inside a
// co_await expression. So: these are plain functions (not coroutines), and callers name
// their job lambda first: `auto job = [...](Connection& c) {...}; co_await write(w,
// std::move(job));`
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <type_traits>

#include "api/live_events.hpp"
#include "domain/errors.hpp"
#include "store/writer.hpp"

namespace greenroom::api {

namespace detail {
// A full writer queue becomes 503 unavailable for the client.
inline std::exception_ptr client_error(std::exception_ptr e) {
  if (!e) return e;
  try {
    std::rethrow_exception(e);
  } catch (const store::WriterBusy&) {
    return std::make_exception_ptr(domain::Error(domain::ErrorKind::unavailable, "unavailable",
                                                 "The server is busy; try again in a moment."));
  } catch (...) {
    return e;
  }
}

// Live events a job emitted, kept until its commit is known.
using Changes = std::shared_ptr<std::vector<live::Change>>;

// Resumes the awaiting coroutine on its executor; first, on the same executor (never the
// writer thread), a committed job's live events go to the hub.
template <class Handler>
auto resume_on_own_executor(Handler handler) {
  auto h = std::make_shared<Handler>(std::move(handler));
  auto ex = boost::asio::get_associated_executor(*h);
  return [h, ex](Changes changes, auto&&... args) {
    boost::asio::post(ex, [h, changes, args...]() mutable {
      if (changes) live_events::publish(std::move(*changes));
      (*h)(std::move(args)...);
    });
  };
}

// Runs the job `f(c)` collecting the live events it emits into `changes`.
template <class F>
auto collecting(F f, Changes changes) {
  return [f = std::move(f), changes](store::Connection& c) mutable {
    live_events::begin_job();
    try {
      f(c);
    } catch (...) {
      live_events::end_job();
      throw;
    }
    *changes = live_events::end_job();
  };
}
}  // namespace detail

// Runs `f(connection)` on the writer thread inside the next group commit; the awaitable
// yields its result after the commit, or rethrows what it threw (its changes rolled back).
template <class F>
auto write(store::Writer& writer, F f) {
  using R = std::invoke_result_t<F&, store::Connection&>;
  using Token = const boost::asio::use_awaitable_t<>;
  if constexpr (std::is_void_v<R>) {
    return boost::asio::async_initiate<Token, void(std::exception_ptr)>(
        [&writer, f = std::move(f)](auto handler) mutable {
          auto resume = detail::resume_on_own_executor(std::move(handler));
          auto changes = std::make_shared<std::vector<live::Change>>();
          writer.submit(detail::collecting([f](store::Connection& c) mutable { f(c); }, changes),
                        [resume, changes](std::exception_ptr e) {
                          resume(e ? nullptr : changes, detail::client_error(e));
                        });
        },
        boost::asio::use_awaitable);
  } else {
    static_assert(std::is_default_constructible_v<R>,
                  "write() results must be default-constructible");
    return boost::asio::async_initiate<Token, void(std::exception_ptr, R)>(
        [&writer, f = std::move(f)](auto handler) mutable {
          auto resume = detail::resume_on_own_executor(std::move(handler));
          auto result = std::make_shared<R>();
          auto changes = std::make_shared<std::vector<live::Change>>();
          writer.submit(detail::collecting(
                            [f, result](store::Connection& c) mutable { *result = f(c); }, changes),
                        [resume, result, changes](std::exception_ptr e) {
                          resume(e ? nullptr : changes, detail::client_error(e),
                                 std::move(*result));
                        });
        },
        boost::asio::use_awaitable);
  }
}

// Runs CPU-heavy `f()` on the blocking pool; the caller resumes on its own executor.
template <class F>
auto run_blocking(boost::asio::thread_pool& pool, F f) {
  using R = std::invoke_result_t<F&>;
  return boost::asio::co_spawn(
      pool.get_executor(),
      [f = std::move(f)]() mutable -> boost::asio::awaitable<R> { co_return f(); },
      boost::asio::use_awaitable);
}

}  // namespace greenroom::api
