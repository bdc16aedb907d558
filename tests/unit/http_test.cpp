// HTTP pieces without a socket: routing, query and cookie parsing, error mapping, config.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/config.hpp"
#include "http/dispatcher.hpp"
#include "http/responses.hpp"
#include "http/router.hpp"

namespace greenroom::http {
namespace {

RequestContext make(Verb v, const std::string& target,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request req{v, target, 11};
  for (auto& [k, val] : headers) req.insert(k, val);
  return RequestContext(std::move(req), ConnectionInfo{"127.0.0.1", true, false, "127.0.0.1"});
}

boost::asio::awaitable<Response> ok(RequestContext&) {
  co_return json_response(Status::ok, {{"ok", true}});
}

TEST(Router, MatchesPatternsWithIntegerParameters) {
  Router r;
  r.add(Verb::get, "/api/v1/posts/{id}", ok);
  r.add(Verb::put, "/api/v1/posts/{id}/like", ok);
  auto ctx = make(Verb::get, "/api/v1/posts/42?x=1");
  auto m = r.match(ctx);
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(ctx.id_param(), 42);
  EXPECT_EQ(m.route_name, "/api/v1/posts/{id}");
  for (auto bad : {"/api/v1/posts/abc", "/api/v1/posts/0", "/api/v1/posts/-1", "/api/v1/posts/",
                   "/api/v1/posts/1/", "/api/v1/posts/1/2", "/api/v1/posts/99999999999999999999"}) {
    auto c = make(Verb::get, bad);
    EXPECT_FALSE(r.match(c).handler) << bad;
  }
  auto wrong_method = make(Verb::post, "/api/v1/posts/1/like");
  auto m2 = r.match(wrong_method);
  EXPECT_FALSE(m2.handler);
  EXPECT_EQ(m2.allow, "PUT");
}

TEST(Context, QueryAndCookies) {
  auto ctx = make(Verb::get, "/x?space=company&q=a%20b+c&empty=&bad=%zz",
                  {{"Cookie", "a=1; gr_session=tok; b=2"}});
  EXPECT_EQ(ctx.query("space"), "company");
  EXPECT_EQ(ctx.query("q"), "a b c");
  EXPECT_EQ(ctx.query("empty"), "");
  EXPECT_FALSE(ctx.query("missing"));
  EXPECT_NE(ctx.query("bad"), "%zz");
  EXPECT_EQ(ctx.cookie("gr_session"), "tok");
  EXPECT_FALSE(ctx.cookie("gr"));
}

TEST(Errors, EveryKindHasItsStatusAndTheOneShape) {
  auto res =
      error_response(domain::Error(domain::ErrorKind::conflict, "illegal_transition", "Nope."));
  EXPECT_EQ(res.result(), Status::conflict);
  auto j = nlohmann::json::parse(res.body());
  EXPECT_EQ(j["error"]["code"], "illegal_transition");
  EXPECT_EQ(j["error"]["message"], "Nope.");
  EXPECT_EQ(status_of(domain::ErrorKind::unprocessable), Status::unprocessable_entity);
  EXPECT_EQ(status_of(domain::ErrorKind::rate_limited), Status::too_many_requests);
}

TEST(Dispatcher, AThrowingHandlerBecomesA500WithoutDetails) {
  Router r;
  r.add(Verb::get, "/boom", [](RequestContext&) -> boost::asio::awaitable<Response> {
    throw std::runtime_error("secret internals");
    co_return Response{};
  });
  StaticFiles none("");
  Metrics metrics;
  Dispatcher d(r, none, metrics);
  boost::asio::io_context ioc;
  Request req{Verb::get, "/boom", 11};
  auto fut = boost::asio::co_spawn(ioc, d.handle(std::move(req), ConnectionInfo{}),
                                   boost::asio::use_future);
  ioc.run();
  auto res = fut.get();
  EXPECT_EQ(res.result(), Status::internal_server_error);
  EXPECT_EQ(res.body().find("secret"), std::string::npos);
  EXPECT_NE(res.body().find("\"internal\""), std::string::npos);
}

TEST(Config, TheShippedFileParsesAndUnknownKeysAreRefused) {
  auto c = app::load_config_file(std::string(GREENROOM_SOURCE_DIR) + "/config/greenroom.json");
  EXPECT_EQ(c.port, 8443);
  EXPECT_FALSE(c.plain_http);
  EXPECT_EQ(c.argon2_memory_kib, 19456u);
  app::Config x;
  EXPECT_THROW(app::apply_config(x, nlohmann::json{{"listen", {{"prot", 1}}}}), app::ConfigError);
  EXPECT_THROW(app::apply_config(x, nlohmann::json{{"listen", {{"port", "80"}}}}),
               app::ConfigError);
  EXPECT_THROW(app::apply_config(x, nlohmann::json{{"listen", {{"port", 70000}}}}),
               app::ConfigError);
  EXPECT_THROW(app::apply_config(x, nlohmann::json{{"log", {{"requests", 1}}}}), app::ConfigError);
  app::apply_config(x, nlohmann::json{{"limits", {{"body_bytes", 2048}}}});
  EXPECT_EQ(x.body_bytes, 2048u);
}

}  // namespace
}  // namespace greenroom::http

