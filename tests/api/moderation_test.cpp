// Moderation against the real server: reports, the queue, actions with reasons and their
// effect on every listing and count for each kind of reader, locked threads, who may act.
#include "moderation_fixture.hpp"

namespace greenroom::test {
namespace {

class ModerationTest : public ModerationApiTest {};

TEST_F(ModerationTest, ReportingTwiceUpdatesTheOneOpenReport) {
  auto max = as("max"), mia = as("mia"), mo = as("mo");
  auto post = make_post(max, "Quarterly numbers are in: revenue is up, churn is down.");
  auto first = report(mia, "post", id_of(post), "misleading", "Churn is not down.");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["report"]["reason"], "misleading");
  EXPECT_EQ(first.json()["report"]["comment"], "Churn is not down.");
  EXPECT_FALSE(first.json()["report"].contains("reporter"));

  auto again = report(mia, "post", id_of(post), "confidential", "Numbers are not public yet.");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["report"]["id"], first.json()["report"]["id"]);

  auto entry = queue_entry(mo, "post", id_of(post));
  ASSERT_FALSE(entry.is_null()) << mo.get("/api/v1/moderation/queue?limit=100").body;
  EXPECT_EQ(entry["report_count"], 1);
  ASSERT_EQ(entry["reports"].size(), 1u);
  EXPECT_EQ(entry["reports"][0]["reason"], "confidential");
  EXPECT_EQ(entry["reports"][0]["comment"], "Numbers are not public yet.");
  EXPECT_EQ(entry["reports"][0]["reporter"]["username"], "mia");
  EXPECT_EQ(entry["reasons"]["confidential"], 1);
  EXPECT_FALSE(entry["reasons"].contains("misleading"));
  EXPECT_EQ(entry["item"]["body"], post["body"]);
}

TEST_F(ModerationTest, ReportsNeedAVisibleItemAndValidInput) {
  auto mia = as("mia"), rui = as("rui"), evan = as("evan");
  auto practice = make_post(rui, "Practice: a warmer opening line.", "practice");
  EXPECT_EQ(report(mia, "post", id_of(practice), "other").status, 404);
  auto draft = make_post(evan, "Draft only.", "company", "draft");
  EXPECT_EQ(report(mia, "post", id_of(draft), "other").status, 404);
  EXPECT_EQ(report(mia, "post", 99999999, "other").status, 404);
  EXPECT_EQ(report(mia, "reply", 99999999, "other").status, 404);
  EXPECT_EQ(report(mia, "question", 1, "other").status, 404);  // questions come with the blog

  auto post = make_post(as("max"), "Lunch is on the third floor today.");
  auto bad = report(mia, "post", id_of(post), "rude");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(report(mia, "comment", id_of(post), "other").status, 400);
  EXPECT_EQ(report(mia, "post", id_of(post), "other", std::string(1001, 'x')).status, 400);
  EXPECT_EQ(mia.post("/api/v1/reports",
                     {{"target_type", "post"}, {"target_id", "7"}, {"reason", "other"}})
                .status,
            400);
  EXPECT_EQ(Client(port())
                .post("/api/v1/reports",
                      {{"target_type", "post"}, {"target_id", id_of(post)}, {"reason", "other"}})
                .status,
            401);
  // Bad input changed nothing.
  EXPECT_TRUE(queue_entry(as("mo"), "post", id_of(post)).is_null());
}

