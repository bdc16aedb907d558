// The reading view's merge order and its one cursor (domain/reading): newer first, a post
// before an entry at the same millisecond, then the higher id; each list's own cursor after
// a page's last item skips exactly what was shown.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "domain/reading.hpp"

namespace greenroom::domain {
namespace {

ReadingPosition post(Millis at, std::int64_t id) {
  return {at, ReadingKind::post, id};
}
ReadingPosition entry(Millis at, std::int64_t id) {
  return {at, ReadingKind::entry, id};
}

TEST(ReadingOrder, NewerFirstThenPostBeforeEntryThenHigherId) {
  EXPECT_TRUE(reading_before(entry(2000, 1), post(1000, 9)));
  EXPECT_TRUE(reading_before(post(1000, 1), entry(1000, 9)));
  EXPECT_FALSE(reading_before(entry(1000, 9), post(1000, 1)));
  EXPECT_TRUE(reading_before(post(1000, 5), post(1000, 4)));
  EXPECT_TRUE(reading_before(entry(1000, 5), entry(1000, 4)));
  EXPECT_FALSE(reading_before(post(1000, 5), post(1000, 5)));
}

TEST(ReadingOrder, TheCursorCarriesTheKindAndRoundTrips) {
  for (const auto& p : {post(0, 1), post(1732780000123, 42), entry(5, 1), entry(7, 1LL << 40)}) {
    auto c = reading_cursor(p);
    auto back = reading_position(decode_cursor(encode_cursor(c)).value());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->at, p.at);
    EXPECT_EQ(back->kind, p.kind);
    EXPECT_EQ(back->id, p.id);
  }
  EXPECT_FALSE(reading_position({5, 0}).has_value());
  EXPECT_FALSE(reading_position({5, 1}).has_value());
}

TEST(ReadingOrder, EachListResumesJustAfterTheLastItemShown) {
  // After a post at t: older posts, or the same t with a lower id; entries at t not yet shown.
  EXPECT_EQ(posts_after(post(1000, 7)).key, 1000);
  EXPECT_EQ(posts_after(post(1000, 7)).id, 7);
  EXPECT_EQ(entries_after(post(1000, 7)).key, 1000);
  EXPECT_EQ(entries_after(post(1000, 7)).id, std::numeric_limits<std::int64_t>::max());
  // After an entry at t: every post at t was shown already.
  EXPECT_EQ(posts_after(entry(1000, 7)).key, 1000);
  EXPECT_EQ(posts_after(entry(1000, 7)).id, 0);
  EXPECT_EQ(entries_after(entry(1000, 7)).id, 7);
}

// Paging a merged list with the two cursors visits every item once, in order.
TEST(ReadingOrder, PagingTheTwoListsGivesTheMergedOrder) {
  std::vector<ReadingPosition> posts, entries;
  for (std::int64_t i = 1; i <= 20; ++i) posts.push_back(post(1000 * (i % 6), i));
  for (std::int64_t i = 1; i <= 15; ++i)
    entries.push_back(entry(1000 * (i % 4) + (i % 2) * 500, i));
  auto newest = [](const ReadingPosition& a, const ReadingPosition& b) {
    return reading_before(a, b);
  };
  std::sort(posts.begin(), posts.end(), newest);
  std::sort(entries.begin(), entries.end(), newest);
  std::vector<ReadingPosition> want = posts;
  want.insert(want.end(), entries.begin(), entries.end());
  std::sort(want.begin(), want.end(), newest);
  // A list's items strictly after its keyset cursor (key, id), as the SQL reads them.
  auto after = [](const std::vector<ReadingPosition>& list, std::optional<Cursor> c, int limit) {
    std::vector<ReadingPosition> out;
    for (const auto& p : list)
      if (!c || p.at < c->key || (p.at == c->key && p.id < c->id))
        if (static_cast<int>(out.size()) < limit) out.push_back(p);
    return out;
  };
  for (int limit : {1, 2, 3, 7}) {
    std::vector<ReadingPosition> got;
    std::optional<ReadingPosition> last;
    for (int page = 0; page < 100; ++page) {
      auto ps = after(posts, last ? std::optional(posts_after(*last)) : std::nullopt, limit);
      auto es = after(entries, last ? std::optional(entries_after(*last)) : std::nullopt, limit);
      std::vector<ReadingPosition> both = ps;
      both.insert(both.end(), es.begin(), es.end());
      std::sort(both.begin(), both.end(), newest);
      if (both.empty()) break;
      if (static_cast<int>(both.size()) > limit) both.resize(limit);
      got.insert(got.end(), both.begin(), both.end());
      last = both.back();
    }
    ASSERT_EQ(got.size(), want.size()) << "limit " << limit;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].kind, want[i].kind) << i;
      EXPECT_EQ(got[i].id, want[i].id) << i;
    }
  }
}

}  // namespace
}  // namespace greenroom::domain
