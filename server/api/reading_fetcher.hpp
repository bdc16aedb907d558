#pragma once
// The reading list's fetcher: on the server's io_context (its own strand), it looks for
// subscribed feeds whose next fetch is due, fetches each with net::fetch_feed, parses it
// with domain::parse_feed and stores the outcome through the writer: entries and the feed's
// title on success; on failure the error and a doubling back-off (never a tight loop).
// A feed whose host an admin no longer allows is not fetched (it is marked instead).
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>

#include "net/feed_client.hpp"
#include "store/read_pool.hpp"
#include "store/reading_feed_repository.hpp"
#include "store/writer.hpp"

namespace greenroom::api {

struct FetcherSettings {
  net::FeedFetchOptions fetch;
  std::chrono::seconds poll{30};       // how often to look for due feeds
  std::chrono::seconds refresh{1800};  // the next fetch after a success
  std::chrono::seconds retry{300};     // the first wait after a failure, then doubling
  std::chrono::seconds max_backoff{86400};
  int keep_entries = 200;  // entries kept per feed (the newest)
};

class FeedFetcher {
 public:
  FeedFetcher(boost::asio::io_context& ioc, store::Writer& writer, store::ReadPool& reads,
              FetcherSettings settings);
  void start();
  // Looks for due feeds now (after a subscription); callable from any thread.
  void wake();
  void stop();

 private:
  boost::asio::awaitable<void> run();
  boost::asio::awaitable<void> fetch_one(store::ExternalFeedRecord feed);

  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  store::Writer& writer_;
  store::ReadPool& reads_;
  FetcherSettings settings_;
  boost::asio::ssl::context tls_;
  boost::asio::steady_timer timer_;  // touched only on strand_
  bool stopped_ = false;
  bool woken_ = false;
};

}  // namespace greenroom::api
