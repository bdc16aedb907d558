#pragma once
// The event hub: committed changes get increasing ids, wait in a bounded ring for clients
// that reconnect, and fan out to the connected subscribers, each of whom receives only what
// the one visibility rule lets them see. The subscriber list is copied under the lock and the
// events are handed over after it (each subscriber's own queue is bounded; see Subscriber).
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/time.hpp"
#include "live/event.hpp"

namespace greenroom::live {

class Subscriber;

struct HubOptions {
  std::size_t ring_size = 1024;   // recent events kept for reconnecting clients
  std::size_t max_unacked = 256;  // events sent but not acknowledged before a client is dropped
  double inbound_burst = 20;      // inbound messages allowed at once ...
  double inbound_per_second = 2;  // ... and refilled at this rate
  std::size_t max_per_user = 8;   // live connections one user may hold at once
};

// How the listener relates to the author (api::relation over a read connection).
using RelationLookup = std::function<domain::Relation(std::int64_t actor, std::int64_t author)>;

class Hub : public Sink {
 public:
  // Ids start at `first_id` (the start time in ms, so they keep growing across restarts).
  Hub(HubOptions opts, RelationLookup relation, std::uint64_t first_id);

  void publish(std::vector<Change> changes) override;

  // A subscriber for `actor` (attached when its socket opens); `last_id` is the last event
  // the client saw before reconnecting. nullptr when the user holds max_per_user subscribers
  // already: each one counts from here (before the upgrade) until it is destroyed.
  // `session_id` is the public id of the caller's session: a kSessionsEnded change for it
  // closes the socket, as does the first event after `session_expires_at` (0: never).
  std::shared_ptr<Subscriber> subscribe(const domain::Actor& actor,
                                        std::optional<std::uint64_t> last_id,
                                        std::string session_id = {},
                                        domain::Millis session_expires_at = 0);
  // How many subscribers `user_id` holds (counted as above).
  std::size_t held_by(std::int64_t user_id) const;

  // Whether `actor` may receive an event for `audience` (the rule, asked per listener).
  bool may_receive(const domain::Actor& actor, const Audience& audience) const;

  const HubOptions& options() const { return opts_; }
  std::size_t subscriber_count() const;

  // Called by Subscriber: registers it and returns the events it missed since `last_id`
  // (nullopt: too old, the client must reload), and the id of the newest event.
  struct Attached {
    std::optional<std::vector<Event>> missed;
    std::uint64_t newest = 0;
  };
  Attached attach(const std::shared_ptr<Subscriber>& s, std::optional<std::uint64_t> last_id);
  void detach(const Subscriber* s);
  // Called by ~Subscriber: gives the user's place back.
  void release(std::int64_t user_id);

 private:
  HubOptions opts_;
  RelationLookup relation_;
  mutable std::mutex mu_;
  std::uint64_t next_id_;
  std::deque<Event> ring_;
  std::vector<std::weak_ptr<Subscriber>> subscribers_;
  std::unordered_map<std::int64_t, std::size_t> held_;  // subscribers per user
};

}  // namespace greenroom::live
