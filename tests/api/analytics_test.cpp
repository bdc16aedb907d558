// Engagement analytics against the real server, on a history written straight into the
// database with known times, the answers worked out by hand below: the joining effect (with
// the zero-before case, hidden posts and held replies not counted) and a person's weeks.
#include <sqlite3.h>

#include <chrono>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

constexpr long long kHour = 3'600'000, kDay = 24 * kHour, kWeek = 7 * kDay;

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Writes history rows behind the server's back (the server reads them like its own).
class History {
 public:
  explicit History(const std::string& db) {
    sqlite3_open(db.c_str(), &h_);
    sqlite3_busy_timeout(h_, 5000);
  }
  ~History() { sqlite3_close(h_); }
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  long long post(long long author, const std::string& space, const std::string& state,
                 long long at) {
    exec(
        "INSERT INTO posts(author_id, space, state, body, created_at, updated_at, published_at) "
        "VALUES(" +
        std::to_string(author) + ", '" + space + "', '" + state + "', 'history', " +
        std::to_string(at) + ", " + std::to_string(at) + ", " + std::to_string(at) + ")");
    return sqlite3_last_insert_rowid(h_);
  }
  void reply(long long post, long long author, long long at,
             const std::string& review_state = "none", const std::string& state = "visible") {
    exec("INSERT INTO replies(post_id, author_id, body, state, review_state, created_at) VALUES(" +
         std::to_string(post) + ", " + std::to_string(author) + ", 'a reply', '" + state + "', '" +
         review_state + "', " + std::to_string(at) + ")");
  }
  void like(long long post, long long user, long long at) {
    exec("INSERT INTO likes(post_id, user_id, created_at) VALUES(" + std::to_string(post) + ", " +
         std::to_string(user) + ", " + std::to_string(at) + ")");
  }

 private:
  void exec(const std::string& sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(h_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err << sql;
  }
  sqlite3* h_ = nullptr;
};

class AnalyticsTest : public ApiTest {
 protected:
  static long long id_of(const std::string& username) {
    return as(username).get("/api/v1/me").json()["user"]["id"].get<long long>();
  }
  static std::string db() { return server().data_dir() + "/greenroom.db"; }
};

TEST_F(AnalyticsTest, TheJoiningEffectCountsTheCompanySpaceAroundTheFirstCompanyPost) {
  const auto wren = id_of("wren"), mia = id_of("mia"), max = id_of("max"), rui = id_of("rui");
  const long long t = now_ms() - 300 * kDay;  // wren's first company post, long ago
  {
    History h(db());
    // Before [t - 7d, t): posts 3 (the one 8 days before, the hidden one and the practice post
    // do not count; wren's practice post does not make her "joined").
    const auto a = h.post(mia, "company", "published", t - 6 * kDay);
    const auto b = h.post(max, "company", "published", t - 3 * kDay);
    h.post(mia, "company", "published", t - 1 * kDay);
    h.post(max, "company", "published", t - 8 * kDay);
    const auto hidden = h.post(max, "company", "hidden", t - 2 * kDay);
    h.post(mia, "practice", "published", t - 2 * kDay);
    h.post(wren, "practice", "published", t - 5 * kDay);
    // replies 2 (a held reply, a hidden reply and a reply on the hidden post do not count)
    h.reply(a, max, t - 5 * kDay);
    h.reply(b, mia, t - 2 * kDay);
    h.reply(b, rui, t - 2 * kDay, "in_review");
    h.reply(b, rui, t - 2 * kDay, "none", "hidden");
    h.reply(hidden, mia, t - 2 * kDay);
    // likes 2 (the like on the hidden post does not count)
    h.like(a, max, t - 5 * kDay);
    h.like(b, mia, t - 1 * kDay);
    h.like(hidden, mia, t - 1 * kDay);

    // After [t, t + 7d): posts 4 (wren's own first post counts), replies 5, likes 3.
    const auto first = h.post(wren, "company", "published", t);
    const auto c = h.post(mia, "company", "published", t + 1 * kDay);
    h.post(max, "company", "published", t + 2 * kDay);
    h.post(mia, "company", "published", t + 3 * kDay);
    h.post(max, "company", "published", t + 7 * kDay);  // the first moment after the window
    for (auto who : {mia, max, rui}) h.reply(first, who, t + kHour);
    h.reply(c, max, t + 2 * kDay);
    h.reply(a, max, t + 6 * kDay);  // a reply on an older post, now: counts by its own time
    h.like(first, mia, t + kHour);
    h.like(first, max, t + kHour);
    h.like(c, rui, t + 4 * kDay);

    // rui's first company post, 30 days after: nothing in the day before it.
    h.post(rui, "company", "published", t + 30 * kDay);
  }

  auto r = as("cora").get("/api/v1/analytics/joining-effect?user_id=" + std::to_string(wren) +
                          "&days=7");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["user"]["username"], "wren");
  EXPECT_EQ(j["days"], 7);
  EXPECT_EQ(j["before"], (nlohmann::json{{"posts", 3}, {"replies", 2}, {"likes", 2}}));
  EXPECT_EQ(j["after"], (nlohmann::json{{"posts", 4}, {"replies", 5}, {"likes", 3}}));
  // (4-3)/3 = 33.333..%, (5-2)/2 = 150%, (3-2)/2 = 50%
  EXPECT_DOUBLE_EQ(j["change_percent"]["posts"].get<double>(), 33.33);
  EXPECT_DOUBLE_EQ(j["change_percent"]["replies"].get<double>(), 150.0);
  EXPECT_DOUBLE_EQ(j["change_percent"]["likes"].get<double>(), 50.0);
  EXPECT_FALSE(j["joined_at"].is_null());

