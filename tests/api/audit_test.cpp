// The audit trail against the real server: filters and paging, the streamed export, the
// append-only triggers, and `greenroom audit verify` finding a row changed behind its back.
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "moderation_fixture.hpp"

namespace greenroom::test {
namespace {

class AuditTest : public ModerationApiTest {};

std::string sqlite_error(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_busy_timeout(h, 5000);
  char* err = nullptr;
  sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string out = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  return out;
}

// Runs the sqlite3 shell on `db` with `sql` on stdin; returns its exit status.
int sqlite3_shell(const std::string& db, const std::string& sql) {
  const auto script = db + ".sql";
  std::ofstream(script) << sql;
  return std::system(("sqlite3 '" + db + "' < '" + script + "' > /dev/null 2>&1").c_str());
}

long rss_kib(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

TEST_F(AuditTest, EntriesCarryWhoWhatWhereAndFilterNewestFirst) {
  auto max = as("max"), mo = as("mo");
  auto post = make_post(max, "An audited post.");
  auto created = audit_of("post", id_of(post));
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0]["action"], "post_created");
  EXPECT_EQ(created[0]["actor"]["username"], "max");
  EXPECT_EQ(created[0]["client"], "127.0.0.1");
  EXPECT_EQ(created[0]["detail"]["space"], "company");
  EXPECT_EQ(created[0]["hash"].get<std::string>().size(), 64u);

  // Failed sign-ins are there too.
  Client(port()).send("POST", "/api/v1/auth/login",
                      R"({"username":"max","password":"wrong-password-here"})",
                      {{"Content-Type", "application/json"}}, false);
  auto failed = mo.get("/api/v1/audit?action=login_failed&limit=5").json()["items"];
  ASSERT_FALSE(failed.empty());
  EXPECT_EQ(failed[0]["detail"]["username"], "max");

  // Filter by actor (name or id), newest first, keyset paging without repeats.
  auto by_max = mo.get("/api/v1/audit?actor=max&limit=200").json()["items"];
  ASSERT_FALSE(by_max.empty());
  for (const auto& e : by_max) EXPECT_EQ(e["actor"]["username"], "max");
  for (std::size_t i = 1; i < by_max.size(); ++i) EXPECT_GT(by_max[i - 1]["id"], by_max[i]["id"]);
  auto by_id = mo.get("/api/v1/audit?limit=200&actor=" + std::to_string(max.id())).json()["items"];
  EXPECT_EQ(by_id.size(), by_max.size());
  EXPECT_TRUE(mo.get("/api/v1/audit?actor=nobody-at-all").json()["items"].empty());

  std::vector<long long> paged;
  std::string cursor;
  for (int guard = 0; guard < 500; ++guard) {
    auto page =
        mo.get("/api/v1/audit?actor=max&limit=2" + (cursor.empty() ? "" : "&before=" + cursor))
            .json();
    for (const auto& e : page["items"]) paged.push_back(e["id"]);
    if (page["next"].is_null()) break;
    cursor = page["next"];
  }
  ASSERT_EQ(paged.size(), by_max.size());
  for (std::size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i], by_max[i]["id"]);

  // Time window.
  EXPECT_TRUE(mo.get("/api/v1/audit?until=2000-01-01T00:00:00Z").json()["items"].empty());
  EXPECT_FALSE(mo.get("/api/v1/audit?since=2000-01-01T00:00:00Z").json()["items"].empty());
  EXPECT_EQ(mo.get("/api/v1/audit?since=yesterday").status, 400);
  EXPECT_EQ(mo.get("/api/v1/audit?target_id=abc").status, 400);
  EXPECT_EQ(mo.get("/api/v1/audit?action=DROP%20TABLE").status, 400);
  EXPECT_EQ(mo.get("/api/v1/audit?before=zzz").status, 400);
}

