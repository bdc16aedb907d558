// A live subscriber lasts no longer than the session that opened it: a kSessionsEnded change
// closes the matching sockets only (one session, all but one, or all), and nothing is sent on
// a socket once its session's own expiry has passed (close code 4001).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "live/hub.hpp"
#include "live/subscriber.hpp"

namespace greenroom::live {
namespace {

struct RecordingPeer : http::WebSocketPeer {
  std::vector<std::string> sent;
  std::vector<std::uint16_t> closes;
  bool send(std::shared_ptr<const std::string> text) override {
    sent.push_back(*text);
    return true;
  }
  void close(std::uint16_t code, std::string) override { closes.push_back(code); }
};

struct Open {
  std::shared_ptr<Subscriber> sub;
  std::shared_ptr<RecordingPeer> peer;
};

class LiveSessionTest : public ::testing::Test {
 protected:
  Hub hub{{}, [](std::int64_t, std::int64_t) { return domain::Relation{}; }, 1};
  Open open(std::int64_t user, const std::string& session, domain::Millis expires_at = 0) {
    Open o{hub.subscribe({user, domain::Role::member, std::nullopt}, std::nullopt, session,
                         expires_at),
           std::make_shared<RecordingPeer>()};
    o.sub->on_open(o.peer);
    return o;
  }
  void note_to(std::int64_t user) {
    hub.publish({Change{Audience::of_user(user), "notifications.unread", {{"unread_count", 1}}}});
  }
  void end(std::int64_t user, nlohmann::json fields) {
    hub.publish({Change{Audience::of_user(user), kSessionsEnded, std::move(fields)}});
  }
};

TEST_F(LiveSessionTest, EndedSessionsCloseTheirSocketsOnly) {
  auto a = open(7, "a"), b = open(7, "b"), c = open(7, "c"), other = open(8, "a");
  end(7, {{"only", "a"}});
  EXPECT_EQ(a.peer->closes, std::vector<std::uint16_t>{http::close_code::session_ended});
  EXPECT_TRUE(b.peer->closes.empty());
  EXPECT_TRUE(other.peer->closes.empty());
  end(7, {{"except", "c"}});
  EXPECT_EQ(b.peer->closes.size(), 1u);
  EXPECT_TRUE(c.peer->closes.empty());
  note_to(7);
  EXPECT_EQ(c.peer->sent.size(), 2u);  // hello, then the note
  EXPECT_EQ(a.peer->sent.size(), 1u);  // nothing after the close
  end(7, nlohmann::json::object());
  EXPECT_EQ(c.peer->closes.size(), 1u);
  EXPECT_TRUE(other.peer->closes.empty());
  // The ending itself is never sent to anyone.
  for (const auto& text : other.peer->sent) EXPECT_EQ(text.find(kSessionsEnded), std::string::npos);
}

TEST_F(LiveSessionTest, NothingIsSentAfterTheSessionExpired) {
  const auto now = domain::now_millis();
  auto expired = open(7, "old", now - 1);
  auto fresh = open(7, "new", now + 3'600'000);
  note_to(7);
  EXPECT_EQ(expired.peer->sent.size(), 1u);  // the hello only
  EXPECT_EQ(expired.peer->closes, std::vector<std::uint16_t>{http::close_code::session_ended});
  EXPECT_EQ(fresh.peer->sent.size(), 2u);
  EXPECT_TRUE(fresh.peer->closes.empty());
}

}  // namespace
}  // namespace greenroom::live
