#include "api/notification_settings.hpp"

#include <algorithm>

#include "api/async.hpp"
#include "api/audit.hpp"
#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "domain/errors.hpp"
#include "domain/social.hpp"
#include "http/responses.hpp"
#include "store/everyday_notice_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

// {"settings":{"reply":true,...}}: every everyday kind, on unless turned off.
nlohmann::json settings_json(store::Connection& c, std::int64_t user_id) {
  const auto off = store::EverydayNoticeRepository::opt_outs(c, user_id);
  nlohmann::json settings = nlohmann::json::object();
  for (auto kind : d::kEverydayKinds)
    settings[std::string(kind)] = std::find(off.begin(), off.end(), kind) == off.end();
  return {{"settings", std::move(settings)}};
}

}  // namespace

awaitable<http::Response> get_notification_settings(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto conn = s.reads.acquire();
  co_return http::json_response(http::Status::ok, settings_json(*conn, p.user.id));
}

awaitable<http::Response> put_notification_settings(Services& s, http::RequestContext& ctx) {
  auto p = authenticate(s, ctx);
  auto body = read_json_object(ctx, {"reply", "like", "mention", "new_follower", "new_article"});
  std::vector<std::pair<std::string, bool>> changes;
  for (const auto& [kind, value] : body.items()) {
    if (!value.is_boolean()) throw d::bad_request(kind + " must be true (on) or false (off).");
    changes.emplace_back(kind, value.get<bool>());
  }
  if (changes.empty())
    throw d::bad_request(
        "Send at least one of reply, like, mention, new_follower, new_article with true or "
        "false.");
  auto job = [uid = p.user.id, changes = std::move(changes),
              client = ctx.connection().client_ip](store::Connection& c) {
    const auto now = d::now_millis();
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [kind, on] : changes)
      if (store::EverydayNoticeRepository::set_enabled(c, uid, kind, on, now)) changed[kind] = on;
    if (!changed.empty())
      record_audit(c, client, uid, "notification_settings_changed", "user", uid, changed);
    return settings_json(c, uid);
  };
  co_return http::json_response(http::Status::ok, co_await write(s.writer, std::move(job)));
}

}  // namespace greenroom::api
