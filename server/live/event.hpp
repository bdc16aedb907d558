#pragma once
// What the hub carries: a change a committed write made, who may hear of it (decided per
// listener by the one visibility rule in domain/permissions), and the JSON sent for it.
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/model.hpp"

namespace greenroom::live {

// Who may receive an event: those who may see the post; those who may see the reply (and
// its post); those who may see a blog question; or one person.
struct Audience {
  enum class Kind { post, reply, user, question };
  Kind kind = Kind::user;
  domain::PostFacts post;
  domain::ReplyFacts reply;
  std::int64_t user_id = 0;
  domain::QuestionFacts question;

  static Audience of_post(const domain::PostFacts& p) { return {Kind::post, p, {}, 0, {}}; }
  static Audience of_reply(const domain::PostFacts& p, const domain::ReplyFacts& r) {
    return {Kind::reply, p, r, 0, {}};
  }
  static Audience of_user(std::int64_t id) { return {Kind::user, {}, {}, id, {}}; }
  static Audience of_question(const domain::QuestionFacts& q) {
    return {Kind::question, {}, {}, 0, q};
  }
};

// A change as a writer job reports it (the hub gives it its id once committed).
struct Change {
  Audience audience;
  std::string type;  // "post.published", "post.counts", ...
  nlohmann::json fields = nlohmann::json::object();
};

// The type of a Change that is never sent: the user's sessions ended (sign-out, a session
// ended from the sessions list, a password change, an admin disabling the account or changing
// its role), so their live sockets close with close_code::session_ended. Its fields say which:
// {"only": public session id} or {"except": public session id}; neither means every one.
inline constexpr const char* kSessionsEnded = "sessions.ended";

// A change with its id and its wire form {"type","id",...fields}.
struct Event {
  std::uint64_t id = 0;
  Audience audience;
  std::shared_ptr<const std::string> text;
};

// Where committed changes go (the hub in this process; a later deployment could feed it from
// the database instead).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void publish(std::vector<Change> changes) = 0;
};

}  // namespace greenroom::live
