#pragma once
// Rules of the reading list: how many feeds a person may follow, when a feed is fetched
// again, what "new since yesterday" counts, and the calendar day of a reading day.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/cursor.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {

inline constexpr int kMaxSubscriptionsPerPerson = 100;
// "N new since yesterday": unread entries dated within this window before now.
inline constexpr Millis kNewSinceWindow = 24LL * 3600 * 1000;

// After a failure: retry * 2^(failures-1), at most max_backoff (failures counts this one).
Millis next_fetch_after_failure(Millis now, std::int64_t failures, Millis retry,
                                Millis max_backoff);

// "YYYY-MM-DD" of the UTC day holding `t`.
std::string utc_day(Millis t);

// The reading view merges two newest-first lists, followed posts (by published_at, id) and
// external entries (by date, id), into one. Its order: newer first; at the same millisecond a
// post before an entry; then the higher id first.
enum class ReadingKind { post, entry };
struct ReadingPosition {
  Millis at = 0;
  ReadingKind kind = ReadingKind::post;
  std::int64_t id = 0;
};
// Whether `a` comes before `b` in the reading view.
bool reading_before(const ReadingPosition& a, const ReadingPosition& b);
// The one cursor of the merged view, the position of a page's last item, as a keyset cursor
// (the id carries the kind: 2 * id for a post, 2 * id + 1 for an entry).
Cursor reading_cursor(const ReadingPosition& last);
std::optional<ReadingPosition> reading_position(const Cursor& c);
// Each list's own keyset cursor ("strictly older than") for the page after `last`: the posts
// at `last.at` are all shown once an entry at that time was; no entry at `last.at` was shown
// while the last item is a post.
Cursor posts_after(const ReadingPosition& last);
Cursor entries_after(const ReadingPosition& last);

}  // namespace greenroom::domain