TEST_F(ModerationTest, QueueGroupsPerItemOldestOpenReportFirstWithCursorPaging) {
  auto max = as("max"), mia = as("mia"), cora = as("cora"), mo = as("mo");
  auto a = make_post(max, "Item A for the queue.");
  auto b = make_post(max, "Item B for the queue.");
  auto reply = add_reply(mia, b, "A reply that gets reported.");
  ASSERT_EQ(report(mia, "post", id_of(a), "harassment", "Not kind.").status, 201);
  ASSERT_EQ(report(cora, "reply", id_of(reply), "other").status, 201);
  ASSERT_EQ(report(cora, "post", id_of(a), "harassment").status, 201);
  ASSERT_EQ(report(as("wren"), "post", id_of(a), "misleading").status, 201);

  auto items = mo.get("/api/v1/moderation/queue?limit=100").json()["items"];
  long pos_a = -1, pos_reply = -1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i]["target_type"] == "post" && items[i]["target_id"] == id_of(a)) pos_a = long(i);
    if (items[i]["target_type"] == "reply" && items[i]["target_id"] == id_of(reply))
      pos_reply = long(i);
  }
  ASSERT_GE(pos_a, 0);
  ASSERT_GE(pos_reply, 0);
  EXPECT_LT(pos_a, pos_reply);  // A's first report came first
  const auto& ka = items[static_cast<std::size_t>(pos_a)];
  EXPECT_EQ(ka["report_count"], 3);
  EXPECT_EQ(ka["reasons"]["harassment"], 2);
  EXPECT_EQ(ka["reasons"]["misleading"], 1);
  EXPECT_EQ(ka["reports"][0]["comment"], "Not kind.");
  // A reply comes with the post it answers.
  const auto& kr = items[static_cast<std::size_t>(pos_reply)];
  EXPECT_EQ(kr["item"]["body"], "A reply that gets reported.");
  EXPECT_EQ(kr["post"]["id"], id_of(b));
  // Oldest first throughout.
  for (std::size_t i = 1; i < items.size(); ++i)
    EXPECT_LE(items[i - 1]["first_reported_at"].get<std::string>(),
              items[i]["first_reported_at"].get<std::string>());

  // Paging: one per page walks the same items in the same order.
  std::vector<std::pair<std::string, long long>> paged;
  std::string cursor;
  for (int guard = 0; guard < 200; ++guard) {
    auto page =
        mo.get("/api/v1/moderation/queue?limit=1" + (cursor.empty() ? "" : "&before=" + cursor))
            .json();
    for (const auto& k : page["items"]) paged.emplace_back(k["target_type"], k["target_id"]);
    if (page["next"].is_null()) break;
    cursor = page["next"];
  }
  ASSERT_EQ(paged.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    EXPECT_EQ(paged[i].second, items[i]["target_id"].get<long long>());
  EXPECT_EQ(mo.get("/api/v1/moderation/queue?before=nonsense").status, 400);
}

TEST_F(ModerationTest, HideRemoveAndRestoreAPostForEveryKindOfReader) {
  auto max = as("max"), mia = as("mia"), cora = as("cora"), mo = as("mo"), ada = as("ada");
  auto post = make_post(max, "A post that will be hidden, removed and restored.");
  const auto id = id_of(post);
  ASSERT_EQ(act(mo, "post", id, "hide", "Off-topic for the company feed.").status, 201);

  EXPECT_FALSE(feed_ids(mia).count(id));
  EXPECT_FALSE(feed_ids(max).count(id));
  EXPECT_FALSE(feed_ids(mo).count(id));
  EXPECT_EQ(mia.get(path_of(post)).status, 404);
  EXPECT_EQ(cora.get(path_of(post)).status, 404);
  EXPECT_EQ(mia.put(path_of(post, "/like")).status, 404);
  EXPECT_EQ(mia.post(path_of(post, "/replies"), {{"body", "hello?"}}).status, 404);
  auto own = max.get(path_of(post));
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["post"]["state"], "hidden");
  EXPECT_EQ(own.json()["post"]["moderation_reason"], "Off-topic for the company feed.");
  EXPECT_TRUE(own_post_ids(max).count(id));
  EXPECT_EQ(mo.get(path_of(post)).json()["post"]["state"], "hidden");
  EXPECT_EQ(ada.get(path_of(post)).status, 200);

  ASSERT_EQ(act(mo, "post", id, "remove", "Repeats a confidential figure.").status, 201);
  EXPECT_EQ(max.get(path_of(post)).status, 404);
  EXPECT_FALSE(own_post_ids(max).count(id));
  EXPECT_EQ(mo.get(path_of(post)).json()["post"]["state"], "removed");

  ASSERT_EQ(act(mo, "post", id, "restore", "The figure was public after all.").status, 201);
  EXPECT_TRUE(feed_ids(mia).count(id));
  auto back = mia.get(path_of(post));
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.json()["post"]["state"], "published");
  EXPECT_TRUE(back.json()["post"]["moderation_reason"].is_null());

  // Transitions that do not apply are refused and change nothing.
  auto again = act(mo, "post", id, "restore", "Twice.");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "invalid_transition");
}

