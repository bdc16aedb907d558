#include "domain/reading.hpp"

#include <algorithm>
#include <limits>

namespace greenroom::domain {

Millis next_fetch_after_failure(Millis now, std::int64_t failures, Millis retry,
                                Millis max_backoff) {
  Millis wait = std::max<Millis>(retry, 1000);
  for (std::int64_t i = 1; i < failures && wait < max_backoff; ++i) wait *= 2;
  return now + std::min(wait, max_backoff);
}

std::string utc_day(Millis t) {
  return format_rfc3339(t).substr(0, 10);
}

bool reading_before(const ReadingPosition& a, const ReadingPosition& b) {
  if (a.at != b.at) return a.at > b.at;
  if (a.kind != b.kind) return a.kind == ReadingKind::post;
  return a.id > b.id;
}

Cursor reading_cursor(const ReadingPosition& last) {
  return {last.at, last.id * 2 + (last.kind == ReadingKind::entry ? 1 : 0)};
}

std::optional<ReadingPosition> reading_position(const Cursor& c) {
  if (c.key < 0 || c.id < 2) return std::nullopt;  // ids start at 1
  return ReadingPosition{c.key, c.id % 2 ? ReadingKind::entry : ReadingKind::post, c.id / 2};
}

Cursor posts_after(const ReadingPosition& last) {
  if (last.kind == ReadingKind::post) return {last.at, last.id};
  return {last.at, 0};
}

Cursor entries_after(const ReadingPosition& last) {
  if (last.kind == ReadingKind::entry) return {last.at, last.id};
  return {last.at, std::numeric_limits<std::int64_t>::max()};
}

}  // namespace greenroom::domain
