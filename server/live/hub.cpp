#include "live/hub.hpp"

#include <algorithm>

#include "domain/permissions.hpp"
#include "live/subscriber.hpp"

namespace greenroom::live {

namespace d = greenroom::domain;

Hub::Hub(HubOptions opts, RelationLookup relation, std::uint64_t first_id)
    : opts_(opts), relation_(std::move(relation)), next_id_(std::max<std::uint64_t>(first_id, 1)) {}

namespace {
// Whether a kSessionsEnded change closes `s`.
bool ends(const Change& c, const Subscriber& s) {
  if (c.audience.user_id != s.user_id()) return false;
  if (auto it = c.fields.find("only"); it != c.fields.end())
    return it->is_string() && it->get<std::string>() == s.session_id();
  if (auto it = c.fields.find("except"); it != c.fields.end())
    return !it->is_string() || it->get<std::string>() != s.session_id();
  return true;
}
}  // namespace

void Hub::publish(std::vector<Change> changes) {
  if (changes.empty()) return;
  std::vector<Event> events;
  std::vector<Change> endings;
  std::vector<std::shared_ptr<Subscriber>> listeners;
  {
    std::lock_guard lock(mu_);
    for (auto& c : changes) {
      if (c.type == kSessionsEnded) {  // never sent: it closes sockets
        endings.push_back(std::move(c));
        continue;
      }
      Event e;
      e.id = next_id_++;
      e.audience = c.audience;
      auto j = std::move(c.fields);
      j["type"] = c.type;
      j["id"] = e.id;
      e.text = std::make_shared<const std::string>(j.dump());
      ring_.push_back(e);
      if (ring_.size() > opts_.ring_size) ring_.pop_front();
      events.push_back(std::move(e));
    }
    listeners.reserve(subscribers_.size());
    for (const auto& w : subscribers_)
      if (auto s = w.lock()) listeners.push_back(std::move(s));
  }
  for (const auto& s : listeners) {
    for (const auto& end : endings)
      if (ends(end, *s)) s->end_session();
    for (const auto& e : events) s->deliver(e);
  }
}

std::shared_ptr<Subscriber> Hub::subscribe(const d::Actor& actor,
                                           std::optional<std::uint64_t> last_id,
                                           std::string session_id, d::Millis session_expires_at) {
  {
    std::lock_guard lock(mu_);
    auto& held = held_[actor.id];
    if (held >= opts_.max_per_user) return nullptr;
    ++held;
  }
  return std::make_shared<Subscriber>(*this, actor, last_id, std::move(session_id),
                                      session_expires_at);
}

std::size_t Hub::held_by(std::int64_t user_id) const {
  std::lock_guard lock(mu_);
  auto it = held_.find(user_id);
  return it == held_.end() ? 0 : it->second;
}

void Hub::release(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  auto it = held_.find(user_id);
  if (it == held_.end()) return;
  if (--it->second == 0) held_.erase(it);
}

bool Hub::may_receive(const d::Actor& actor, const Audience& a) const {
  switch (a.kind) {
    case Audience::Kind::user:
      return a.user_id == actor.id;
    case Audience::Kind::question:
      return d::can_view_question(actor, a.question);
    case Audience::Kind::post:
    case Audience::Kind::reply:
      break;
  }
  // The rule only ever widens with the relation, so it is looked up only when needed: when
  // the widest relation (every tie at once) would let the actor see what none does not.
  constexpr d::Relation kWidest{
      .coaches_author = true, .shares_coach = true, .mentors_author = true};
  auto post_rel = d::Relation{};
  bool post_ok = d::can_view_post(actor, a.post, post_rel);
  if (!post_ok && d::can_view_post(actor, a.post, kWidest)) {
    post_rel = relation_(actor.id, a.post.author_id);
    post_ok = d::can_view_post(actor, a.post, post_rel);
  }
  if (!post_ok || a.kind == Audience::Kind::post) return post_ok;
  if (d::can_view_reply(actor, a.reply, {})) return true;
  if (!d::can_view_reply(actor, a.reply, kWidest)) return false;
  return d::can_view_reply(actor, a.reply, relation_(actor.id, d::reply_relation_subject(a.reply)));
}

std::size_t Hub::subscriber_count() const {
  std::lock_guard lock(mu_);
  return subscribers_.size();
}

Hub::Attached Hub::attach(const std::shared_ptr<Subscriber>& s,
                          std::optional<std::uint64_t> last_id) {
  std::lock_guard lock(mu_);
  subscribers_.push_back(s);
  Attached out;
  out.newest = next_id_ - 1;
  if (!last_id) {
    out.missed.emplace();
    return out;
  }
  const auto oldest = ring_.empty() ? next_id_ : ring_.front().id;
  if (*last_id > out.newest || *last_id + 1 < oldest) return out;  // unknown or too old
  out.missed.emplace();
  for (const auto& e : ring_)
    if (e.id > *last_id) out.missed->push_back(e);
  return out;
}

void Hub::detach(const Subscriber* s) {
  std::lock_guard lock(mu_);
  std::erase_if(subscribers_, [s](const std::weak_ptr<Subscriber>& w) {
    auto p = w.lock();
    return !p || p.get() == s;
  });
}

}  // namespace greenroom::live