  // The zero-before case: no change in percent, the counts still shown.
  auto zero =
      as("rui").get("/api/v1/analytics/joining-effect?user_id=" + std::to_string(rui) + "&days=1");
  ASSERT_EQ(zero.status, 200) << zero.body;
  EXPECT_EQ(zero.json()["before"], (nlohmann::json{{"posts", 0}, {"replies", 0}, {"likes", 0}}));
  EXPECT_EQ(zero.json()["after"]["posts"], 1);
  EXPECT_TRUE(zero.json()["change_percent"]["posts"].is_null());

  // Someone who never posted in company: no date, no figures.
  auto never =
      as("ada").get("/api/v1/analytics/joining-effect?user_id=" + std::to_string(id_of("xena")));
  ASSERT_EQ(never.status, 200) << never.body;
  EXPECT_TRUE(never.json()["joined_at"].is_null());
  EXPECT_TRUE(never.json()["before"].is_null());
  EXPECT_EQ(never.json()["days"], 28);  // the default window
}

TEST_F(AnalyticsTest, TheJoiningEffectRefusesBadInputAndMembers) {
  auto ada = as("ada");
  const auto wren = std::to_string(id_of("wren"));
  EXPECT_EQ(ada.get("/api/v1/analytics/joining-effect").status, 400);
  EXPECT_EQ(ada.get("/api/v1/analytics/joining-effect?user_id=abc").status, 400);
  EXPECT_EQ(ada.get("/api/v1/analytics/joining-effect?user_id=" + wren + "&days=0").status, 400);
  EXPECT_EQ(ada.get("/api/v1/analytics/joining-effect?user_id=" + wren + "&days=366").status, 400);
  EXPECT_EQ(ada.get("/api/v1/analytics/joining-effect?user_id=999999").status, 404);
  auto refused = as("mia").get("/api/v1/analytics/joining-effect?user_id=" + wren);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
}

