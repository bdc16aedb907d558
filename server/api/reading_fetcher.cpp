#include "api/reading_fetcher.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "api/async.hpp"
#include "domain/feed_parser.hpp"
#include "domain/feed_url.hpp"
#include "domain/reading.hpp"
#include "http/log.hpp"
#include "store/reading_entry_repository.hpp"

namespace greenroom::api {

namespace asio = boost::asio;
namespace d = greenroom::domain;

namespace {
constexpr int kBatch = 10;

d::Millis millis(std::chrono::seconds s) {
  return static_cast<d::Millis>(s.count()) * 1000;
}
}  // namespace

FeedFetcher::FeedFetcher(asio::io_context& ioc, store::Writer& writer, store::ReadPool& reads,
                         FetcherSettings settings)
    : strand_(asio::make_strand(ioc)),
      writer_(writer),
      reads_(reads),
      settings_(std::move(settings)),
      tls_(net::make_feed_tls_context()),
      timer_(strand_) {}

void FeedFetcher::start() {
  asio::co_spawn(strand_, run(), [](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      http::log_event("error", "feed fetcher stopped", {{"error", ex.what()}});
    }
  });
}

void FeedFetcher::wake() {
  asio::post(strand_, [this] {
    woken_ = true;
    timer_.cancel();
  });
}

void FeedFetcher::stop() {
  asio::post(strand_, [this] {
    stopped_ = true;
    timer_.cancel();
  });
}

asio::awaitable<void> FeedFetcher::run() {
  while (!stopped_) {
    woken_ = false;
    std::vector<store::ExternalFeedRecord> due;
    try {
      auto conn = reads_.acquire();
      due = store::ExternalFeedRepository::due(*conn, d::now_millis(), kBatch);
    } catch (const std::exception& e) {
      http::log_event("error", "feed fetcher could not read due feeds", {{"error", e.what()}});
    }
    for (auto& f : due) {
      if (stopped_) co_return;
      co_await fetch_one(std::move(f));
    }
    if (stopped_) co_return;
    if (static_cast<int>(due.size()) == kBatch || woken_) continue;
    timer_.expires_after(settings_.poll);
    co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

asio::awaitable<void> FeedFetcher::fetch_one(store::ExternalFeedRecord feed) {
  std::string code, message;
  std::optional<d::ParsedFeed> parsed;
  auto url = d::parse_feed_url(feed.url);
  if (!url) {
    code = "feed_url_invalid";
    message = "The feed's address is not a valid http(s) URL.";
  } else {
    auto host_allowed = [this](const std::string& host) {
      auto conn = reads_.acquire();
      return store::FeedHostRepository::allowed(*conn, host);
    };
    auto got = co_await net::fetch_feed(*url, settings_.fetch, tls_, host_allowed);
    if (!got.ok()) {
      code = got.error_code;
      message = got.error_message;
    } else {
      auto r = d::parse_feed(got.body);
      if (r.feed) {
        parsed = std::move(r.feed);
      } else {
        code = r.error_code;
        message = r.error;
      }
    }
  }
  const auto now = d::now_millis();
  const auto id = feed.id;
  try {
    if (parsed) {
      std::vector<store::NewFeedEntry> entries;
      for (auto& e : parsed->entries)
        entries.push_back({std::move(e.guid), std::move(e.title), std::move(e.link),
                           std::move(e.summary), e.published, e.updated});
      auto job = [id, now, items = std::move(entries), title = parsed->title, link = parsed->link,
                  next = now + millis(settings_.refresh),
                  keep = settings_.keep_entries](store::Connection& c) {
        store::FeedEntryRepository::store(c, id, items, now, keep);
        store::ExternalFeedRepository::record_success(c, id, title, link, now, next);
      };
      co_await write(writer_, std::move(job));
      http::log_event("info", "feed fetched",
                      {{"feed_id", id}, {"entries", parsed->entries.size()}});
    } else {
      const auto next = d::next_fetch_after_failure(now, feed.failures + 1, millis(settings_.retry),
                                                    millis(settings_.max_backoff));
      auto job = [id, now, code, message, next](store::Connection& c) {
        store::ExternalFeedRepository::record_failure(c, id, code, message, now, next);
      };
      co_await write(writer_, std::move(job));
      http::log_event("warn", "feed fetch failed",
                      {{"feed_id", id}, {"code", code}, {"retry_in_ms", next - now}});
    }
  } catch (const std::exception& e) {
    http::log_event("error", "feed fetch result not stored",
                    {{"feed_id", id}, {"error", e.what()}});
  }
}

}  // namespace greenroom::api
