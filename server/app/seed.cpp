// greenroom seed-demo: demo users for every role and a believable company feed.
#include <array>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "api/credentials.hpp"
#include "api/references.hpp"
#include "app/commands.hpp"
#include "app/seed_analytics.hpp"
#include "app/seed_blog.hpp"
#include "app/seed_drills.hpp"
#include "app/seed_evidence.hpp"
#include "app/seed_moderation.hpp"
#include "app/seed_reading.hpp"
#include "app/seed_social.hpp"
#include "domain/anchoring.hpp"
#include "store/annotation_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/data_dir.hpp"
#include "store/mentorship_repository.hpp"
#include "store/migrations.hpp"
#include "store/post_repository.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::app {

namespace {

constexpr std::string_view kDemoPassword = "practice-makes-perfect";

struct DemoUser {
  std::string_view username, display_name, role, level;
};

constexpr std::array<DemoUser, 12> kUsers{{
    {"ada", "Ada Admin", "admin", ""},
    {"mo", "Mo Moderator", "moderator", ""},
    {"cora", "Cora Coach", "coach", ""},
    {"evan", "Evan Exec", "executive", "crawl"},
    {"wren", "Wren Walker", "executive", "walk"},
    {"rui", "Rui Runner", "executive", "run"},
    {"mia", "Mia Member", "member", ""},
    {"dana", "Dana Whitfield (CEO)", "executive", "run"},
    {"sam", "Sam Patel", "member", ""},
    {"priya", "Priya Raman", "member", ""},
    {"lee", "Lee Okafor", "member", ""},
    {"jordan", "Jordan Kim", "member", ""},
}};

constexpr std::array<std::string_view, 36> kCompanyPosts{{
    "Huge thanks to the logistics team for getting the Rotterdam shipment out two days early. "
    "That is what #customer-obsession looks like.",
    "Reminder: the all-hands moves to Thursday 10:00 this week. Questions welcome in advance!",
    "Our new #onboarding buddy programme starts Monday. If you joined in the last six months, "
    "tell @mia what you wish you had known in week one.",
    "Spent the morning with the support team listening to calls. Three things I learned: "
    "customers want fewer steps, clearer invoices, and a human when it matters.",
    "Proud of the accessibility work shipped this sprint: keyboard navigation across the "
    "whole checkout flow.",
    "Coffee machine on floor 3 is fixed. Facilities are heroes. #floor3",
    "We are piloting four-day focus weeks in two teams this quarter. We will share what we "
    "learn, good and bad.",
    "Congratulations to Priya on ten years with us. Ten years of making hard things look easy.",
    "The quarterly engagement survey closes Friday. It is anonymous, and we read every comment.",
    "Great turnout at the lunch-and-learn on data privacy. Slides are on the intranet.",
    "Welcome to the eleven new graduates who started today! Say hello if you see a new face.",
    "Our sustainability report is out: a 14% cut in travel emissions year on year.",
    "What is one process you would delete tomorrow if you could? Reply here, I am listening.",
    "The volunteering day raised enough to fund two after-school coding clubs. Thank you all.",
    "Security reminder: we will never ask for your password by email. Report anything odd.",
    "Shout-out to the finance team for closing the books in record time this quarter.",
    "Mentoring circles are open for sign-up. Mentors and mentees both wanted.",
    "Visited the Leeds office today. The energy there is fantastic, and the biscuits better.",
    "Customer NPS is up six points since we simplified the returns process. Small changes add up.",
    "Reading list for the holidays: three books that changed how I think about teams.",
    "The new expense tool goes live next week; training sessions are in the calendar.",
    "We are hiring for twelve roles in engineering. Referrals are the best hires we make.",
    "Parents network meet-up on Wednesday: flexible working and what actually helps.",
    "Our product team just passed 1,000 customer interviews this year. Listening at scale.",
    "Thank you to everyone who covered shifts during the storm last week.",
    "The office will be closed on the 26th. Enjoy the long weekend!",
    "Quick poll: should the town hall Q&A be live-only or also collected in advance?",
    "Celebrating the launch of our partner portal. Months of work by a cross-functional crew.",
    "A customer wrote to thank Jordan by name for sorting out a billing mess. That letter "
    "made my week.",
    "Learning budget reminder: everyone has one, few use it. Please use it.",
    "Wellbeing week starts Monday: walking meetings encouraged.",
    "We passed our ISO 27001 surveillance audit with zero major findings. Well done all.",
    "Inclusive language guide v2 is published. Feedback is welcome in the comments.",
    "Our apprentices presented their capstone projects today. The bar keeps rising.",
    "Town hall recording is up for those in other time zones.",
    "Three years ago we set out to halve response times. Today we did it. Thank you.",
}};

constexpr std::array<std::string_view, 10> kReplies{{
    "Love this, thank you for sharing.",
    "Great news! Well deserved.",
    "Could we get the slides as well?",
    "This made my morning.",
    "Count me in.",
    "Thanks for the reminder.",
    "Really proud to be part of this team.",
    "Agreed, this is a big deal for customers.",
    "Any chance of a recording for the Singapore office?",
    "Brilliant work, everyone involved.",
}};

// Reverse mentoring: two digital champions; Priya mentors Wren, who shared a draft with her
// and asked her a question; Priya left notes on the exact words.
void seed_mentoring(store::Connection& conn, std::int64_t ada, std::int64_t cora, std::int64_t wren,
                    std::int64_t priya, std::int64_t sam, domain::Millis now) {
  const auto hour = 3600000LL;
  store::ChampionRepository::upsert(conn, priya, "LinkedIn, short video", ada, now - 200 * hour);
  store::ChampionRepository::upsert(conn, sam, "Internal comms, podcasts", cora, now - 190 * hour);
  auto pairing = store::MentorshipRepository::insert(conn, wren, priya, wren, now - 120 * hour);
  store::MentorshipRepository::set_state(conn, pairing, domain::MentorshipState::active, priya,
                                         now - 118 * hour);
  const std::string draft =
      "Big milestone this week: our hybrid working pilot is now live in three offices. "
      "Proud of the team. Tell me what works and what does not.";
  auto shared = store::PostRepository::insert(
      conn, {wren, domain::Space::practice, domain::PostState::draft, draft}, now - 6 * hour);
  store::PostRepository::set_share_with_mentor(conn, shared, true, now - 6 * hour);
  auto note = [&](std::string_view words, const char* category, const char* comment,
                  std::optional<std::string> suggestion) {
    const auto start = draft.find(words);
    auto anchor = domain::make_anchor(draft, start, start + words.size());
    auto aid = store::AnnotationRepository::insert(
        conn, {shared, 1, priya, category, comment, std::move(suggestion), *anchor, "mentor"},
        now - 5 * hour);
    store::NotificationRepository::insert(conn,
                                          {wren, "mentor_note",
                                           "Priya Raman, your reverse mentor, left a note on \"" +
                                               anchor->exact + "\" (" + category + ")",
                                           shared, aid, std::nullopt},
                                          now - 5 * hour);
  };
  note("Big milestone this week", "tone",
       "On LinkedIn a question or a short clip from an office opens better than an announcement.",
       std::string("Walked through our Leeds office today"));
  note("Tell me what works and what does not.", "praise",
       "Asking for honest feedback is exactly what works; people will reply to this.",
       std::nullopt);
  store::MentorshipRepository::add_message(conn, shared, priya, wren,
                                           "Would this land with your team, or does it sound "
                                           "like HR?",
                                           now - 4 * hour);
  store::MentorshipRepository::add_message(
      conn, shared, priya, priya, "It lands. Add one photo from an office and it will fly.",
      now - 3 * hour);
}

}  // namespace