TEST_F(AnalyticsTest, APersonsWeeksCountWhatOthersCanSee) {
  const auto evan = id_of("evan"), mia = id_of("mia"), max = id_of("max");
  // This week starts on Monday 00:00 UTC (1970-01-01 was a Thursday).
  const long long now = now_ms();
  const long long this_week = (now + 3 * kDay) / kWeek * kWeek - 3 * kDay;
  const long long last_week = this_week - kWeek;
  {
    History h(db());
    // Last week: two company posts by evan; the first gets replies from mia (after 1 hour)
    // and max (after 3 hours), the second a reply from mia after 30 minutes.
    const auto p1 = h.post(evan, "company", "published", last_week + kHour);
    const auto p2 = h.post(evan, "company", "published", last_week + kDay + kHour);
    h.reply(p1, mia, last_week + 2 * kHour);
    h.reply(p1, max, last_week + 4 * kHour);
    h.reply(p1, evan, last_week + 5 * kHour);  // his own answer: given, not received
    h.reply(p2, mia, last_week + kDay + kHour + kHour / 2);
    h.like(p1, mia, last_week + 2 * kHour);
    h.like(p2, max, last_week + 2 * kDay);
    // evan replies on mia's post on a third day
    const auto other = h.post(mia, "company", "published", last_week + 2 * kDay);
    h.reply(other, evan, last_week + 3 * kDay);
    // not counted: a hidden post of his with a reply and a like, a held reply of his
    const auto hidden = h.post(evan, "company", "hidden", last_week + 4 * kDay);
    h.reply(hidden, mia, last_week + 4 * kDay);
    h.like(hidden, max, last_week + 4 * kDay);
    h.reply(other, evan, last_week + 4 * kDay, "in_review");
    // This week: one practice post of his, at the very start of the week.
    h.post(evan, "practice", "published", this_week);
  }
  auto r = as("cora").get("/api/v1/analytics/users/" + std::to_string(evan) + "?weeks=2");
  ASSERT_EQ(r.status, 200) << r.body;
  auto weeks = r.json()["weeks"];
  ASSERT_EQ(weeks.size(), 2u);
  const auto& w0 = weeks[0];
  EXPECT_EQ(w0["posts"], 2);
  EXPECT_EQ(w0["replies_given"], 2);     // on p1 and on mia's post
  EXPECT_EQ(w0["replies_received"], 3);  // mia, max on p1; mia on p2
  EXPECT_EQ(w0["repliers"], 2);
  EXPECT_EQ(w0["likes_received"], 2);
  EXPECT_EQ(w0["active_days"], 3);  // day 0 (p1, his reply), day 1 (p2), day 3 (reply)
  // first replies: 1 hour (p1), 30 minutes (p2): median 45 minutes
  EXPECT_DOUBLE_EQ(w0["median_seconds_to_first_reply"].get<double>(), 2700.0);
  const auto& w1 = weeks[1];
  EXPECT_EQ(w1["posts"], 1);
  EXPECT_EQ(w1["replies_received"], 0);
  EXPECT_TRUE(w1["median_seconds_to_first_reply"].is_null());
  EXPECT_EQ(r.json()["totals"]["posts"], 3);

  // One space at a time.
  auto practice =
      as("evan").get("/api/v1/analytics/users/" + std::to_string(evan) + "?weeks=2&space=practice");
  ASSERT_EQ(practice.status, 200) << practice.body;
  EXPECT_EQ(practice.json()["weeks"][0]["posts"], 0);
  EXPECT_EQ(practice.json()["weeks"][1]["posts"], 1);

  // Bad input, and who may not.
  auto ada = as("ada");
  const auto path = "/api/v1/analytics/users/" + std::to_string(evan);
  EXPECT_EQ(ada.get(path + "?weeks=0").status, 400);
  EXPECT_EQ(ada.get(path + "?weeks=53").status, 400);
  EXPECT_EQ(ada.get(path + "?space=moon").status, 400);
  EXPECT_EQ(ada.get("/api/v1/analytics/users/999999").status, 404);
  EXPECT_EQ(as("mia").get("/api/v1/analytics/users/" + std::to_string(mia)).status, 403);
  EXPECT_EQ(as("cole").get(path).status, 403);  // not his coach
  EXPECT_EQ(as("wren").get(path).status, 403);  // another executive
}

}  // namespace
}  // namespace greenroom::test
