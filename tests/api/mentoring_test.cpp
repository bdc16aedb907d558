// Reverse mentoring against the real server: marking champions, the pairing lifecycle,
// what a reverse mentor sees (and the 404s for what they do not), what they may not do,
// mentor notes, the private thread, and the audit entries of every step.
#include <sqlite3.h>

#include "fixture.hpp"

namespace greenroom::test {
namespace {

class MentoringTest : public ApiTest {
 protected:
  static long long id_of(const std::string& username) { return as(username).id(); }

  static void make_champion(const std::string& username, const std::string& about) {
    auto r =
        as("ada").put("/api/v1/champions/" + std::to_string(id_of(username)), {{"about", about}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  static std::string mentorship_path(const nlohmann::json& m, const std::string& suffix = "") {
    return "/api/v1/mentorships/" + std::to_string(m["id"].get<long long>()) + suffix;
  }

  // An active pairing of `exec` with `mentor` (asked by the executive, accepted).
  static nlohmann::json pair(const std::string& exec, const std::string& mentor) {
    make_champion(mentor, "LinkedIn, short video");
    auto asked = as(exec).post("/api/v1/mentorships", {{"mentor_id", id_of(mentor)}});
    EXPECT_EQ(asked.status, 201) << asked.body;
    auto accepted =
        as(mentor).post(mentorship_path(asked.json()["mentorship"], "/accept"), nullptr);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return accepted.json()["mentorship"];
  }

  static HttpResponse patch(const Client& c, const std::string& target, const nlohmann::json& b) {
    return c.send("PATCH", target, b.dump(), {{"Content-Type", "application/json"}});
  }

  static std::set<long long> ids(const nlohmann::json& list) {
    std::set<long long> out;
    for (const auto& p : list["items"]) out.insert(p["id"].get<long long>());
    return out;
  }

  // How many audit entries have this action and target.
  static int audit_count(const std::string& action, const std::string& target_type,
                         long long target_id) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2((server().data_dir() + "/greenroom.db").c_str(), &db,
                              SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT COUNT(*) FROM audit_log WHERE action = ?1 AND target_type = ?2 "
                       "AND target_id = ?3",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, action.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, target_type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, target_id);
    int n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  }
};

TEST_F(MentoringTest, AdminsAndCoachesMarkStaffMembersAsChampions) {
  const auto mia = std::to_string(id_of("mia")), max = std::to_string(id_of("max"));
  const nlohmann::json about = {{"about", "LinkedIn, short video"}};
  for (const auto* who : {"wren", "mia", "mo"}) {
    auto r = as(who).put("/api/v1/champions/" + mia, about);
    EXPECT_EQ(r.status, 403) << who;
    EXPECT_EQ(r.error_code(), "forbidden");
  }
  auto marked = as("ada").put("/api/v1/champions/" + mia, about);
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(marked.json()["champion"]["user"]["username"], "mia");
  EXPECT_EQ(marked.json()["champion"]["about"], "LinkedIn, short video");
  EXPECT_EQ(marked.json()["champion"]["marked_by"]["username"], "ada");
  auto by_coach = as("cole").put("/api/v1/champions/" + max, {{"about", "Podcasts"}});
  ASSERT_EQ(by_coach.status, 200) << by_coach.body;

  // Only staff members, only a short line, only real users.
  auto exec = as("ada").put("/api/v1/champions/" + std::to_string(id_of("evan")), about);
  EXPECT_EQ(exec.status, 422);
  EXPECT_EQ(exec.error_code(), "not_a_member");
  EXPECT_EQ(as("ada").put("/api/v1/champions/999999", about).status, 404);
  EXPECT_EQ(as("ada").put("/api/v1/champions/" + mia, {{"about", ""}}).status, 400);
  EXPECT_EQ(as("ada").put("/api/v1/champions/" + mia, {{"about", std::string(201, 'x')}}).status,
            400);
  EXPECT_EQ(as("ada").put("/api/v1/champions/" + mia, {{"about", 7}}).status, 400);
  EXPECT_EQ(as("ada").put("/api/v1/champions/" + mia, {{"about", "x"}, {"extra", 1}}).status, 400);

  // Everyone signed in sees the list; bad input above changed nothing.
  auto list = as("wren").get("/api/v1/champions");
  ASSERT_EQ(list.status, 200);
  std::map<std::string, std::string> seen;
  const auto champions = list.json();
  for (const auto& c : champions["items"])
    seen[c["user"]["username"].get<std::string>()] = c["about"].get<std::string>();
  EXPECT_EQ(seen["mia"], "LinkedIn, short video") << list.body;
  EXPECT_EQ(seen["max"], "Podcasts");
  EXPECT_FALSE(seen.count("evan"));
  EXPECT_TRUE(list.json().contains("next"));
  EXPECT_EQ(Client(port()).get("/api/v1/champions").status, 401);
  auto paged = as("mia").get("/api/v1/champions?limit=1");
  ASSERT_EQ(paged.status, 200);
  EXPECT_EQ(paged.json()["items"].size(), 1u);
  ASSERT_TRUE(paged.json()["next"].is_string());
  auto second =
      as("mia").get("/api/v1/champions?limit=1&before=" + paged.json()["next"].get<std::string>());
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.json()["items"][0]["user"]["id"], paged.json()["items"][0]["user"]["id"]);

  // The marking form's list of staff members: admins and coaches only.
  auto candidates = as("cora").get("/api/v1/champions/candidates");
  ASSERT_EQ(candidates.status, 200);
  const auto people = candidates.json();
  std::set<std::string> names;
  for (const auto& u : people["items"]) names.insert(u["username"].get<std::string>());
  EXPECT_TRUE(names.count("mia"));
  EXPECT_FALSE(names.count("evan"));
  EXPECT_EQ(as("wren").get("/api/v1/champions/candidates").status, 403);

  // Unmarking: not for executives; a second time is 404.
  EXPECT_EQ(as("wren").del("/api/v1/champions/" + max).status, 403);
  EXPECT_EQ(as("cora").del("/api/v1/champions/" + max).status, 200);
  EXPECT_EQ(as("cora").del("/api/v1/champions/" + max).status, 404);
  EXPECT_GE(audit_count("champion_marked", "user", id_of("mia")), 1);
  EXPECT_EQ(audit_count("champion_unmarked", "user", id_of("max")), 1);
  make_champion("max", "Podcasts");
}

TEST_F(MentoringTest, RequestAcceptDeclineAndEndAPairing) {
  make_champion("max", "Podcasts");
  const auto max = id_of("max");
  auto evan = as("evan"), mx = as("max"), cora = as("cora");
  auto asked = evan.post("/api/v1/mentorships", {{"mentor_id", max}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  auto m = asked.json()["mentorship"];
  EXPECT_EQ(m["state"], "requested");
  EXPECT_EQ(m["executive"]["username"], "evan");
  EXPECT_EQ(m["mentor"]["username"], "max");
  EXPECT_EQ(m["requested_by"]["username"], "evan");
  // One open pairing per executive and mentor.
  auto twice = evan.post("/api/v1/mentorships", {{"mentor_id", max}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error_code(), "mentorship_exists");

  // Who may see it, who may answer it.
  EXPECT_EQ(as("rui").get(mentorship_path(m)).status, 404);
  EXPECT_EQ(as("cole").get(mentorship_path(m)).status, 404);
  EXPECT_EQ(as("mia").post(mentorship_path(m, "/accept"), nullptr).status, 404);
  EXPECT_EQ(cora.get(mentorship_path(m)).status, 200);
  EXPECT_EQ(as("ada").get(mentorship_path(m)).status, 200);
  EXPECT_EQ(cora.post(mentorship_path(m, "/accept"), nullptr).status, 403);
  EXPECT_EQ(evan.post(mentorship_path(m, "/accept"), nullptr).status, 403);

  // The champion declines; a declined one cannot be accepted; asking again is allowed.
  auto declined = mx.post(mentorship_path(m, "/decline"), nullptr);
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["mentorship"]["state"], "declined");
  auto late = mx.post(mentorship_path(m, "/accept"), nullptr);
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.error_code(), "illegal_transition");
  EXPECT_EQ(audit_count("mentorship_declined", "mentorship", m["id"]), 1);

  auto again = evan.post("/api/v1/mentorships", {{"mentor_id", max}});
  ASSERT_EQ(again.status, 201) << again.body;
  auto m2 = again.json()["mentorship"];
  auto accepted = mx.post(mentorship_path(m2, "/accept"), nullptr);
  ASSERT_EQ(accepted.status, 200);
  EXPECT_EQ(accepted.json()["mentorship"]["state"], "active");
  // Both sides and the coach list it.
  for (const auto* who : {"evan", "max", "cora"}) {
    auto list = as(who).get("/api/v1/mentorships");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(ids(list.json()).count(m2["id"])) << who;
  }
  EXPECT_FALSE(ids(as("rui").get("/api/v1/mentorships").json()).count(m2["id"]));
  EXPECT_FALSE(ids(as("cole").get("/api/v1/mentorships").json()).count(m2["id"]));
  auto active_only = evan.get("/api/v1/mentorships?state=active").json();
  for (const auto& item : active_only["items"]) EXPECT_EQ(item["state"], "active");
  EXPECT_EQ(evan.get("/api/v1/mentorships?state=friends").status, 400);

  // Someone outside cannot end it; the executive's coach can; a second end is 409.
  EXPECT_EQ(as("rui").del(mentorship_path(m2)).status, 404);
  auto ended = cora.del(mentorship_path(m2));
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json()["mentorship"]["state"], "ended");
  EXPECT_EQ(evan.del(mentorship_path(m2)).status, 409);

  // A coach pairs one of their executives; not someone else's; not for another executive.
  const auto rui = id_of("rui");
  auto paired = cora.post("/api/v1/mentorships", {{"mentor_id", max}, {"executive_id", rui}});
  ASSERT_EQ(paired.status, 201) << paired.body;
  EXPECT_EQ(paired.json()["mentorship"]["requested_by"]["username"], "cora");
  EXPECT_EQ(
      as("cole").post("/api/v1/mentorships", {{"mentor_id", max}, {"executive_id", rui}}).status,
      403);
  EXPECT_EQ(
      as("wren").post("/api/v1/mentorships", {{"mentor_id", max}, {"executive_id", rui}}).status,
      403);
  EXPECT_EQ(as("mia").post("/api/v1/mentorships", {{"mentor_id", max}}).status, 400);
  // The mentor must be a champion; bad ids are 400.
  auto not_champion = evan.post("/api/v1/mentorships", {{"mentor_id", id_of("mo")}});
  EXPECT_EQ(not_champion.status, 422);
  EXPECT_EQ(not_champion.error_code(), "not_a_champion");
  EXPECT_EQ(evan.post("/api/v1/mentorships", {{"mentor_id", "max"}}).status, 400);
  EXPECT_EQ(evan.post("/api/v1/mentorships", nlohmann::json::object()).status, 400);
  // Either side ends: the mentor ends the coach's pairing.
  auto by_mentor = mx.del(mentorship_path(paired.json()["mentorship"]));
  EXPECT_EQ(by_mentor.status, 200);

  EXPECT_EQ(audit_count("mentorship_requested", "mentorship", m2["id"]), 1);
  EXPECT_EQ(audit_count("mentorship_accepted", "mentorship", m2["id"]), 1);
  EXPECT_EQ(audit_count("mentorship_ended", "mentorship", m2["id"]), 1);
  EXPECT_EQ(audit_count("mentorship_requested", "mentorship", paired.json()["mentorship"]["id"]),
            1);
}

TEST_F(MentoringTest, AMentorSeesPracticePostsAndSharedDraftsOnly) {
  auto m = pair("wren", "mia");
  auto wren = as("wren"), mia = as("mia");
  auto draft =
      make_post(wren, "Draft for my mentor: our new hybrid working pilot.", "practice", "draft");
  EXPECT_EQ(draft["share_with_mentor"], false);
  auto company_draft = make_post(wren, "Company draft nobody shares.", "company", "draft");
  auto practice = make_post(wren, "A practice post about small wins this week.", "practice");
  auto others = make_post(as("rui"), "Rui practises in the practice space.", "practice");

  // A draft not shared is 404 for the mentor, everywhere.
  EXPECT_EQ(mia.get(path_of(draft)).status, 404);
  EXPECT_EQ(mia.get(path_of(draft, "/annotations")).status, 404);
  EXPECT_EQ(mia.get(path_of(company_draft)).status, 404);
  // Practice posts are visible, in the post and in the practice feed; others' are not.
  EXPECT_EQ(mia.get(path_of(practice)).status, 200);
  EXPECT_EQ(mia.get(path_of(others)).status, 404);
  auto feed = mia.get("/api/v1/feed?space=practice&limit=100");
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_TRUE(ids(feed.json()).count(practice["id"]));
  EXPECT_FALSE(ids(feed.json()).count(others["id"]));
  EXPECT_FALSE(ids(feed.json()).count(draft["id"]));
  // A member who mentors nobody still has no practice feed.
  EXPECT_EQ(as("max").get("/api/v1/feed?space=practice").status, 403);

  // The "show my mentor" switch: the author only; then the mentor sees it.
  EXPECT_EQ(patch(mia, path_of(draft), {{"share_with_mentor", true}}).status, 404);
  EXPECT_EQ(patch(wren, path_of(draft), {{"share_with_mentor", "yes"}}).status, 400);
  EXPECT_EQ(mia.get(path_of(draft)).status, 404);
  auto shared = patch(wren, path_of(draft), {{"share_with_mentor", true}});
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_EQ(shared.json()["post"]["share_with_mentor"], true);
  EXPECT_EQ(shared.json()["post"]["version"], draft["version"]);
  auto seen = mia.get(path_of(draft));
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json()["post"]["body"], draft["body"]);
  EXPECT_EQ(patch(mia, path_of(draft), {{"share_with_mentor", false}}).status, 403);
  // Another executive and a member still do not see it.
  EXPECT_EQ(as("rui").get(path_of(draft)).status, 404);
  EXPECT_EQ(as("max").get(path_of(draft)).status, 404);
  // Still shared once submitted for review (the switch works in any state).
  ASSERT_EQ(wren.post(path_of(draft, "/submit"), nullptr).status, 200);
  EXPECT_EQ(mia.get(path_of(draft)).status, 200);

