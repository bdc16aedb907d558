// Sessions a person can see and end, password change, TOTP (RFC 6238) sign-in with replay
// protection and recovery codes, required enrolment by role, and re-authentication.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "harness.hpp"

namespace greenroom::test {
namespace {

// An independent RFC 6238 implementation for the tests (Base32 secret, HMAC-SHA1, 6 digits).
std::string base32_bytes(const std::string& text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == '=') break;
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const char* at = std::strchr(alphabet, ch);
    if (!at || ch == '\0') throw std::runtime_error("not base32: " + text);
    buffer = (buffer << 5) | static_cast<unsigned>(at - alphabet);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::int64_t current_step() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count() / 30;
}

std::string totp_at(const std::string& secret_base32, std::int64_t step) {
  const auto key = base32_bytes(secret_base32);
  unsigned char msg[8];
  for (int i = 7; i >= 0; --i, step >>= 8) msg[i] = static_cast<unsigned char>(step & 0xff);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), msg, sizeof msg, mac, &len);
  const int off = mac[len - 1] & 0xf;
  const unsigned bin =
      ((mac[off] & 0x7fu) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3];
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", bin % 1000000u);
  return buf;
}

HttpResponse login(std::uint16_t port, const nlohmann::json& body,
                   std::map<std::string, std::string> headers = {}) {
  headers["Content-Type"] = "application/json";
  return http_request(port, "POST", "/api/v1/auth/login", body.dump(), headers);
}

nlohmann::json creds(const std::string& user, const std::string& password = kPassword) {
  return {{"username", user}, {"password", password}};
}

constexpr int kReauthSeconds = 2;

class SessionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions opts;
    // Wrong codes count as failed sign-ins; this suite makes more than the default allows
    // (the limiter has its own tests).
    opts.config = {{"security",
                    {{"reauth_seconds", kReauthSeconds},
                     {"require_totp_for_roles", nlohmann::json::array({"moderator"})}}},
                   {"auth", {{"login_max_failures", 50}}}};
    server_ = std::make_unique<TestServer>(opts);
    for (auto name : {"ana", "bob", "cid", "dee", "eve", "tia", "ula"})
      server_->add_user(name, "member");
    for (auto name : {"root", "boss"}) server_->add_user(name, "admin");
    for (auto name : {"mod1", "mod2"}) server_->add_user(name, "moderator");
  }
  static void TearDownTestSuite() { server_.reset(); }
  static std::uint16_t port() { return server_->port(); }

  static nlohmann::json sessions_of(const Client& c) {
    auto r = c.get("/api/v1/me/sessions");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }

  // Turns TOTP on for the signed-in client; returns the secret, records the step used.
  static std::string enrol(const Client& c, std::int64_t& last_step,
                           nlohmann::json* recovery = nullptr) {
    auto start = c.post("/api/v1/me/totp", nullptr);
    EXPECT_EQ(start.status, 201) << start.body;
    auto secret = start.json()["secret"].get<std::string>();
    last_step = current_step();
    auto confirm = c.post("/api/v1/me/totp/confirm", {{"code", totp_at(secret, last_step)}});
    EXPECT_EQ(confirm.status, 200) << confirm.body;
    if (recovery) *recovery = confirm.json()["recovery_codes"];
    return secret;
  }

  static inline std::unique_ptr<TestServer> server_;
};

