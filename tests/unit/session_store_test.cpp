// Session listing and "last seen" bookkeeping on a temporary database, and the in-memory
// throttle that keeps last-seen writes to one a minute per session.
#include <gtest/gtest.h>

#include "api/session_activity.hpp"
#include "store/session_repository.hpp"
#include "store/totp_repository.hpp"
#include "store/user_repository.hpp"
#include "temp_db.hpp"

namespace greenroom::store {
namespace {

std::int64_t add_user(Connection& c, const std::string& name) {
  return UserRepository::insert(c, {name, name, domain::Role::member, std::nullopt, "hash"}, 1000);
}

void add_session(Connection& c, const std::string& hash, std::int64_t uid, const std::string& id,
                 domain::Millis at) {
  SessionRepository::insert(c, hash, uid, at, at + 1'000'000);
  SessionRepository::describe(c, hash, id, "Agent " + id, "10.0.0.1", at);
}

TEST(SessionStore, ListsOnlyTheUsersLiveSessionsMostRecentlyUsedFirst) {
  test::TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  auto ana = add_user(c, "ana");
  auto bob = add_user(c, "bob");
  add_session(c, "h1", ana, "one", 10'000);
  add_session(c, "h2", ana, "two", 20'000);
  add_session(c, "h3", bob, "three", 30'000);
  SessionRepository::insert(c, "h4", ana, 1, 2);  // expired
  auto list = SessionRepository::list_for_user(c, ana, 50'000);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].public_id, "two");
  EXPECT_EQ(list[1].public_id, "one");
  EXPECT_EQ(list[1].user_agent, "Agent one");

  // A touch within the gap changes nothing; after it, time and address move.
  SessionRepository::touch(c, "h1", "10.0.0.9", 40'000, 60'000);
  EXPECT_EQ(SessionRepository::find(c, "h1", 50'000)->last_seen_at, 10'000);
  SessionRepository::touch(c, "h1", "10.0.0.9", 80'000, 60'000);
  auto s = SessionRepository::find(c, "h1", 50'000);
  EXPECT_EQ(s->last_seen_at, 80'000);
  EXPECT_EQ(s->auth_at, 10'000);
  EXPECT_EQ(SessionRepository::list_for_user(c, ana, 50'000)[0].client_ip, "10.0.0.9");

  EXPECT_FALSE(SessionRepository::remove_by_public_id(c, bob, "one"));  // not bob's
  EXPECT_TRUE(SessionRepository::remove_by_public_id(c, ana, "one"));
  EXPECT_EQ(SessionRepository::remove_others(c, bob, "h3"), 0);
  EXPECT_TRUE(SessionRepository::find(c, "h2", 50'000));
}

TEST(SessionStore, FindsWhetherTheUserHasTotpOn) {
  test::TempDb db;
  Connection c(db.path(), Connection::Mode::read_write);
  auto ana = add_user(c, "ana");
  add_session(c, "h1", ana, "one", 10'000);
  EXPECT_FALSE(SessionRepository::find(c, "h1", 10'001)->totp_enabled);
  TotpRepository::start(c, ana, "JBSWY3DPEHPK3PXP", 10'000);
  EXPECT_FALSE(SessionRepository::find(c, "h1", 10'001)->totp_enabled);  // pending
  TotpRepository::enable(c, ana, 5, 10'000);
  EXPECT_TRUE(SessionRepository::find(c, "h1", 10'001)->totp_enabled);
  TotpRepository::start(c, ana, "OTHERSECRET", 10'000);  // no restart once enabled
  EXPECT_EQ(TotpRepository::find(c, ana)->secret_base32, "JBSWY3DPEHPK3PXP");
  TotpRepository::set_last_step(c, ana, 3);  // never moves back
  EXPECT_EQ(TotpRepository::find(c, ana)->last_step, 5);
  TotpRepository::replace_recovery_codes(c, ana, {"a", "b"});
  EXPECT_TRUE(TotpRepository::use_recovery_code(c, ana, "a", 1));
  EXPECT_FALSE(TotpRepository::use_recovery_code(c, ana, "a", 2));
  EXPECT_EQ(TotpRepository::unused_recovery_codes(c, ana), 1);
  TotpRepository::remove(c, ana);
  EXPECT_FALSE(TotpRepository::find(c, ana));
  EXPECT_EQ(TotpRepository::unused_recovery_codes(c, ana), 0);
}

TEST(SessionActivity, AsksForAtMostOneWritePerSessionPerMinute) {
  api::SessionActivity activity;
  EXPECT_FALSE(activity.should_touch("a", 100'000, 130'000));  // stored value is fresh
  EXPECT_TRUE(activity.should_touch("a", 0, 100'000));
  EXPECT_FALSE(activity.should_touch("a", 0, 120'000));  // already asked this minute
  EXPECT_TRUE(activity.should_touch("b", 0, 120'000));   // another session
  EXPECT_TRUE(activity.should_touch("a", 0, 160'000));
}

}  // namespace
}  // namespace greenroom::store