int seed_demo_command(const Config& cfg, std::ostream& out) {
  store::secure_data_dir(cfg.data_dir, cfg.database_path());
  store::Connection conn(cfg.database_path(), store::Connection::Mode::read_write);
  store::migrate(conn);
  const bool present = store::UserRepository::find_by_username(conn, "ada").has_value();
  if (!present) {
    const api::Argon2Params argon2{cfg.argon2_t_cost, cfg.argon2_memory_kib,
                                   cfg.argon2_parallelism};
    store::Transaction tx(conn);
    const auto now = domain::now_millis();
    std::vector<std::int64_t> ids;
    for (const auto& u : kUsers) {
      std::optional<domain::Level> level;
      if (!u.level.empty()) level = domain::parse_level(u.level);
      ids.push_back(store::UserRepository::insert(
          conn,
          {std::string(u.username), std::string(u.display_name), *domain::parse_role(u.role), level,
           api::hash_password(kDemoPassword, argon2)},
          now - 40LL * 86400000));
    }
    auto id_of = [&](std::string_view name) {
      for (std::size_t i = 0; i < kUsers.size(); ++i)
        if (kUsers[i].username == name) return ids[i];
      return std::int64_t{0};
    };
    const auto cora = id_of("cora");
    for (auto exec : {"evan", "wren", "rui", "dana"})
      store::UserRepository::assign_coach(conn, cora, id_of(exec), now);
    // Evan's twelve weeks of coaching history first, so his current posts stay on top of
    // "My posts" (newest id first).
    seed_coaching_evidence(conn, id_of, now);

    // Company posts spread over the last twelve days, oldest first.
    const std::array<std::string_view, 7> authors{"dana", "rui",    "sam", "priya",
                                                  "lee",  "jordan", "mia"};
    const auto step = 12LL * 86400000 / static_cast<long long>(kCompanyPosts.size());
    for (std::size_t i = 0; i < kCompanyPosts.size(); ++i) {
      const auto at = now - 12LL * 86400000 + static_cast<long long>(i) * step;
      auto author = id_of(authors[i % authors.size()]);
      auto pid = store::PostRepository::insert(
          conn,
          {author, domain::Space::company, domain::PostState::published,
           std::string(kCompanyPosts[i])},
          at);
      for (std::size_t k = 0; k < (i * 7) % 4; ++k) {
        auto replier = ids[(i + k + 6) % ids.size()];
        store::PostRepository::add_reply(conn, pid, replier, kReplies[(i + k) % kReplies.size()],
                                         at + static_cast<long long>(k + 1) * 600000);
      }
      for (std::size_t k = 0; k < (i * 5) % 9; ++k)
        store::PostRepository::like(conn, pid, ids[(i + k) % ids.size()], at + 60000);
      // Rui (Run) corrected the time of the all-hands after publishing: marked "edited".
      if (i == 1)
        store::PostRepository::correct(
            conn, pid,
            "Reminder: the all-hands moves to Thursday 10:30 this week. Questions welcome in "
            "advance!",
            at + 1800000);
      // Mentions and topics stored as the server would on saving (no notices for old posts).
      if (auto saved = store::PostRepository::find(conn, pid, 0))
        api::save_references(conn, *saved, nullptr, saved->author.display_name, false);
    }
    // The practice space and the review pipeline.
    store::PostRepository::insert(
        conn,
        {id_of("wren"), domain::Space::practice, domain::PostState::published,
         "Trying a warmer tone: what small win from this week are you proud of?"},
        now - 3600000);
    store::PostRepository::insert(
        conn,
        {id_of("rui"), domain::Space::practice, domain::PostState::published,
         "Draft idea for Monday: three lessons from our first customer advisory board."},
        now - 7200000);
    store::PostRepository::insert(
        conn,
        {id_of("evan"), domain::Space::company, domain::PostState::draft,
         "Excited to announce our Q3 results are in and they are AMAZING!!"},
        now - 1800000);
    const auto evan = id_of("evan");
    auto waiting = store::PostRepository::insert(
        conn,
        {evan, domain::Space::company, domain::PostState::in_review,
         "Thank you to the operations team for a smooth quarter close. Your care shows."},
        now - 900000);
    store::NotificationRepository::insert(conn,
                                          {cora, "submission_waiting",
                                           "Evan Exec submitted a post for review: \"Thank you to "
                                           "the operations team for a smooth…\"",
                                           waiting, std::nullopt, std::nullopt},
                                          now - 900000);

    // A post that came back with changes requested: annotations on exact words, a review.
    const std::string revise =
        "We are thrilled to announce that our team crushed the competition this quarter. "
        "Huge thanks to everyone who worked late nights to make it happen!";
    auto back = store::PostRepository::insert(
        conn, {evan, domain::Space::company, domain::PostState::in_review, revise}, now - 86400000);
    auto note = [&](std::size_t start, std::size_t len, const char* category, const char* comment,
                    std::optional<std::string> suggestion) {
      auto anchor = domain::make_anchor(revise, start, start + len);
      auto aid = store::AnnotationRepository::insert(
          conn, {back, 1, cora, category, comment, std::move(suggestion), *anchor}, now - 80000000);
      store::NotificationRepository::insert(
          conn,
          {evan, "new_annotation",
           "Cora Coach annotated \"" + anchor->exact + "\" (" + category + ")", back, aid,
           std::nullopt},
          now - 80000000);
    };
    note(revise.find("crushed the competition"), 23, "tone",
         "Sounds combative for an internal audience; focus on what the team achieved.",
         std::string("delivered for our customers"));
    note(revise.find("worked late nights"), 18, "risk",
         "Celebrating late nights can read as endorsing overwork.",
         std::string("went the extra mile"));
    note(revise.find("Huge thanks"), 11, "praise", "Warm and personal; keep this.", std::nullopt);
    store::ReviewRepository::insert(conn, back, 1, cora, "changes_requested",
                                    "Good energy. Let's make it about customers, not rivals.",
                                    {3, 2, 3, 4}, now - 79000000);
    store::PostRepository::set_state(conn, back, domain::PostState::changes_requested,
                                     now - 79000000);
    store::NotificationRepository::insert(
        conn,
        {evan, "verdict_given", "Cora Coach asked for changes to \"We are thrilled to announce…\"",
         back, std::nullopt, std::nullopt},
        now - 79000000);

    // A Crawl executive's company reply, held for the coach: in Cora's review queue with the
    // post it answers, seen by Evan (marked "waiting for your coach") and Cora only.
    {
      const auto last_company = store::PostRepository::feed(conn, {}).items.front().id;
      const std::string held_text =
          "Great point. I will share how my team handled this in our next all-hands.";
      store::PostRepository::add_reply(conn, last_company, evan, held_text, now - 600000,
                                       domain::ReplyReview::in_review);
      store::NotificationRepository::insert(
          conn,
          {cora, "submission_waiting",
           "Evan Exec replied in the company space; the reply waits for your review: \"Great "
           "point. I will share how my team handled…\"",
           last_company, std::nullopt, std::nullopt},
          now - 600000);
    }
    // Approved by the coach; the leader scheduled it for tomorrow morning (My posts).
    auto approved = store::PostRepository::insert(
        conn,
        {evan, domain::Space::company, domain::PostState::in_review,
         "Town hall next Tuesday: I will share where we are on the new office plans and take "
         "every question."},
        now - 7200000);
    store::ReviewRepository::insert(conn, approved, 1, cora, "approve", "Clear and open. Ship it.",
                                    {5, 4, 5, 5}, now - 5400000);
    store::PostRepository::set_state(conn, approved, domain::PostState::approved, now - 5400000);
    store::PostRepository::schedule(conn, approved, now + 86400000);

    // Goals with deadlines, progress counted from real activity.
    const auto day = 86400000LL;
    store::GoalRepository::insert(
        conn,
        {evan, cora, "Publish 3 posts in the company space", domain::GoalMetric::company_posts, 3,
         domain::GoalTerm::short_term, now + 3 * day},
        now - 2 * day);
    store::GoalRepository::insert(
        conn,
        {evan, cora, "Reply to 10 colleagues this month", domain::GoalMetric::replies, 10,
         domain::GoalTerm::mid_term, now + 20 * day},
        now - 5 * day);
    store::GoalRepository::insert(
        conn,
        {id_of("wren"), cora, "Practise 5 posts before going company-wide",
         domain::GoalMetric::practice_posts, 5, domain::GoalTerm::short_term, now + day},
        now - 6 * day);
    store::GoalRepository::insert(
        conn,
        {id_of("rui"), cora, "Earn 25 likes on company posts", domain::GoalMetric::likes_received,
         25, domain::GoalTerm::long_term, now + 60 * day},
        now - 12 * day);
    seed_mentoring(conn, id_of("ada"), id_of("cora"), id_of("wren"), id_of("priya"), id_of("sam"),
                   now);
    // Ada is also signed in on her phone, so the Security screen lists more than one session.
    const auto phone = api::sha256_bytes(api::random_token());
    store::SessionRepository::insert(conn, phone, id_of("ada"), now - 2 * day, now + 5 * day);
    store::SessionRepository::describe(
        conn, phone, api::random_token(16),
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "192.0.2.15", now - 2 * day);

    seed_moderation(conn, id_of, now);
    seed_analytics_history(conn, id_of, now);
    seed_blog(conn, id_of, now);
    seed_social(conn, id_of, now);
    seed_reading(conn, id_of, now);
    seed_drills(conn, id_of, now);
    tx.commit();
  }
  out << (present ? "demo data already present" : "seeded demo data") << " in "
      << cfg.database_path() << "\n\nDemo logins (password for all: " << kDemoPassword << ")\n";
  for (const auto& u : kUsers) {
    out << "  " << u.username;
    for (std::size_t pad = u.username.size(); pad < 8; ++pad) out << ' ';
    out << u.role << (u.level.empty() ? "" : " (" + std::string(u.level) + ")") << "  "
        << u.display_name << "\n";
  }
  return 0;
}

}  // namespace greenroom::app