TEST_F(SessionsTest, ListsTheCallersSessionsWithTheCurrentOneMarkedAndNoSecrets) {
  auto phone = Client::sign_in(port(), creds("ana"), {{"User-Agent", "PhoneBrowser/1.0"}});
  auto laptop = Client::sign_in(port(), creds("ana"),
                                {{"User-Agent", "LaptopBrowser/2.0 " + std::string(400, 'x')}});
  auto other = Client::sign_in(port(), creds("bob"));
  auto items = sessions_of(laptop);
  ASSERT_EQ(items.size(), 2u) << items.dump();
  int current = 0;
  for (const auto& s : items) {
    const auto id = s["id"].get<std::string>();
    EXPECT_FALSE(id.empty());
    EXPECT_EQ(id.find(laptop.cookie()), std::string::npos);
    EXPECT_EQ(id.find(phone.cookie()), std::string::npos);
    EXPECT_EQ(s["client_address"], "127.0.0.1");
    EXPECT_TRUE(s["created_at"].is_string());
    EXPECT_TRUE(s["last_seen_at"].is_string());
    EXPECT_LE(s["user_agent"].get<std::string>().size(), 200u);
    if (s["current"].get<bool>()) {
      ++current;
      EXPECT_EQ(s["user_agent"].get<std::string>().rfind("LaptopBrowser/2.0 xxx", 0), 0u);
    } else {
      EXPECT_EQ(s["user_agent"], "PhoneBrowser/1.0");
    }
  }
  EXPECT_EQ(current, 1);
  // No token or hash appears anywhere in the answer.
  auto raw = laptop.get("/api/v1/me/sessions").body;
  EXPECT_EQ(raw.find(phone.cookie()), std::string::npos);
  EXPECT_EQ(raw.find("token"), std::string::npos);
  EXPECT_EQ(Client(port()).get("/api/v1/me/sessions").status, 401);
}

TEST_F(SessionsTest, EndsOneSessionThenAllButTheCurrent) {
  auto a = Client::sign_in(port(), creds("cid"));
  auto b = Client::sign_in(port(), creds("cid"));
  auto c = Client::sign_in(port(), creds("cid"));
  auto d = Client::sign_in(port(), creds("cid"));
  std::string id_of_b;
  for (const auto& s : sessions_of(b))
    if (s["current"].get<bool>()) id_of_b = s["id"];
  ASSERT_FALSE(id_of_b.empty());

  auto ended = a.del("/api/v1/me/sessions/" + id_of_b);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(b.get("/api/v1/me").status, 401);
  EXPECT_EQ(a.get("/api/v1/me").status, 200);
  EXPECT_EQ(a.del("/api/v1/me/sessions/" + id_of_b).status, 404);  // already ended
  EXPECT_EQ(sessions_of(a).size(), 3u);

  auto others = a.del("/api/v1/me/sessions");
  ASSERT_EQ(others.status, 200) << others.body;
  EXPECT_EQ(others.json()["ended"], 2);
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
  EXPECT_EQ(d.get("/api/v1/me").status, 401);
  EXPECT_EQ(a.get("/api/v1/me").status, 200);
  auto left = sessions_of(a);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_TRUE(left[0]["current"].get<bool>());
  // Without the CSRF token nothing is ended.
  auto e = Client::sign_in(port(), creds("cid"));
  auto forged = e.send("DELETE", "/api/v1/me/sessions", "", {}, /*with_csrf=*/false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(a.get("/api/v1/me").status, 200);
}

TEST_F(SessionsTest, AnotherUsersSessionIdIs404AndEndsNothing) {
  auto mine = Client::sign_in(port(), creds("dee"));
  auto theirs = Client::sign_in(port(), creds("bob"));
  std::string their_id = sessions_of(theirs)[0]["id"];
  auto r = mine.del("/api/v1/me/sessions/" + their_id);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_code(), "not_found");
  EXPECT_EQ(theirs.get("/api/v1/me").status, 200);
  EXPECT_EQ(mine.del("/api/v1/me/sessions/nosuchsession").status, 404);
  EXPECT_EQ(mine.del("/api/v1/me/sessions/" + std::string(65, 'a')).status, 404);
  EXPECT_EQ(mine.del("/api/v1/me/sessions/a.b").status, 404);
}