  // The mentee's posts as the mentor sees them.
  auto mine = mia.get(mentorship_path(m, "/posts?limit=100"));
  ASSERT_EQ(mine.status, 200) << mine.body;
  auto listed = ids(mine.json());
  EXPECT_TRUE(listed.count(draft["id"]));
  EXPECT_TRUE(listed.count(practice["id"]));
  EXPECT_FALSE(listed.count(company_draft["id"]));
  EXPECT_EQ(as("rui").get(mentorship_path(m, "/posts")).status, 404);

  // Switched off, it is gone again.
  ASSERT_EQ(patch(wren, path_of(draft), {{"share_with_mentor", false}}).status, 200);
  EXPECT_EQ(mia.get(path_of(draft)).status, 404);
}

TEST_F(MentoringTest, AMentorAnnotatesButNeverGivesVerdictsLevelsOrGoals) {
  pair("rui", "mia");
  auto rui = as("rui"), mia = as("mia"), cora = as("cora");
  const std::string text = "We shipped the new portal today. Huge thanks to the partner team.";
  auto post = make_post(rui, text, "company", "draft");
  auto hidden = make_post(rui, "A draft I keep to myself.", "company", "draft");
  ASSERT_EQ(patch(rui, path_of(post), {{"share_with_mentor", true}}).status, 200);
  ASSERT_EQ(rui.post(path_of(post, "/submit"), nullptr).status, 200);

  // Notes on exact words, marked as the mentor's.
  const auto start = static_cast<long long>(text.find("Huge thanks"));
  auto note = mia.post(path_of(post, "/annotations"), {{"start", start},
                                                       {"end", start + 11},
                                                       {"quote", "Huge thanks"},
                                                       {"category", "praise"},
                                                       {"comment", "Warm; add a photo."}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(note.json()["annotation"]["author_role"], "mentor");
  EXPECT_EQ(note.json()["annotation"]["coach"]["username"], "mia");
  auto coach_note =
      cora.post(path_of(post, "/annotations"),
                {{"start", 0}, {"end", 10}, {"category", "clarity"}, {"comment", "Which portal?"}});
  ASSERT_EQ(coach_note.status, 201) << coach_note.body;
  EXPECT_EQ(coach_note.json()["annotation"]["author_role"], "coach");
  auto list = rui.get(path_of(post, "/annotations")).json()["items"];
  int mentor_notes = 0;
  for (const auto& a : list) mentor_notes += a["author_role"] == "mentor";
  EXPECT_EQ(mentor_notes, 1);
  // Replies like a coach, both ways.
  const auto note_path =
      "/api/v1/annotations/" + std::to_string(note.json()["annotation"]["id"].get<long long>());
  EXPECT_EQ(rui.post(note_path + "/replies", {{"body", "Good idea, which one?"}}).status, 201);
  EXPECT_EQ(mia.post(note_path + "/replies", {{"body", "The launch photo."}}).status, 201);

  // Never a verdict, a level or a goal: 403 where they see the object.
  const nlohmann::json rubric = {{"clarity", 4}, {"tone", 4}, {"audience_fit", 4}, {"policy", 5}};
  auto verdict = mia.post(path_of(post, "/reviews"), {{"verdict", "approve"}, {"rubric", rubric}});
  EXPECT_EQ(verdict.status, 403);
  EXPECT_EQ(rui.get(path_of(post)).json()["post"]["state"], "in_review");
  auto level = mia.put("/api/v1/users/" + std::to_string(rui.id()) + "/level", {{"level", "run"}});
  EXPECT_EQ(level.status, 403);
  auto goal = mia.post("/api/v1/goals", {{"executive_id", rui.id()},
                                         {"title", "Post more"},
                                         {"metric", "company_posts"},
                                         {"target", 3},
                                         {"term", "short"},
                                         {"due_at", in_days(20)}});
  EXPECT_EQ(goal.status, 403);
  EXPECT_EQ(mia.get("/api/v1/goals?executive_id=" + std::to_string(rui.id())).status, 403);
  EXPECT_EQ(patch(mia, path_of(post), {{"body", "Rewritten by the mentor"}}).status, 403);
  // 404 where they cannot see it.
  EXPECT_EQ(
      mia.post(path_of(hidden, "/reviews"), {{"verdict", "approve"}, {"rubric", rubric}}).status,
      404);
  EXPECT_EQ(mia.post(path_of(hidden, "/annotations"),
                     {{"start", 0}, {"end", 1}, {"category", "tone"}, {"comment", "x"}})
                .status,
            404);
}

TEST_F(MentoringTest, TheExecutiveAsksTheMentorPrivatelyOnAPost) {
  pair("evan", "mia");
  auto evan = as("evan"), mia = as("mia");
  auto post = make_post(evan, "Thinking of posting about our office move.", "company", "draft");
  // Not shared yet: the mentor cannot see it, so no question either.
  auto early = evan.post(path_of(post, "/mentor-thread"), {{"body", "Would this land?"}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "not_shared");
  EXPECT_EQ(mia.get(path_of(post, "/mentor-thread")).status, 404);
  ASSERT_EQ(patch(evan, path_of(post), {{"share_with_mentor", true}}).status, 200);

  auto asked =
      evan.post(path_of(post, "/mentor-thread"), {{"body", "Would this land with your team?"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["message"]["mentor_id"], mia.id());
  auto answer = mia.post(path_of(post, "/mentor-thread"), {{"body", "Yes, add a photo."}});
  ASSERT_EQ(answer.status, 201) << answer.body;
  auto thread = evan.get(path_of(post, "/mentor-thread"));
  ASSERT_EQ(thread.status, 200);
  ASSERT_EQ(thread.json()["items"].size(), 2u);
  EXPECT_EQ(thread.json()["items"][0]["author"]["username"], "evan");
  EXPECT_EQ(thread.json()["items"][1]["body"], "Yes, add a photo.");
  EXPECT_EQ(mia.get(path_of(post, "/mentor-thread")).json()["items"].size(), 2u);
  // Private: the coach sees the post but not the thread; others do not see the post.
  EXPECT_EQ(as("cora").get(path_of(post, "/mentor-thread")).status, 403);
  EXPECT_EQ(as("rui").get(path_of(post, "/mentor-thread")).status, 404);
  EXPECT_EQ(as("max").post(path_of(post, "/mentor-thread"), {{"body", "hi"}}).status, 404);
  EXPECT_EQ(evan.post(path_of(post, "/mentor-thread"), {{"body", ""}}).status, 400);
  auto wrong =
      evan.post(path_of(post, "/mentor-thread"), {{"body", "Hi"}, {"mentor_id", id_of("max")}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(evan.get(path_of(post, "/mentor-thread")).json()["items"].size(), 2u);
}

TEST_F(MentoringTest, EndingOrUnmarkingTakesTheMentorsViewAway) {
  make_champion("max", "Podcasts");
  auto m = pair("xena", "max");
  auto xena = as("xena"), mx = as("max");
  auto draft = make_post(xena, "Draft shared with my mentor.", "company", "draft");
  ASSERT_EQ(patch(xena, path_of(draft), {{"share_with_mentor", true}}).status, 200);
  EXPECT_EQ(mx.get(path_of(draft)).status, 200);
  // The coach's cohort view shows who mentors whom.
  auto cohort = as("cole").get("/api/v1/cohort").json();
  bool shown = false;
  for (const auto& item : cohort["items"])
    if (item["user"]["username"] == "xena")
      for (const auto& p : item["mentorships"]) shown |= p["mentor"]["username"] == "max";
  EXPECT_TRUE(shown) << cohort.dump();

  // Unmarking the champion ends their pairings and their view.
  ASSERT_EQ(as("ada").del("/api/v1/champions/" + std::to_string(mx.id())).status, 200);
  EXPECT_EQ(mx.get(path_of(draft)).status, 404);
  EXPECT_EQ(xena.get(mentorship_path(m)).json()["mentorship"]["state"], "ended");
  EXPECT_EQ(audit_count("mentorship_ended", "mentorship", m["id"]), 1);
  make_champion("max", "Podcasts");
  // Asking again starts a new request, which does not show anything until accepted.
  auto again = xena.post("/api/v1/mentorships", {{"mentor_id", mx.id()}});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(mx.get(path_of(draft)).status, 404);
}

TEST_F(MentoringTest, EachSideIsToldAndModerationHidesFromTheMentorToo) {
  server().add_user("nia", "member");
  server().add_user("ned", "executive", "walk", "cora");
  auto nia = as("nia"), ned = as("ned"), mo = as("mo");
  // The newest notification of `kind` for `c`, or null.
  auto newest = [](const Client& c, const std::string& kind) {
    auto r = c.get("/api/v1/notifications?limit=100");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto page = r.json();
    for (const auto& n : page["items"])
      if (n["kind"] == kind) return n;
    return nlohmann::json();
  };
  make_champion("nia", "Short video");
  auto asked = ned.post("/api/v1/mentorships", {{"mentor_id", nia.id()}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto m = asked.json()["mentorship"];
  auto request = newest(nia, "mentorship_requested");
  ASSERT_FALSE(request.is_null());
  EXPECT_EQ(request["target"]["type"], "mentorship");
  EXPECT_EQ(request["target"]["id"], m["id"]);
  EXPECT_NE(request["message"].get<std::string>().find("reverse mentor"), std::string::npos);
  EXPECT_TRUE(newest(ned, "mentorship_requested").is_null()) << "the asker is not told";

  ASSERT_EQ(nia.post(mentorship_path(m, "/accept"), nullptr).status, 200);
  auto accepted = newest(ned, "mentorship_accepted");
  ASSERT_FALSE(accepted.is_null());
  EXPECT_EQ(accepted["target"]["id"], m["id"]);

  // A shared draft: the mentor's note and the private thread are announced on the post.
  auto draft = make_post(ned, "Our pilot is live in three offices. Thoughts?", "practice", "draft");
  const auto draft_path = "/api/v1/posts/" + std::to_string(draft["id"].get<long long>());
  ASSERT_EQ(patch(ned, draft_path, {{"share_with_mentor", true}}).status, 200);
  EXPECT_EQ(audit_count("post_shared_with_mentor", "post", draft["id"]), 1);
  auto note = nia.post(
      draft_path + "/annotations",
      {{"start", 0}, {"end", 3}, {"category", "tone"}, {"comment", "Open with a question"}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(note.json()["annotation"]["author_role"], "mentor");
  auto told = newest(ned, "mentor_note");
  ASSERT_FALSE(told.is_null());
  EXPECT_EQ(told["post_id"], draft["id"]);
  EXPECT_EQ(told["annotation_id"], note.json()["annotation"]["id"]);
  ASSERT_EQ(
      ned.post(draft_path + "/mentor-thread", {{"body", "Would this land with your team?"}}).status,
      201);
  auto question = newest(nia, "mentor_question");
  ASSERT_FALSE(question.is_null());
  EXPECT_EQ(question["post_id"], draft["id"]);
  ASSERT_EQ(nia.post(draft_path + "/mentor-thread", {{"body", "It lands."}}).status, 201);
  EXPECT_FALSE(newest(ned, "mentor_answer").is_null());
  EXPECT_EQ(audit_count("mentor_message_sent", "post", draft["id"]), 2);
  // The coach hears none of the private thread.
  auto coach_notes = as("cora").get("/api/v1/notifications?limit=100");
  EXPECT_EQ(coach_notes.body.find("Would this land"), std::string::npos);

  // A published practice post the mentor sees, until a moderator hides it.
  auto post = make_post(ned, "Practice post the mentor reads", "practice", "publish");
  const auto id = post["id"].get<long long>();
  const auto path = "/api/v1/posts/" + std::to_string(id);
  EXPECT_EQ(nia.get(path).status, 200);
  EXPECT_EQ(ids(nia.get("/api/v1/feed?space=practice&limit=100").json()).count(id), 1u);
  auto hide = mo.post(
      "/api/v1/moderation/actions",
      {{"target_type", "post"}, {"target_id", id}, {"action", "hide"}, {"reason", "Checking"}});
  ASSERT_EQ(hide.status, 201) << hide.body;
  EXPECT_EQ(nia.get(path).status, 404);
  EXPECT_EQ(nia.get(path + "/annotations").status, 404);
  EXPECT_EQ(nia.get(path + "/mentor-thread").status, 404);
  EXPECT_EQ(nia.post(path + "/annotations",
                     {{"start", 0}, {"end", 3}, {"category", "tone"}, {"comment", "x"}})
                .status,
            404);
  EXPECT_EQ(ids(nia.get("/api/v1/feed?space=practice&limit=100").json()).count(id), 0u);
  EXPECT_EQ(ids(nia.get(mentorship_path(m, "/posts?limit=100")).json()).count(id), 0u);
  EXPECT_EQ(ned.get(path).status, 200) << "the author still sees their hidden post";

  // Ending tells the other side.
  ASSERT_EQ(ned.del(mentorship_path(m)).status, 200);
  auto ended = newest(nia, "mentorship_ended");
  ASSERT_FALSE(ended.is_null());
  EXPECT_EQ(ended["target"]["id"], m["id"]);
  EXPECT_TRUE(newest(ned, "mentorship_ended").is_null()) << "who ends it is not told";
}

}  // namespace
}  // namespace greenroom::test