TEST_F(ModerationTest, HidingAReplyDropsItFromListsAndCountsUntilRestored) {
  auto max = as("max"), mia = as("mia"), cora = as("cora"), mo = as("mo"), rui = as("rui");
  auto post = make_post(max, "Thread with replies.");
  add_reply(cora, post, "First reply.");
  auto bad = add_reply(mia, post, "A reply that crosses a line.");
  ASSERT_EQ(mia.get(path_of(post)).json()["post"]["reply_count"], 2);

  ASSERT_EQ(act(mo, "reply", id_of(bad), "hide", "Personal remark about a colleague.").status, 201);
  auto ids_for = [&](const Client& c) {
    std::set<long long> ids;
    const auto page_json = c.get(path_of(post)).json();
    for (const auto& r : page_json["replies"]) ids.insert(r["id"].get<long long>());
    return ids;
  };
  for (const auto* reader : {&max, &cora, &rui}) {
    auto got = reader->get(path_of(post)).json();
    EXPECT_EQ(got["post"]["reply_count"], 1);
    EXPECT_FALSE(ids_for(*reader).count(id_of(bad)));
  }
  bool found = false;
  const auto page_json = mia.get("/api/v1/feed?limit=100").json();
  for (const auto& feed_post : page_json["items"])
    if (feed_post["id"] == id_of(post)) {
      found = true;
      EXPECT_EQ(feed_post["reply_count"], 1);
    }
  EXPECT_TRUE(found);
  // The author sees it marked hidden with the reason; moderators see it too.
  const auto thread_json = mia.get(path_of(post)).json();
  for (const auto& r : thread_json["replies"])
    if (r["id"] == id_of(bad)) {
      EXPECT_EQ(r["state"], "hidden");
      EXPECT_EQ(r["moderation_reason"], "Personal remark about a colleague.");
    }
  EXPECT_TRUE(ids_for(mia).count(id_of(bad)));
  EXPECT_TRUE(ids_for(mo).count(id_of(bad)));
  // Removed: gone for its author too, count unchanged.
  ASSERT_EQ(act(mo, "reply", id_of(bad), "remove", "Second complaint.").status, 201);
  EXPECT_FALSE(ids_for(mia).count(id_of(bad)));
  EXPECT_EQ(max.get(path_of(post)).json()["post"]["reply_count"], 1);
  EXPECT_EQ(report(max, "reply", id_of(bad), "other").status, 404);

  ASSERT_EQ(act(mo, "reply", id_of(bad), "restore", "Apology made.").status, 201);
  EXPECT_EQ(max.get(path_of(post)).json()["post"]["reply_count"], 2);
  EXPECT_TRUE(ids_for(max).count(id_of(bad)));
}

