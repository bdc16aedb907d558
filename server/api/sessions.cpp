#include "api/sessions.hpp"

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/live_events.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/session_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;

std::string clean_user_agent(std::string_view agent) {
  std::string out;
  for (unsigned char ch : agent)
    if (ch >= 0x20 && ch != 0x7f) out += static_cast<char>(ch);
  if (out.size() <= kUserAgentBytes) return out;
  std::size_t cut = kUserAgentBytes;
  // Step back over continuation bytes (10xxxxxx) to the start of a character.
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

awaitable<http::Response> list_sessions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  auto items = nlohmann::json::array();
  for (const auto& session :
       store::SessionRepository::list_for_user(*conn, p.user.id, domain::now_millis())) {
    items.push_back({{"id", session.public_id},
                     {"user_agent", session.user_agent},
                     {"client_address", session.client_ip},
                     {"created_at", domain::format_rfc3339(session.created_at)},
                     {"last_seen_at", domain::format_rfc3339(session.last_seen_at)},
                     {"current", session.public_id == p.session_id}});
  }
  co_return http::json_response(http::Status::ok, {{"items", std::move(items)}, {"next", nullptr}});
}

awaitable<http::Response> end_session(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto id = ctx.params()["id"];
  if (id.empty() || id.size() > 64) throw domain::not_found("Session " + id.substr(0, 64));
  auto job = [uid = p.user.id, id, client = ctx.connection().client_ip](store::Connection& c) {
    if (!store::SessionRepository::remove_by_public_id(c, uid, id))
      throw domain::not_found("That session");
    live_events::sessions_ended(uid, id);
    record_audit(c, client, uid, "session_ended", "user", uid);
  };
  co_await write(s.writer, std::move(job));
  auto res = http::json_response(http::Status::ok, {{"ended", 1}, {"current", id == p.session_id}});
  co_return res;
}

awaitable<http::Response> end_other_sessions(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto job = [uid = p.user.id, keep = p.token_hash, sid = p.session_id,
              client = ctx.connection().client_ip](store::Connection& c) {
    int ended = store::SessionRepository::remove_others(c, uid, keep);
    live_events::sessions_ended(uid, std::nullopt, sid);
    record_audit(c, client, uid, "sessions_ended", "user", uid, {{"ended", ended}});
    return ended;
  };
  auto ended = co_await write(s.writer, std::move(job));
  co_return http::json_response(http::Status::ok, {{"ended", ended}});
}

}  // namespace greenroom::api