TEST_F(SessionsTest, ChangingThePasswordEndsEveryOtherSession) {
  auto here = Client::sign_in(port(), creds("ula"));
  auto elsewhere = Client::sign_in(port(), creds("ula"));
  const std::string next = "a-brand-new-passphrase";
  auto wrong = here.put("/api/v1/me/password",
                        {{"current_password", "not-my-password"}, {"new_password", next}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
  auto weak =
      here.put("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(elsewhere.get("/api/v1/me").status, 200);  // nothing changed yet

  auto ok =
      here.put("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", next}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["ended_sessions"], 1);
  EXPECT_EQ(elsewhere.get("/api/v1/me").status, 401);
  EXPECT_EQ(here.get("/api/v1/me").status, 200);
  EXPECT_EQ(login(port(), creds("ula")).status, 401);
  EXPECT_EQ(login(port(), creds("ula", next)).status, 200);
}

TEST_F(SessionsTest, TotpSignInRefusesAReplayedCodeAndSpendsRecoveryCodesOnce) {
  auto c = Client::sign_in(port(), creds("tia"));
  auto start = c.post("/api/v1/me/totp", nullptr);
  ASSERT_EQ(start.status, 201) << start.body;
  const auto secret = start.json()["secret"].get<std::string>();
  const auto uri = start.json()["otpauth_uri"].get<std::string>();
  EXPECT_EQ(uri.rfind("otpauth://totp/Greenroom:tia?secret=" + secret, 0), 0u) << uri;
  EXPECT_EQ(base32_bytes(secret).size(), 20u);
  // Not on until confirmed: sign-in still needs only the password.
  EXPECT_EQ(login(port(), creds("tia")).status, 200);

  auto bad = c.post("/api/v1/me/totp/confirm", {{"code", "000000"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "invalid_totp");
  std::int64_t step = current_step();
  const auto first_code = totp_at(secret, step);
  auto confirm = c.post("/api/v1/me/totp/confirm", {{"code", first_code}});
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  auto recovery = confirm.json()["recovery_codes"];
  ASSERT_EQ(recovery.size(), 10u);
  EXPECT_EQ(c.post("/api/v1/me/totp", nullptr).error_code(), "totp_already_enabled");
  EXPECT_EQ(c.get("/api/v1/me").json()["security"]["totp_enabled"], true);

  auto missing = login(port(), creds("tia"));
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.error_code(), "totp_required");
  EXPECT_TRUE(missing.header("set-cookie").empty());
  auto wrong_password = login(port(), {{"username", "tia"},
                                       {"password", "nope-nope-nope"},
                                       {"totp_code", totp_at(secret, step + 1)}});
  EXPECT_EQ(wrong_password.error_code(), "invalid_credentials");

  auto body = creds("tia");
  body["totp_code"] = first_code;  // already used to confirm
  auto replay = login(port(), body);
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(replay.error_code(), "invalid_totp");
  EXPECT_TRUE(replay.header("set-cookie").empty());

  body["totp_code"] = totp_at(secret, step + 1);
  auto good = login(port(), body);
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(login(port(), body).error_code(), "invalid_totp");  // the same code twice

  auto with_recovery = creds("tia");
  with_recovery["recovery_code"] = recovery[3];
  EXPECT_EQ(login(port(), with_recovery).status, 200);
  EXPECT_EQ(login(port(), with_recovery).error_code(), "invalid_totp");  // spent
  with_recovery["recovery_code"] = "abcde-fghij";
  EXPECT_EQ(login(port(), with_recovery).error_code(), "invalid_totp");
  EXPECT_EQ(c.get("/api/v1/me/totp").json()["recovery_codes_left"], 9);

  // Turning it off needs the password and a code.
  auto no_password =
      c.send("DELETE", "/api/v1/me/totp",
             nlohmann::json{{"password", "wrong-password"}, {"code", recovery[4]}}.dump(), {});
  EXPECT_EQ(no_password.status, 401);
  EXPECT_EQ(no_password.error_code(), "invalid_credentials");
  auto off = c.send("DELETE", "/api/v1/me/totp",
                    nlohmann::json{{"password", kPassword}, {"code", recovery[4]}}.dump(), {});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(login(port(), creds("tia")).status, 200);
}

TEST_F(SessionsTest, ARequiredRoleWithoutTotpMayOnlyEnrol) {
  auto mod = Client::sign_in(port(), creds("mod1"));
  auto blocked = mod.get("/api/v1/feed");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.error_code(), "totp_enrolment_required");
  EXPECT_EQ(mod.get("/api/v1/me/sessions").error_code(), "totp_enrolment_required");
  auto me = mod.get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["security"]["totp_required"], true);
  EXPECT_EQ(me.json()["security"]["totp_enabled"], false);
  // Re-authentication stays open: starting the enrolment may ask for it.
  EXPECT_EQ(mod.post("/api/v1/auth/reauth", {{"password", kPassword}}).status, 200);
  // A member is not concerned.
  EXPECT_EQ(Client::sign_in(port(), creds("bob")).get("/api/v1/feed").status, 200);

  std::int64_t step = 0;
  auto secret = enrol(mod, step);
  EXPECT_EQ(mod.get("/api/v1/feed").status, 200);
  auto again = login(port(), creds("mod1"));
  EXPECT_EQ(again.error_code(), "totp_required");
  auto with_code = creds("mod1");
  with_code["totp_code"] = totp_at(secret, step + 1);
  auto signed_in = Client::sign_in(port(), with_code);
  EXPECT_EQ(signed_in.get("/api/v1/feed").status, 200);
  EXPECT_EQ(mod.post("/api/v1/auth/logout", nullptr).status, 200);
}

TEST_F(SessionsTest, RoleChangesAndPolicyEditsAskForThePasswordAgainAfterTheWindow) {
  auto admin = Client::sign_in(port(), creds("root"));
  auto target = Client::sign_in(port(), creds("eve"));
  const auto path = "/api/v1/users/" + std::to_string(target.id());
  // Fresh from sign-in: allowed (display names never ask).
  std::this_thread::sleep_for(std::chrono::milliseconds(kReauthSeconds * 1000 + 600));
  auto stale = admin.send("PATCH", path, nlohmann::json{{"role", "coach"}}.dump(), {});
  EXPECT_EQ(stale.status, 401);
  EXPECT_EQ(stale.error_code(), "reauth_required");
  EXPECT_EQ(admin.get("/api/v1/users").status, 200);  // still signed in, role unchanged
  EXPECT_EQ(target.get("/api/v1/me").json()["user"]["role"], "member");
  EXPECT_EQ(admin.send("PATCH", path, nlohmann::json{{"display_name", "Bob B"}}.dump(), {}).status,
            200);
  auto policy = admin.put("/api/v1/policy", {{"policy", {{"rules", nlohmann::json::array()}}}});
  EXPECT_EQ(policy.error_code(), "reauth_required");

  auto wrong = admin.post("/api/v1/auth/reauth", {{"password", "not-the-password"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
  EXPECT_EQ(admin.post("/api/v1/auth/reauth", {{"totp_code", "123456"}}).status, 400);  // no TOTP
  auto ok = admin.post("/api/v1/auth/reauth", {{"password", kPassword}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto changed = admin.send("PATCH", path, nlohmann::json{{"role", "coach"}}.dump(), {});
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["user"]["role"], "coach");
}

TEST_F(SessionsTest, ReauthenticationAcceptsATotpCodeOnce) {
  auto admin = Client::sign_in(port(), creds("boss"));
  std::int64_t step = 0;
  auto secret = enrol(admin, step);
  std::this_thread::sleep_for(std::chrono::milliseconds(kReauthSeconds * 1000 + 600));
  auto policy = admin.put("/api/v1/policy", {{"policy", nlohmann::json::object()}});
  EXPECT_EQ(policy.error_code(), "reauth_required");
  EXPECT_EQ(admin.post("/api/v1/auth/reauth", {{"totp_code", totp_at(secret, step)}}).error_code(),
            "invalid_totp");  // the step used to enrol
  auto ok = admin.post("/api/v1/auth/reauth", {{"totp_code", totp_at(secret, step + 1)}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  // Past the re-authentication, the edit is judged on its content.
  EXPECT_EQ(admin.put("/api/v1/policy", {{"policy", nlohmann::json::object()}}).status, 400);
}

}  // namespace
}  // namespace greenroom::test