TEST_F(ModerationTest, ALockedThreadRefusesNewRepliesUntilUnlocked) {
  auto max = as("max"), mia = as("mia"), mo = as("mo");
  auto post = make_post(max, "A thread that gets heated.");
  auto before = add_reply(mia, post, "Before the lock.");
  ASSERT_EQ(act(mo, "post", id_of(post), "lock", "Going in circles.").status, 201);
  auto got = mia.get(path_of(post)).json();
  EXPECT_TRUE(got["post"]["locked"].get<bool>());
  EXPECT_EQ(got["replies"].size(), 1u);  // still readable
  auto refused = mia.post(path_of(post, "/replies"), {{"body", "After the lock."}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.error_code(), "thread_locked");
  EXPECT_EQ(max.post(path_of(post, "/replies"), {{"body", "Author too."}}).status, 409);
  EXPECT_EQ(mia.put(path_of(post, "/like")).status, 200);  // likes are not replies
  EXPECT_EQ(act(mo, "post", id_of(post), "lock", "Again.").status, 409);
  EXPECT_EQ(act(mo, "reply", id_of(before), "lock", "A reply is no thread.").status, 400);
  ASSERT_EQ(act(mo, "post", id_of(post), "unlock", "Cooled down.").status, 201);
  EXPECT_FALSE(mia.get(path_of(post)).json()["post"]["locked"].get<bool>());
  EXPECT_EQ(mia.post(path_of(post, "/replies"), {{"body", "After the unlock."}}).status, 201);
}

TEST_F(ModerationTest, EveryActionNeedsAReason) {
  auto mo = as("mo");
  auto post = make_post(as("max"), "Reasons are required.");
  auto missing = mo.post("/api/v1/moderation/actions",
                         {{"target_type", "post"}, {"target_id", id_of(post)}, {"action", "hide"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_code(), "reason_required");
  EXPECT_EQ(act(mo, "post", id_of(post), "hide", "").error_code(), "reason_required");
  EXPECT_EQ(act(mo, "post", id_of(post), "hide", "   ").error_code(), "reason_required");
  EXPECT_EQ(act(mo, "post", id_of(post), "hide", std::string(501, 'r')).status, 400);
  EXPECT_EQ(act(mo, "post", id_of(post), "obliterate", "Because.").status, 400);
  EXPECT_EQ(act(mo, "post", id_of(post), "hide", std::string(500, 'r')).status, 201);
  EXPECT_EQ(audit_of("post", id_of(post)).size(), 2u);  // created, hidden: nothing for refusals
}

TEST_F(ModerationTest, ModeratorsCannotActOnTheirOwnContent) {
  auto mo = as("mo"), mia = as("mia");
  auto own = make_post(mo, "A moderator's own post.");
  ASSERT_EQ(report(mia, "post", id_of(own), "other").status, 201);
  for (const auto* action : {"hide", "remove", "lock", "dismiss"}) {
    auto r = act(mo, "post", id_of(own), action, "Trying to act on my own post.");
    EXPECT_EQ(r.status, 403) << action;
    EXPECT_EQ(r.error_code(), "own_content") << action;
  }
  EXPECT_TRUE(queue_entry(mo, "post", id_of(own))["own_content"].get<bool>());
  // Another moderator (an admin) may.
  EXPECT_EQ(act(as("ada"), "post", id_of(own), "dismiss", "Nothing wrong here.").status, 201);
}

TEST_F(ModerationTest, OnlyModeratorsAndAdminsReachTheQueueActionsAndAudit) {
  auto post = make_post(as("max"), "Who may moderate.");
  for (const auto* name : {"mia", "cora", "evan", "rui"}) {
    auto c = as(name);
    EXPECT_EQ(c.get("/api/v1/moderation/queue").status, 403) << name;
    EXPECT_EQ(act(c, "post", id_of(post), "hide", "Not mine to do.").status, 403) << name;
    EXPECT_EQ(c.get("/api/v1/audit").status, 403) << name;
    EXPECT_EQ(c.get("/api/v1/audit/export").status, 403) << name;
  }
  EXPECT_EQ(as("mo").get("/api/v1/audit/export").status, 403);
  EXPECT_EQ(as("mo").get("/api/v1/moderation/queue").status, 200);
  EXPECT_EQ(as("mo").get("/api/v1/audit").status, 200);
  EXPECT_EQ(as("ada").get("/api/v1/moderation/queue").status, 200);
  Client anonymous(port());
  EXPECT_EQ(anonymous.get("/api/v1/moderation/queue").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/audit").status, 401);
  EXPECT_EQ(feed_ids(as("mia")).count(id_of(post)), 1u);  // nothing happened to it
}

TEST_F(ModerationTest, EveryActionWritesExactlyOneAuditEntry) {
  auto mo = as("mo"), mia = as("mia");
  auto post = make_post(as("max"), "Audited from start to finish.");
  const auto id = id_of(post);
  ASSERT_EQ(report(mia, "post", id, "other", "Check this.").status, 201);
  const std::vector<std::pair<std::string, std::string>> steps{
      {"lock", "Pause."},   {"unlock", "Resume."}, {"hide", "Hide it."},
      {"restore", "Back."}, {"remove", "Gone."},   {"restore", "Back again."}};
  auto before = audit_of("post", id).size();
  for (const auto& [action, reason] : steps) {
    ASSERT_EQ(act(mo, "post", id, action, reason).status, 201) << action;
    auto entries = audit_of("post", id);
    ASSERT_EQ(entries.size(), before + 1) << action;
    EXPECT_EQ(entries[0]["action"], "moderation_" + action);
    EXPECT_EQ(entries[0]["reason"], reason);
    EXPECT_EQ(entries[0]["actor"]["username"], "mo");
    EXPECT_EQ(entries[0]["client"], "127.0.0.1");
    before = entries.size();
  }
  ASSERT_EQ(report(mia, "post", id, "other").status, 201);
  before = audit_of("post", id).size();
  ASSERT_EQ(act(mo, "post", id, "dismiss", "Reviewed; fine.").status, 201);
  EXPECT_EQ(audit_of("post", id).size(), before + 1);
}

TEST_F(ModerationTest, AuthorsHearTheReasonAndReportersTheOutcomeButNotWho) {
  auto max = as("max"), mia = as("mia"), mo = as("mo"), cora = as("cora");
  auto post = make_post(max, "Notifications about moderation.");
  ASSERT_EQ(report(mia, "post", id_of(post), "harassment").status, 201);
  ASSERT_EQ(report(cora, "post", id_of(post), "harassment").status, 201);
  ASSERT_EQ(act(mo, "post", id_of(post), "hide", "Unkind about a named colleague.").status, 201);

  auto author = notifications(max);
  ASSERT_FALSE(author.empty());
  EXPECT_EQ(author[0]["kind"], "moderation_action");
  EXPECT_NE(author[0]["message"].get<std::string>().find("Unkind about a named colleague."),
            std::string::npos);
  for (const auto* reporter : {&mia, &cora}) {
    auto list = notifications(*reporter);
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0]["kind"], "report_resolved");
    const auto msg = list[0]["message"].get<std::string>();
    EXPECT_NE(msg.find("took action"), std::string::npos);
    EXPECT_EQ(msg.find("Mo"), std::string::npos);
    EXPECT_EQ(msg.find("mo "), std::string::npos);
  }
  EXPECT_TRUE(queue_entry(mo, "post", id_of(post)).is_null());  // the case is closed

  // Dismissed reports tell the reporter no action was taken.
  auto other = make_post(max, "A harmless post.");
  ASSERT_EQ(report(mia, "post", id_of(other), "misleading").status, 201);
  ASSERT_EQ(act(mo, "post", id_of(other), "dismiss", "Accurate.").status, 201);
  EXPECT_NE(notifications(mia)[0]["message"].get<std::string>().find("no action"),
            std::string::npos);
  auto twice = act(mo, "post", id_of(other), "dismiss", "Accurate.");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error_code(), "no_open_reports");
}

TEST_F(ModerationTest, ModeratorsHearOfTheFirstReportAndWhenAnItemPassesThree) {
  auto mo = as("mo");
  auto post = make_post(as("max"), "A post many people report.");
  auto count_for = [&](const std::string& kind) {
    int n = 0;
    for (const auto& note : notifications(mo))
      if (note["kind"] == kind && note["post_id"] == id_of(post)) ++n;
    return n;
  };
  ASSERT_EQ(report(as("mia"), "post", id_of(post), "other").status, 201);
  EXPECT_EQ(count_for("item_reported"), 1);
  ASSERT_EQ(report(as("cora"), "post", id_of(post), "other").status, 201);
  ASSERT_EQ(report(as("wren"), "post", id_of(post), "other").status, 201);
  EXPECT_EQ(count_for("item_reported"), 1);
  EXPECT_EQ(count_for("item_reported_often"), 0);
  ASSERT_EQ(report(as("rui"), "post", id_of(post), "other").status, 201);
  EXPECT_EQ(count_for("item_reported_often"), 1);
  ASSERT_EQ(report(as("cole"), "post", id_of(post), "other").status, 201);
  EXPECT_EQ(count_for("item_reported_often"), 1);
}

TEST_F(ModerationTest, NotificationsNeverLinkToWhatTheReaderCannotSee) {
  auto rui = as("rui"), cora = as("cora"), mo = as("mo");
  auto post = make_post(rui, "Run-level post that gets removed.", "company");
  ASSERT_EQ(report(cora, "post", id_of(post), "other").status, 201);
  auto links_to_post = [&](const Client& c) {
    for (const auto& n : notifications(c))
      if (n["post_id"] == id_of(post)) return true;
    return false;
  };
  EXPECT_TRUE(links_to_post(mo));
  ASSERT_EQ(act(as("ada"), "post", id_of(post), "remove", "Policy breach.").status, 201);
  EXPECT_TRUE(links_to_post(mo));  // moderators still see the removed post
  // Its author is told, with the reason, but the notice no longer links to the post.
  auto notes = notifications(rui);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0]["kind"], "moderation_action");
  EXPECT_NE(notes[0]["message"].get<std::string>().find("Policy breach."), std::string::npos);
  EXPECT_FALSE(links_to_post(rui));
}

}  // namespace
}  // namespace greenroom::test