// The leader publishes (issue 16): scheduling, publishing, corrections and a policy rollback
// each write their one entry, with the caller's address.
TEST_F(AuditTest, PublishingStepsEachWriteOneEntry) {
  auto evan = as("evan"), cora = as("cora"), rui = as("rui"), ada = as("ada");
  const nlohmann::json rubric = {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}};
  auto post =
      make_post(evan, "A post the leader schedules, publishes and corrects.", "company", "submit");
  ASSERT_EQ(cora.post(path_of(post, "/reviews"),
                      {{"verdict", "approve"}, {"rubric", rubric}, {"version", 1}})
                .status,
            201);
  const auto in_an_hour = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                               std::chrono::hours(1));
  std::tm tm{};
  gmtime_r(&in_an_hour, &tm);
  char at[32];
  std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
  auto scheduled = evan.post(path_of(post, "/schedule"), {{"at", at}});
  ASSERT_EQ(scheduled.status, 200) << scheduled.body;
  ASSERT_EQ(evan.send("DELETE", path_of(post, "/schedule"), "", {}).status, 200);
  ASSERT_EQ(evan.post(path_of(post, "/publish"), nullptr).status, 200);
  auto corrected = evan.post(path_of(post, "/correction"),
                             {{"body", "A post the leader scheduled, published and corrected."}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  ASSERT_EQ(cora.post(path_of(post, "/reviews"),
                      {{"verdict", "approve"}, {"rubric", rubric}, {"version", 2}})
                .status,
            201);
  ASSERT_EQ(evan.post(path_of(post, "/correction/publish"), nullptr).status, 200);
  ASSERT_EQ(
      evan.post(path_of(post, "/correction"), {{"body", "One more change, then not."}}).status,
      200);
  ASSERT_EQ(evan.send("DELETE", path_of(post, "/correction"), "", {}).status, 200);
  std::vector<std::string> actions;
  for (const auto& e : audit_of("post", id_of(post))) {
    actions.push_back(e["action"]);
    EXPECT_EQ(e["client"], "127.0.0.1");
  }
  const std::vector<std::string> expected{
      "correction_discarded", "correction_submitted", "correction_published",
      "review_approve",       "correction_submitted", "post_published",
      "post_unscheduled",     "post_scheduled",       "review_approve"};
  ASSERT_GE(actions.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(actions.begin(), actions.begin() + expected.size()), expected);

  // At Run a correction changes the live text at once.
  auto live = make_post(rui, "Run publishes and corrects directly.");
  ASSERT_EQ(
      rui.post(path_of(live, "/correction"), {{"body", "Run corrects directly, edited."}}).status,
      200);
  auto direct = audit_of("post", id_of(live));
  ASSERT_FALSE(direct.empty());
  EXPECT_EQ(direct[0]["action"], "post_corrected");
  EXPECT_EQ(direct[0]["actor"]["username"], "rui");

  // A policy rollback is audited like an edit.
  auto versions = ada.get("/api/v1/policy/versions").json()["items"];
  ASSERT_FALSE(versions.empty());
  const auto oldest = versions.back()["version"].get<long long>();
  auto rolled =
      ada.post("/api/v1/policy/versions/" + std::to_string(oldest) + "/rollback", nullptr);
  ASSERT_EQ(rolled.status, 200) << rolled.body;
  auto policy = audit_of("policy", rolled.json()["version"].get<long long>());
  ASSERT_EQ(policy.size(), 1u);
  EXPECT_EQ(policy[0]["action"], "policy_rolled_back");
  EXPECT_EQ(policy[0]["actor"]["username"], "ada");
}

TEST_F(AuditTest, CoachingStepsEachWriteOneEntry) {
  auto evan = as("evan"), cora = as("cora");
  auto post = make_post(evan, "A draft to take through review.", "company", "draft");
  ASSERT_EQ(evan.post(path_of(post, "/submit"), nullptr).status, 200);
  ASSERT_EQ(evan.post(path_of(post, "/withdraw"), nullptr).status, 200);
  ASSERT_EQ(evan.post(path_of(post, "/submit"), nullptr).status, 200);
  const nlohmann::json rubric = {{"clarity", 3}, {"tone", 3}, {"audience_fit", 3}, {"policy", 3}};
  auto review = cora.post(path_of(post, "/reviews"), {{"verdict", "changes_requested"},
                                                      {"comment", "Tighten the opening."},
                                                      {"version", post["version"]},
                                                      {"rubric", rubric}});
  ASSERT_EQ(review.status, 201) << review.body;
  std::vector<std::string> actions;
  for (const auto& e : audit_of("post", id_of(post))) actions.push_back(e["action"]);
  const std::vector<std::string> expected{"review_changes_requested", "post_submitted",
                                          "post_withdrawn", "post_submitted", "post_created"};
  EXPECT_EQ(actions, expected);
}

TEST_F(AuditTest, ExportIsAdminOnlyNdjsonOldestFirstAndStreamed) {
  auto ada = as("ada");
  make_post(as("max"), "Something to export.");
  auto r = ada.get("/api/v1/audit/export");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/x-ndjson");
  EXPECT_EQ(r.header("transfer-encoding"), "chunked");
  EXPECT_TRUE(r.header("content-length").empty());
  std::istringstream lines(r.body);
  std::string line;
  long long last = 0, count = 0;
  while (std::getline(lines, line)) {
    auto e = nlohmann::json::parse(line);
    EXPECT_GT(e["id"].get<long long>(), last);
    last = e["id"];
    ++count;
  }
  EXPECT_GT(count, 5);
  auto window = ada.get("/api/v1/audit/export?until=2000-01-01T00:00:00Z");
  EXPECT_EQ(window.status, 200);
  EXPECT_TRUE(window.body.empty());
  EXPECT_EQ(ada.get("/api/v1/audit/export?since=soon").status, 400);
}

TEST_F(AuditTest, TriggersRefuseUpdateAndDelete) {
  make_post(as("max"), "Cannot be erased from the record.");
  const auto db = server().data_dir() + "/greenroom.db";
  EXPECT_NE(
      sqlite_error(db, "UPDATE audit_log SET action = 'nothing' WHERE id = 1").find("append-only"),
      std::string::npos);
  EXPECT_NE(sqlite_error(db, "DELETE FROM audit_log WHERE id = 1").find("append-only"),
            std::string::npos);
  EXPECT_NE(sqlite_error(db, "DELETE FROM audit_log").find("append-only"), std::string::npos);
  auto verify = server().cli({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(AuditVerify, PassesWhenIntactAndNamesTheFirstEntryChangedBehindTheServersBack) {
  TestServer server;
  server.add_user("ada", "admin");
  server.add_user("mia", "member");
  Client mia(server.port(), "mia");
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(
        mia.post("/api/v1/posts", {{"body", "Post " + std::to_string(i)}, {"space", "company"}})
            .status,
        201);
  auto ok = server.cli({"audit", "verify"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("intact"), std::string::npos);

  const auto db = server.data_dir() + "/greenroom.db";
  ASSERT_EQ(sqlite3_shell(db,
                          "DROP TRIGGER audit_log_no_update;\n"
                          "UPDATE audit_log SET detail = '{\"space\":\"practice\"}' "
                          "WHERE id = (SELECT MIN(id) FROM audit_log WHERE action = "
                          "'post_created') + 2;\n"),
            0);
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(h, "SELECT MIN(id) + 2 FROM audit_log WHERE action = 'post_created'", -1, &q,
                     nullptr);
  sqlite3_step(q);
  const auto changed = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  sqlite3_close(h);

  auto broken = server.cli({"audit", "verify"});
  EXPECT_NE(broken.exit_code, 0);
  EXPECT_NE(broken.err.find("entry " + std::to_string(changed) + ":"), std::string::npos)
      << broken.err;

  // A deleted entry is found too: the one after it no longer follows its predecessor.
  TestServer other;
  other.add_user("mia", "member");
  Client mia2(other.port(), "mia");
  for (int i = 0; i < 4; ++i)
    mia2.post("/api/v1/posts", {{"body", "Other " + std::to_string(i)}, {"space", "company"}});
  const auto db2 = other.data_dir() + "/greenroom.db";
  ASSERT_EQ(sqlite3_shell(db2,
                          "DROP TRIGGER audit_log_no_delete;\n"
                          "DELETE FROM audit_log WHERE id = 2;\n"),
            0);
  auto gap = other.cli({"audit", "verify"});
  EXPECT_NE(gap.exit_code, 0);
  EXPECT_NE(gap.err.find("entry 3:"), std::string::npos) << gap.err;
}

TEST(AuditExport, AMillionEntriesStreamInLittleMemory) {
  TestServer server;
  server.add_user("ada", "admin");
  Client ada(server.port(), "ada");
  const auto db = server.data_dir() + "/greenroom.db";
  // Bulk rows straight into the table (the chain is not the point here, the memory is).
  ASSERT_EQ(sqlite3_shell(db,
                          "PRAGMA busy_timeout=10000;\n"
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                          "WHERE i < 1000000)\n"
                          "INSERT INTO audit_log(at, actor_id, action, target_type, target_id, "
                          "client, detail, prev_hash, hash) SELECT 1700000000000 + i, 1, "
                          "'post_created', 'post', i, '127.0.0.1', '{\"space\":\"company\"}', "
                          "printf('%064d', i - 1), printf('%064d', i) FROM n;\n"),
            0);
  ASSERT_EQ(ada.get("/api/v1/audit?limit=1").status, 200);  // warm up
  const long before = rss_kib(server.pid(), "VmRSS");

  // Read the export over a raw socket, counting lines and dropping the bytes.
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.send("GET /api/v1/audit/export HTTP/1.1\r\nHost: localhost\r\nCookie: " +
                        std::string("gr_session=") + ada.cookie() +
                        "\r\nConnection: close\r\n\r\n"));
  const auto all = conn.read_all(180000);  // until the server closes after the last chunk
  long long entries = 0;
  for (std::size_t at = all.find("\"action\":"); at != std::string::npos;
       at = all.find("\"action\":", at + 1))
    ++entries;
  const long hwm = rss_kib(server.pid(), "VmHWM");
  EXPECT_GE(entries, 1000000);
  EXPECT_NE(all.find("\r\n0\r\n\r\n"), std::string::npos);  // the last chunk arrived
  // The server's peak resident memory over the whole export stays within a few MB.
  EXPECT_LT(hwm - before, 8 * 1024) << "RSS before " << before << " KiB, high-water " << hwm;
}

}  // namespace
}  // namespace greenroom::test
