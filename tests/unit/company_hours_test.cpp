// The hourly company rollup of schema/0025 against the rows it summarises: random histories of
// posts (company and practice, published, hidden, removed, restored, moved between spaces,
// published late), replies (held, approved, hidden) and likes (liked, unliked), and after every
// step the joining effect's counts over random ranges — through the rollup and row by row —
// must agree exactly. Seeds are printed so a failure can be replayed.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "store/analytics_repository.hpp"
#include "temp_db.hpp"

namespace greenroom::store {
namespace {

constexpr domain::Millis kHour = 3'600'000;

class CompanyHours : public ::testing::Test {
 protected:
  test::TempDb db;
  Connection c{db.path(), Connection::Mode::read_write};

  void SetUp() override {
    c.exec(
        "INSERT INTO users(id, username, display_name, role, password_hash, created_at) "
        "VALUES (1, 'ana', 'Ana', 'member', 'x', 0), (2, 'bo', 'Bo', 'member', 'x', 0), "
        "(3, 'cy', 'Cy', 'member', 'x', 0)");
  }

  void expect_agree(domain::Millis from, domain::Millis to, const std::string& where) {
    const auto rolled = AnalyticsRepository::company_activity(c, from, to);
    const auto rows = AnalyticsRepository::company_activity_by_rows(c, from, to);
    EXPECT_EQ(rolled.posts, rows.posts) << where << " [" << from << ", " << to << ")";
    EXPECT_EQ(rolled.replies, rows.replies) << where << " [" << from << ", " << to << ")";
    EXPECT_EQ(rolled.likes, rows.likes) << where << " [" << from << ", " << to << ")";
  }
};

TEST_F(CompanyHours, WholeHoursAndPartialEndsAddUpOnAKnownHistory) {
  // Hour 10: two company posts (one later hidden), a practice post; hour 11: a reply and a
  // like on the first; hour 12: a held reply (not counted).
  c.exec(
      "INSERT INTO posts(id, author_id, space, state, body, created_at, updated_at, published_at) "
      "VALUES (1, 1, 'company', 'published', 'a', 0, 0, 36000000 + 5), "
      "(2, 2, 'company', 'published', 'b', 0, 0, 36000000 + 10), "
      "(3, 1, 'practice', 'published', 'c', 0, 0, 36000000 + 20)");
  c.exec("INSERT INTO replies(post_id, author_id, body, created_at) VALUES (1, 2, 'r', 39600000)");
  c.exec(
      "INSERT INTO replies(post_id, author_id, body, created_at, review_state) "
      "VALUES (1, 3, 'held', 43200000, 'in_review')");
  c.exec("INSERT INTO likes(post_id, user_id, created_at) VALUES (1, 3, 39600001)");
  c.exec("UPDATE posts SET state = 'hidden' WHERE id = 2");
  const auto all = AnalyticsRepository::company_activity(c, 0, 100 * kHour);
  EXPECT_EQ(all.posts, 1);
  EXPECT_EQ(all.replies, 1);
  EXPECT_EQ(all.likes, 1);
  // The held reply is approved: it counts at the time it was written (hour 12).
  c.exec("UPDATE replies SET review_state = 'approved' WHERE body = 'held'");
  EXPECT_EQ(AnalyticsRepository::company_activity(c, 12 * kHour, 13 * kHour).replies, 1);
  // Hiding the first post takes its reply and like away; restoring brings them back.
  c.exec("UPDATE posts SET state = 'hidden' WHERE id = 1");
  const auto hidden = AnalyticsRepository::company_activity(c, 0, 100 * kHour);
  EXPECT_EQ(hidden.posts + hidden.replies + hidden.likes, 0);
  c.exec("UPDATE posts SET state = 'published' WHERE id = 1");
  const auto back = AnalyticsRepository::company_activity(c, 0, 100 * kHour);
  EXPECT_EQ(back.posts, 1);
  EXPECT_EQ(back.replies, 2);
  EXPECT_EQ(back.likes, 1);
  // A range that starts and ends inside hours: the ends are counted row by row.
  const auto inner = AnalyticsRepository::company_activity(c, 36000000 + 6, 43200000 + 1);
  EXPECT_EQ(inner.posts, 0);  // post 1 was published at +5, before the range
  EXPECT_EQ(inner.replies, 2);
  EXPECT_EQ(inner.likes, 1);
}

TEST_F(CompanyHours, RollupAgreesWithTheRowsOverRandomHistories) {
  const auto seed = std::random_device{}();
  std::printf("[company hours] seed %u\n", seed);
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto when = [&] { return static_cast<domain::Millis>(pick(48)) * kHour + pick(3) * 1000; };
  const char* post_states[] = {"published", "hidden", "removed", "draft", "in_review"};
  const char* reply_states[] = {"visible", "hidden", "removed"};
  const char* reviews[] = {"none", "in_review", "approved", "changes_requested"};
  int posts = 0, replies = 0;
  for (int step = 0; step < 400; ++step) {
    const auto seen = "seed " + std::to_string(seed) + " step " + std::to_string(step);
    switch (pick(8)) {
      case 0:
      case 1: {
        const auto at = when();
        const bool published = pick(3) != 0;
        c.prepare(
             "INSERT INTO posts(author_id, space, state, body, created_at, updated_at, "
             "published_at) VALUES (?1, ?2, ?3, 'p', ?4, ?4, ?5)")
            .bind(1, 1 + pick(3))
            .bind(2, pick(4) == 0 ? "practice" : "company")
            .bind(3, published ? "published" : "draft")
            .bind(4, at)
            .bind(5, published ? std::optional<domain::Millis>(at) : std::nullopt)
            .run();
        ++posts;
        break;
      }
      case 2:  // moderation, publishing later, or a move between spaces
        if (posts == 0) break;
        if (pick(4) == 0) {
          c.prepare("UPDATE posts SET space = ?2 WHERE id = ?1")
              .bind(1, 1 + pick(posts))
              .bind(2, pick(2) == 0 ? "practice" : "company")
              .run();
        } else {
          const auto state = post_states[pick(5)];
          c.prepare(
               "UPDATE posts SET state = ?2, "
               "published_at = CASE WHEN ?2 = 'published' THEN COALESCE(published_at, ?3) "
               "ELSE published_at END WHERE id = ?1")
              .bind(1, 1 + pick(posts))
              .bind(2, state)
              .bind(3, when())
              .run();
        }
        break;
      case 3:
      case 4:
        if (posts == 0) break;
        c.prepare(
             "INSERT INTO replies(post_id, author_id, body, created_at, review_state) "
             "VALUES (?1, ?2, 'r', ?3, ?4)")
            .bind(1, 1 + pick(posts))
            .bind(2, 1 + pick(3))
            .bind(3, when())
            .bind(4, reviews[pick(4)])
            .run();
        ++replies;
        break;
      case 5:
        if (replies == 0) break;
        c.prepare("UPDATE replies SET state = ?2, review_state = ?3 WHERE id = ?1")
            .bind(1, 1 + pick(replies))
            .bind(2, reply_states[pick(3)])
            .bind(3, reviews[pick(4)])
            .run();
        break;
      case 6:
        if (posts == 0) break;
        c.prepare("INSERT OR IGNORE INTO likes(post_id, user_id, created_at) VALUES (?1, ?2, ?3)")
            .bind(1, 1 + pick(posts))
            .bind(2, 1 + pick(3))
            .bind(3, when())
            .run();
        break;
      case 7:
        if (posts == 0) break;
        c.prepare("DELETE FROM likes WHERE post_id = ?1 AND user_id = ?2")
            .bind(1, 1 + pick(posts))
            .bind(2, 1 + pick(3))
            .run();
        break;
    }
    const auto a = when() + pick(static_cast<int>(kHour)),
               b = when() + pick(static_cast<int>(kHour));
    expect_agree(std::min(a, b), std::max(a, b) + 1, seen);
    expect_agree(0, 50 * kHour, seen);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace greenroom::store
