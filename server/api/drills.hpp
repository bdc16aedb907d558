#pragma once
// Drills (rehearsal under pressure): a coach assigns one to an executive, the executive
// writes its practice post (POST /posts with "drill_id"), the coach replies there as a
// persona (POST /posts/{id}/replies with "persona_id"), and marks it complete.
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "api/services.hpp"
#include "domain/time.hpp"
#include "http/context.hpp"
#include "store/database.hpp"
#include "store/drill_repository.hpp"

namespace greenroom::api {

boost::asio::awaitable<http::Response> create_drill(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> list_drills(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> get_drill(Services& s, http::RequestContext& ctx);
boost::asio::awaitable<http::Response> complete_drill(Services& s, http::RequestContext& ctx);

nlohmann::json drill_json(const store::DrillRecord& d, domain::Millis now);

// The drill `user_id` may see by the one rule, or 404.
store::DrillRecord load_visible_drill(store::Connection& c, std::int64_t user_id,
                                      std::int64_t drill_id);

// Inside a write, for POST /posts with "drill_id": checks the author may write the drill's
// post (their own drill, not yet started, practice space) and throws otherwise.
void check_drill_post(store::Connection& c, std::int64_t author_id, std::int64_t drill_id,
                      domain::Space space);
// Inside the same write, once the post exists: links it, tells the coaches.
void start_drill(store::Connection& c, std::int64_t drill_id, std::int64_t post_id,
                 const std::string& author_name, const std::string& client);

// What a reply on `post_id` is in a drill, decided inside the reply's write job: a persona
// reply (the coach plays `persona_id`), the executive's practice answer, or neither.
struct DrillReply {
  std::optional<store::DrillRecord> drill;
  std::optional<store::PersonaRecord> persona;
  bool answer = false;  // the drill's executive answering on their drill post
};
DrillReply drill_reply(store::Connection& c, std::int64_t actor_id, std::int64_t post_id,
                       std::optional<std::int64_t> persona_id);
// After the reply is stored: the notices and the audit entry of a drill reply.
void announce_drill_reply(store::Connection& c, const DrillReply& dr, std::int64_t reply_id,
                          const std::string& actor_name, const std::string& text,
                          std::int64_t actor_id, const std::string& client);

}  // namespace greenroom::api
