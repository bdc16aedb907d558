// The authorization matrix: tests/api/authz_matrix.txt lists every route x caller x object
// state -> expected status (the format is described at the top of that file). This test
// builds the fixture world on the real server, runs every row for every caller, and fails
// when a route the server registers (`greenroom serve --print-routes`) has no row, or a row
// names a route that does not exist.
//
// AUTHZ_MATRIX_WRITE=FILE writes a copy of the matrix with the statuses the server gave,
// to help draft rows for a new route; every status in it must be read and judged before it
// is committed (the file states what should happen, not what happens).
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <ctime>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "fixture.hpp"

#ifndef GREENROOM_SOURCE_DIR
#error "GREENROOM_SOURCE_DIR must be defined"
#endif

namespace greenroom::test {
namespace {

const std::vector<std::string> kCallers = {"admin",  "moderator", "coach",  "other_coach",
                                           "author", "cohort",    "mentor", "other_exec",
                                           "member", "anonymous"};

struct Row {
  int line = 0;
  std::string method, target, state, body;
  std::map<std::string, int> expect;  // caller -> status

  std::string route() const { return target.substr(0, target.find('?')); }
};

std::vector<std::string> split_ws(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

std::string matrix_path() {
  return std::string(GREENROOM_SOURCE_DIR) + "/tests/api/authz_matrix.txt";
}

// Parses the matrix; a malformed line is a test failure naming the line.
std::vector<Row> read_matrix(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<Row> rows;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (auto hash = text.find_first_not_of(" \t"); hash == std::string::npos || text[hash] == '#')
      continue;
    Row r;
    r.line = n;
    auto bar = text.find(" | ");
    if (bar != std::string::npos) {
      r.body = text.substr(bar + 3);
      text.resize(bar);
    }
    auto t = split_ws(text);
    if (t.size() < 4) {
      ADD_FAILURE() << path << ":" << n << ": want METHOD TARGET STATE caller=status...";
      continue;
    }
    r.method = t[0];
    r.target = t[1];
    r.state = t[2];
    std::optional<int> fallback;
    for (std::size_t i = 3; i < t.size(); ++i) {
      auto eq = t[i].find('=');
      if (eq == std::string::npos) {
        ADD_FAILURE() << path << ":" << n << ": \"" << t[i] << "\" is not caller=status";
        continue;
      }
      const auto status = std::stoi(t[i].substr(eq + 1));
      std::string names = t[i].substr(0, eq);
      std::istringstream list(names);
      for (std::string who; std::getline(list, who, ',');) {
        if (who == "*")
          fallback = status;
        else if (std::find(kCallers.begin(), kCallers.end(), who) == kCallers.end())
          ADD_FAILURE() << path << ":" << n << ": unknown caller \"" << who << "\"";
        else
          r.expect[who] = status;
      }
    }
    for (const auto& c : kCallers) {
      if (r.expect.count(c)) continue;
      if (fallback)
        r.expect[c] = *fallback;
      else
        ADD_FAILURE() << path << ":" << n << ": no status for caller " << c << " (add *=N)";
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// An object a row acts on, in a named state.
struct Object {
  std::int64_t id = 0;       // {id}
  std::int64_t version = 1;  // {version}
  std::string owner;         // for state "executive": the username of the fresh executive
  std::string host;          // {host:word}, {host}: an allowed feed host (reading states)
  std::int64_t persona = 0;  // {persona_id}: the first persona of a drill state's drill
};

class AuthzMatrix : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    server().add_user("evan_run", "executive", "run", "cora");
    // meg, a staff member and digital champion, is evan_run's reverse mentor.
    server().add_user("meg", "member");
    auto admin = as("ada"), author = as("evan_run"), meg = as("meg");
    auto marked = admin.put("/api/v1/champions/" + std::to_string(meg.id()),
                            nlohmann::json{{"about", "LinkedIn"}});
    ASSERT_EQ(marked.status, 200) << marked.body;
    auto asked = author.post("/api/v1/mentorships", {{"mentor_id", meg.id()}});
    ASSERT_EQ(asked.status, 201) << asked.body;
    auto accepted = meg.post(
        "/api/v1/mentorships/" +
            std::to_string(asked.json()["mentorship"]["id"].get<std::int64_t>()) + "/accept",
        nlohmann::json::object());
    ASSERT_EQ(accepted.status, 200) << accepted.body;
  }

  // The fixture people, by caller name. "author" is evan_run, a Run executive coached by
  // cora; "cohort" is wren (also cora's); "other_coach" is cole, "other_exec" his xena.
  static std::string username(const std::string& caller) {
    static const std::map<std::string, std::string> names = {
        {"admin", "ada"},        {"moderator", "mo"},    {"coach", "cora"},
        {"other_coach", "cole"}, {"author", "evan_run"}, {"cohort", "wren"},
        {"other_exec", "xena"},  {"member", "mia"},      {"mentor", "meg"}};
    return names.at(caller);
  }

  // Signed-in sessions used to build objects (never by the rows themselves).
  // A row may end these sessions (DELETE /api/v1/me/sessions ends all but the caller's own),
  // so each is signed in again when the server no longer knows it.
  static const std::map<std::string, Client>& people() {
    static std::map<std::string, Client> p = {
        {"author", as("evan_run")}, {"coach", as("cora")}, {"admin", as("ada")}};
    static const std::map<std::string, std::string> names = {
        {"author", "evan_run"}, {"coach", "cora"}, {"admin", "ada"}};
    for (auto& [who, client] : p)
      if (client.get("/api/v1/me").status == 401) client = as(names.at(who));
    return p;
  }

  Client session(const std::string& caller, const Object& obj) {
    if (caller == "anonymous") return Client(port());
    if (caller == "author" && !obj.owner.empty()) return Client(port(), obj.owner);
    return Client(port(), username(caller));
  }

  static void set_state_in_db(std::int64_t post_id, const std::string& state) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server().data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const auto sql =
        "UPDATE posts SET state = '" + state + "' WHERE id = " + std::to_string(post_id);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }

  // An entry in feed `feed_id`, stored as the fetcher would (the matrix has no feed server).
  static std::int64_t insert_feed_entry(std::int64_t feed_id) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((server().data_dir() + "/greenroom.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const auto sql =
        "INSERT INTO feed_entries(feed_id, guid, title, summary, sort_at, first_seen_at) VALUES(" +
        std::to_string(feed_id) + ", 'matrix', 'A matrix entry', '', 1, 1)";
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    const auto id = sqlite3_last_insert_rowid(db);
    sqlite3_close(db);
    return id;
  }

  // Creates a new object in `state` (see the list at the top of authz_matrix.txt).
  Object make(const std::string& state) {
    const auto &author = people().at("author"), &coach = people().at("coach"),
               &admin = people().at("admin");
    const auto n = std::to_string(++made_);
    auto post = [&](const std::string& space, const std::string& action) {
      auto r = author.post("/api/v1/posts", {{"body", "Matrix post number " + n + " for review"},
                                             {"space", space},
                                             {"action", action}});
      EXPECT_EQ(r.status, 201) << r.body;
      return r.json()["post"]["id"].get<std::int64_t>();
    };
    auto review = [&](std::int64_t id, const std::string& verdict) {
      auto r = coach.post(
          "/api/v1/posts/" + std::to_string(id) + "/reviews",
          {{"verdict", verdict},
           {"version", 1},
           {"comment", "ok"},
           {"rubric", {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 4}}}});
      EXPECT_EQ(r.status, 201) << r.body;
    };
    Object o;
    if (state == "none") return o;
    if (state == "draft") o.id = post("practice", "draft");
    if (state == "in_review") o.id = post("company", "submit");
    if (state == "changes_requested") review(o.id = post("company", "submit"), verdict_changes);
    if (state == "approved") {
      // An approval publishes at once today; "approved" (waiting to be published, e.g. at a
      // scheduled time) is set directly.
      o.id = post("company", "submit");
      set_state_in_db(o.id, "approved");
    }
    if (state == "published_practice") o.id = post("practice", "publish");
    if (state == "published_company") o.id = post("company", "publish");
    if (state == "hidden" || state == "removed") {
      o.id = post("company", "publish");
      set_state_in_db(o.id, state);
    }
    if (state == "reply") {
      // A public reply by the author (a Run executive) on a published company post.
      auto pid = post("company", "publish");
      auto r = author.post("/api/v1/posts/" + std::to_string(pid) + "/replies",
                           {{"body", "Matrix reply number " + n}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["reply"]["id"].get<std::int64_t>();
    }
    if (state == "annotation") {
      // A suggestion on a post with changes requested: the author may apply it.
      auto pid = post("company", "submit");
      auto r = coach.post("/api/v1/posts/" + std::to_string(pid) + "/annotations",
                          {{"start", 0},
                           {"end", 6},
                           {"category", "tone"},
                           {"comment", "Warmer?"},
                           {"suggestion", "Our"}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["annotation"]["id"].get<std::int64_t>();
      review(pid, verdict_changes);
    }
    if (state == "goal") {
      auto r = coach.post("/api/v1/goals", {{"executive_id", author.id()},
                                            {"title", "Two company posts"},
                                            {"metric", "company_posts"},
                                            {"target", 2},
                                            {"term", "short"},
                                            {"due_at", in_days(20)}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["goal"]["id"].get<std::int64_t>();
    }
    if (state == "executive") {
      o.owner = "fresh" + n;
      auto r = admin.post("/api/v1/users", {{"username", o.owner},
                                            {"display_name", "Fresh " + n},
                                            {"role", "executive"},
                                            {"password", kPassword}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["user"]["id"].get<std::int64_t>();
      EXPECT_EQ(admin
                    .put("/api/v1/coaches/" + std::to_string(coach.id()) + "/executives/" +
                         std::to_string(o.id))
                    .status,
                200);
    }
    if (state == "shared_draft" || state == "shared_in_review") {
      // The author's draft (or submitted company post) with "show my mentor" on.
      o.id = state == "shared_draft" ? post("practice", "draft") : post("company", "submit");
      auto r = author.send("PATCH", "/api/v1/posts/" + std::to_string(o.id),
                           R"({"share_with_mentor":true})", {});
      EXPECT_EQ(r.status, 200) << r.body;
    }
    if (state == "shared_annotation") {
      // The coach's note on a submitted post the author shows the mentor.
      auto pid = post("company", "submit");
      EXPECT_EQ(author
                    .send("PATCH", "/api/v1/posts/" + std::to_string(pid),
                          R"({"share_with_mentor":true})", {})
                    .status,
                200);
      auto r = coach.post("/api/v1/posts/" + std::to_string(pid) + "/annotations",
                          {{"start", 0}, {"end", 6}, {"category", "tone"}, {"comment", "Warmer?"}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["annotation"]["id"].get<std::int64_t>();
    }
    if (state == "mentee") o.id = author.id();
    if (state == "staff" || state == "champion") {
      // A fresh staff member; "champion": marked as a digital champion.
      auto r = admin.post("/api/v1/users", {{"username", "staff" + n},
                                            {"display_name", "Staff " + n},
                                            {"role", "member"},
                                            {"password", kPassword}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["user"]["id"].get<std::int64_t>();
      if (state == "champion") {
        EXPECT_EQ(admin
                      .put("/api/v1/champions/" + std::to_string(o.id),
                           nlohmann::json{{"about", "Short video"}})
                      .status,
                  200);
      }
    }
    if (state == "mentorship_requested" || state == "mentorship_active") {
      // A fresh executive coached by cora asks meg; for these states the "author" caller is
      // that executive. "active": meg accepted.
      o.owner = "mentee" + n;
      auto r = admin.post("/api/v1/users", {{"username", o.owner},
                                            {"display_name", "Mentee " + n},
                                            {"role", "executive"},
                                            {"password", kPassword}});
      EXPECT_EQ(r.status, 201) << r.body;
      const auto exec = r.json()["user"]["id"].get<std::int64_t>();
      EXPECT_EQ(admin
                    .put("/api/v1/coaches/" + std::to_string(coach.id()) + "/executives/" +
                         std::to_string(exec))
                    .status,
                200);
      Client mentee(port(), o.owner), meg(port(), "meg");
      auto asked = mentee.post("/api/v1/mentorships", {{"mentor_id", meg.id()}});
      EXPECT_EQ(asked.status, 201) << asked.body;
      o.id = asked.json()["mentorship"]["id"].get<std::int64_t>();
      if (state == "mentorship_active") {
        EXPECT_EQ(meg.post("/api/v1/mentorships/" + std::to_string(o.id) + "/accept",
                           nlohmann::json::object())
                      .status,
                  200);
      }
    }
    if (state == "blog") o.id = blog_of("evan_run", false);
    if (state == "feed_host" || state == "reading_feed" || state == "reading_item") {
      o.host = "matrix-" + n + ".invalid";
      EXPECT_EQ(admin.put("/api/v1/admin/feed-hosts/" + o.host).status, 200);
    }
    if (state == "reading_feed" || state == "reading_item") {
      auto r = author.post("/api/v1/reading/feeds", {{"url", "https://" + o.host + "/feed.xml"}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["feed"]["id"].get<std::int64_t>();
    }
    if (state == "reading_item") o.id = insert_feed_entry(o.id);
    if (state == "question" || state == "pending_question") {
      const bool pending = state == "pending_question";
      auto r = as("mia").post(
          "/api/v1/blogs/" +
              std::to_string(pending ? blog_of("wren", true) : blog_of("evan_run", false)) +
              "/questions",
          {{"body", "Matrix question number " + n + "?"}, {"anonymous", false}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["question"]["id"].get<std::int64_t>();
    }
    if (state == "drill" || state == "drill_started" || state == "drill_post") {
      // A drill the coach assigned to the author; for drill_started and drill_post the author
      // wrote its post, published in practice ({id}: the drill, or for drill_post the post).
      auto r = coach.post("/api/v1/drills", {{"executive_id", author.id()},
                                             {"scenario", "Matrix drill number " + n},
                                             {"due_at", in_days(5)},
                                             {"personas", {{{"name", "Sceptic"}}}}});
      EXPECT_EQ(r.status, 201) << r.body;
      o.id = r.json()["drill"]["id"].get<std::int64_t>();
      o.persona = r.json()["drill"]["personas"][0]["id"].get<std::int64_t>();
      if (state != "drill") {
        auto p = author.post(
            "/api/v1/posts",
            {{"body", "Matrix drill post number " + n}, {"space", "practice"}, {"drill_id", o.id}});
        EXPECT_EQ(p.status, 201) << p.body;
        if (state == "drill_post") o.id = p.json()["post"]["id"].get<std::int64_t>();
      }
    }
    if (o.id == 0 && o.host.empty()) ADD_FAILURE() << "unknown state \"" << state << "\"";
    return o;
  }

  // The blog `host` hosts, made by the admin the first time it is needed (one per host).
  static std::int64_t blog_of(const std::string& host, bool premoderated) {
    static std::map<std::string, std::int64_t> blogs;
    if (auto it = blogs.find(host); it != blogs.end()) return it->second;
    auto r = people().at("admin").post("/api/v1/blogs", {{"host_id", as(host).id()},
                                                         {"title", "Matrix blog of " + host},
                                                         {"promise_days", 7},
                                                         {"premoderated", premoderated}});
    EXPECT_EQ(r.status, 201) << r.body;
    return blogs[host] = r.json()["blog"]["id"].get<std::int64_t>();
  }

  std::string fill(std::string s, const Object& o) {
    replace_all(s, "{id:token}", std::to_string(o.id));
    replace_all(s, "{id}", std::to_string(o.id));
    replace_all(s, "{executive_id}", std::to_string(o.id));
    replace_all(s, "{user_id}", std::to_string(o.id));
    replace_all(s, "{n}", "1");                     // a policy version: the first always exists
    replace_all(s, "{tag:word}", "okrs");           // a topic
    replace_all(s, "{username:word}", "evan_run");  // the author (state "mentee")
    replace_all(s, "{n}", "1");                     // a policy version: the first always exists
    const auto host = o.host.empty() ? "unlisted-" + std::to_string(++made_) + ".invalid" : o.host;
    replace_all(s, "{host:word}", host);
    replace_all(s, "{host}", host);
    if (s.find("{soon}") != std::string::npos) {
      // A day from now, RFC 3339 UTC (schedules must lie within a year).
      const std::time_t t = std::time(nullptr) + 24 * 3600;
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      replace_all(s, "{soon}", buf);
    }
    replace_all(s, "{coach_id}", std::to_string(people().at("coach").id()));
    replace_all(s, "{author_id}", std::to_string(people().at("author").id()));
    replace_all(s, "{version}", std::to_string(o.version));
    replace_all(s, "{unique}", "u" + std::to_string(++made_));
    replace_all(s, "{password}", kPassword);
    replace_all(s, "{persona_id}", std::to_string(o.persona));
    if (s.find("{policy}") != std::string::npos)
      replace_all(s, "{policy}",
                  people().at("admin").get("/api/v1/policy").json()["policy"].dump());
    return s;
  }

  int run(const Row& r, const std::string& caller, std::map<std::string, Object>& shared) {
    // Reads share one object per state; every other row gets a fresh object and a fresh
    // session, so rows cannot change what later rows see.
    const bool read_only = r.method == "GET";
    Object obj;
    if (read_only) {
      if (!shared.count(r.state)) shared[r.state] = make(r.state);
      obj = shared[r.state];
    } else {
      obj = make(r.state);
    }
    auto c = session(caller, obj);
    return c.send(r.method, fill(r.target, obj), fill(r.body, obj), {}).status;
  }

  inline static const std::string verdict_changes = "changes_requested";
  inline static int made_ = 0;
};

TEST_F(AuthzMatrix, EveryRegisteredRouteHasRows) {
  auto rows = read_matrix(matrix_path());
  auto printed = server().cli({"serve", "--print-routes"});
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  std::set<std::string> registered, listed;
  std::istringstream lines(printed.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) registered.insert(line);
  ASSERT_GT(registered.size(), 10u) << printed.out;
  for (const auto& r : rows) listed.insert(r.method + " " + r.route());
  for (const auto& route : registered)
    EXPECT_TRUE(listed.count(route)) << route << " is registered in server/app/routes.cpp but has "
                                     << "no row in tests/api/authz_matrix.txt";
  for (const auto& route : listed)
    EXPECT_TRUE(registered.count(route)) << route << " is in tests/api/authz_matrix.txt but the "
                                         << "server has no such route";
}

TEST_F(AuthzMatrix, EveryRowGivesItsStatusToEveryCaller) {
  auto rows = read_matrix(matrix_path());
  ASSERT_FALSE(rows.empty());
  std::map<std::string, Object> shared;
  std::map<int, std::map<std::string, int>> actual;
  int checked = 0;
  for (const auto& r : rows) {
    for (const auto& caller : kCallers) {
      const int got = run(r, caller, shared);
      actual[r.line][caller] = got;
      ++checked;
      EXPECT_EQ(got, r.expect.at(caller))
          << "authz_matrix.txt:" << r.line << ": " << r.method << " " << r.target << " [" << r.state
          << "] as " << caller;
    }
  }
  std::cout << "[authz] " << rows.size() << " rows, " << checked << " requests\n";
  if (const char* out = std::getenv("AUTHZ_MATRIX_WRITE")) {
    // The same file with each row's statuses as observed (grouped: the most common as *=).
    std::ifstream in(matrix_path());
    std::ofstream o(out);
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
      auto it = actual.find(n);
      if (it == actual.end()) {
        o << text << "\n";
        continue;
      }
      std::string body;
      if (auto bar = text.find(" | "); bar != std::string::npos) body = text.substr(bar);
      auto t = split_ws(text.substr(0, text.find(" | ")));
      std::map<int, std::vector<std::string>> by_status;
      for (const auto& [who, st] : it->second) by_status[st].push_back(who);
      int common = 0;
      std::size_t most = 0;
      for (const auto& [st, who] : by_status)
        if (who.size() > most) most = who.size(), common = st;
      std::ostringstream line;
      line << t[0] << " " << t[1] << " " << t[2];
      for (const auto& caller : kCallers) {
        if (it->second[caller] == common) continue;
        line << " " << caller << "=" << it->second[caller];
      }
      line << " *=" << common << body;
      o << line.str() << "\n";
    }
  }
}

}  // namespace
}  // namespace greenroom::test