#include "api/blog_views.hpp"
#include "api/views.hpp"
#include "domain/time.hpp"
#include "http/json_text.hpp"

namespace greenroom::api {
namespace {

TEST(FastJson, PostTextMatchesTheJsonObjectExactly) {
  store::PostRecord p;
  p.id = 42;
  p.author = {7, "ava", "Ava \"The Boss\" Chen \\ \xC3\xA9"};
  p.body = "Line one\nline\ttwo \x01 \xF0\x9F\x9A\x80 </script> \u2028";
  p.space = domain::Space::practice;
  p.state = domain::PostState::published;
  p.version = 3;
  p.created_at = 1732460478123;
  p.updated_at = 1732460478999;
  p.published_at = std::nullopt;
  p.reply_count = 5;
  p.like_count = 0;
  p.liked_by_me = true;
  std::string out;
  append_post_json(out, p);
  EXPECT_EQ(nlohmann::json::parse(out), post_json(p)) << out;
  p.published_at = 0;
  out.clear();
  append_post_json(out, p);
  EXPECT_EQ(nlohmann::json::parse(out), post_json(p));
}

TEST(FastJson, QuestionTextMatchesTheJsonObjectExactly) {
  store::QuestionRecord q;
  q.id = 9;
  q.blog_id = 2;
  q.host_id = 5;
  q.asker = {7, "ava", "Ava \"Q\" \xC3\xA9"};
  q.body = "Why?\n\t</script> \x01";
  q.topic = "pay";
  q.vote_count = 4;
  q.voted_by_me = true;
  q.created_at = 1732460478123;
  q.asked_at = 1732460478123;
  const domain::Actor host{5, domain::Role::executive, domain::Level::run};
  const domain::Actor asker{7, domain::Role::member, std::nullopt};
  for (bool anonymous : {false, true})
    for (auto state : {domain::QuestionState::open, domain::QuestionState::answered,
                       domain::QuestionState::declined})
      for (const auto& viewer : {host, asker}) {
        q.anonymous = anonymous;
        q.state = state;
        q.answer.reset();
        q.decline_reason.reset();
        q.closed_at.reset();
        if (state == domain::QuestionState::answered) {
          q.closed_at = 1732460479000;
          q.answer = store::AnswerRecord{"**Yes**", std::nullopt, 2, 1732460479000, 1732460480000};
        }
        if (state == domain::QuestionState::declined) q.decline_reason = "Not here.";
        std::string out;
        // "overdue" is decided at `now`: the DOM uses the clock, so both use a time long after.
        append_question_json(out, q, viewer, 7, domain::now_millis());
        EXPECT_EQ(nlohmann::json::parse(out), question_json(q, viewer, 7)) << out;
        if (q.answer) {
          q.answer->html = "<p><strong>Yes</strong></p>\n";
          out.clear();
          append_question_json(out, q, viewer, 7, domain::now_millis());
          EXPECT_EQ(nlohmann::json::parse(out), question_json(q, viewer, 7)) << out;
        }
      }
}

TEST(FastTime, MatchesTheCalendar) {
  EXPECT_EQ(domain::format_rfc3339(951782400000), "2000-02-29T00:00:00.000Z");  // leap day
  EXPECT_EQ(domain::format_rfc3339(4107542399999), "2100-02-28T23:59:59.999Z");
  EXPECT_EQ(domain::format_rfc3339(-1), "1969-12-31T23:59:59.999Z");
  for (domain::Millis t = 0; t < 4102444800000; t += 86399987LL * 37) {
    std::time_t secs = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    ASSERT_EQ(domain::format_rfc3339(t).substr(0, 19), buf) << t;
  }
}

}  // namespace
}  // namespace greenroom::api

namespace greenroom::http {
namespace {
// Found by tests/fuzz/query_cursor_fuzz: std::from_chars took a sign, so "%-1" decoded to 0xFF.
TEST(Context, UrlDecodeWantsExactlyTwoHexDigits) {
  EXPECT_EQ(url_decode("a%41%6a+b"), std::optional<std::string>("aAj b"));
  for (auto bad : {"%-1", "%-0", "%+1", "% 1", "%4", "%", "%zz", "%4g"})
    EXPECT_FALSE(url_decode(bad).has_value()) << bad;
}
}  // namespace
}  // namespace greenroom::http
