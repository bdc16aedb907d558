#include "app/seed_reading.hpp"

#include <string>
#include <vector>

#include "store/follow_repository.hpp"
#include "store/reading_entry_repository.hpp"
#include "store/reading_feed_repository.hpp"
#include "store/reading_post_repository.hpp"

namespace greenroom::app {

void seed_reading(store::Connection& conn,
                  const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now) {
  constexpr domain::Millis hour = 3600 * 1000;
  const auto ada = id_of("ada");
  store::FeedHostRepository::add(conn, "news.example.com", ada, now - 72 * hour);
  auto feed = store::ExternalFeedRepository::find_or_create(
      conn, "https://news.example.com/leadership.xml", "news.example.com", now - 72 * hour);
  // Fetched an hour ago; due again in half an hour (the demo has no internet, so that fetch
  // will fail and the feed shows its error).
  store::ExternalFeedRepository::record_success(conn, feed.id, "Leadership Weekly",
                                                std::string("https://news.example.com/"),
                                                now - hour, now + hour / 2);
  std::vector<store::NewFeedEntry> entries = {
      {"lw-2026-48-1", "Why leaders who post weekly build more trust",
       std::string("https://news.example.com/leaders-post-weekly"),
       "A survey of 1,200 employees: regular, plain-spoken posts from senior leaders did more "
       "for trust than polished quarterly letters.",
       now - 3 * hour, std::nullopt},
      {"lw-2026-48-2", "Five ways to answer a hard question in public",
       std::string("https://news.example.com/hard-questions"),
       "Say what you know, say what you don't, say when you will know more. Then do it.",
       now - 20 * hour, std::nullopt},
      {"lw-2026-47-3", "The town hall that nobody asked a question at",
       std::string("https://news.example.com/quiet-town-hall"),
       "Silence is not agreement. How one CEO turned an anonymous Q&A into the best-attended "
       "hour of the month.",
       now - 4 * 24 * hour, std::nullopt},
  };
  store::FeedEntryRepository::store(conn, feed.id, entries, now - hour, 200);
  for (const char* who : {"dana", "evan"})
    store::ExternalFeedRepository::subscribe(conn, id_of(who), feed.id, now - 48 * hour);
  // The reading view merges what a person follows with their feeds: the CEO follows two
  // colleagues (evan follows her already), so both see posts and entries side by side.
  for (const char* whom : {"mia", "rui"})
    store::FollowRepository::follow(conn, id_of("dana"), store::FollowKind::user, id_of(whom), "",
                                    now - 40 * hour);
  // Evan has read the oldest entry already.
  auto evans = store::FeedEntryRepository::for_reader(conn, id_of("evan"), std::nullopt, false, 10);
  if (!evans.items.empty())
    store::FeedEntryRepository::mark_read(conn, id_of("evan"), evans.items.back().id, now - hour);
}

}  // namespace greenroom::app
