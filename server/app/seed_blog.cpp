#include "app/seed_blog.hpp"

#include <array>
#include <string>
#include <vector>

#include "domain/markdown.hpp"
#include "store/blog_repository.hpp"
#include "store/moderation_repository.hpp"
#include "store/post_repository.hpp"
#include "store/question_repository.hpp"

namespace greenroom::app {

namespace {

constexpr domain::Millis kHour = 3600000, kDay = 24 * kHour;

struct DemoQuestion {
  std::string_view asker;
  bool anonymous;
  std::string_view topic;
  std::string_view body;
  int days_ago;              // asked
  int answer_after_hours;    // 0: not answered
  std::string_view answer;   // Markdown; "" with a decline reason: declined
  std::string_view decline;  // the reason, when declined
  std::array<std::string_view, 4> voters;
};

constexpr std::array<DemoQuestion, 9> kQuestions{{
    {"sam",
     false,
     "office",
     "Will the Leeds office stay open after the lease ends next year?",
     40,
     20,
     "Yes. We signed a **five-year** extension last month. The second floor becomes a "
     "project space; details are in the [facilities plan](/posts/1).",
     "",
     {"priya", "lee", "jordan", "mia"}},
    {"priya",
     true,
     "pay",
     "Is the pay review still happening in April, given the results?",
     33,
     46,
     "It is. The budget is set and managers get their guidance on **1 March**.\n\n"
     "- Everyone gets a conversation, not just a letter\n- Bands are published on the intranet",
     "",
     {"sam", "lee", "jordan", "mia"}},
    {"lee",
     false,
     "hybrid work",
     "Why do we need three office days when teams work fine remotely?",
     25,
     70,
     "Fair challenge. We looked at the data: new joiners ramp up ~30% faster with regular "
     "in-person time. We will review the rule with the engagement survey results in June.",
     "",
     {"sam", "priya", "mia", ""}},
    {"jordan",
     true,
     "strategy",
     "Are we planning to sell the logistics business?",
     18,
     0,
     "",
     "I can't comment on market rumours, and I won't pretend otherwise. When there is "
     "something to share, you will hear it here first.",
     {"sam", "lee", "", ""}},
    {"mia",
     false,
     "culture",
     "Could the all-hands be recorded for people in other time zones?",
     12,
     6,
     "Great idea - ~~we can't~~ we **will**. Recordings start next month.",
     "",
     {"priya", "", "", ""}},
    {"sam",
     true,
     "hybrid work",
     "Will the four-day focus week pilot be extended to support?",
     9,
     0,
     "",
     "",
     {"priya", "lee", "jordan", "mia"}},
    {"priya",
     false,
     "strategy",
     "What does the new pricing model mean for our biggest customers?",
     4,
     0,
     "",
     "",
     {"sam", "lee", "", ""}},
    {"lee",
     true,
     "pay",
     "Is there a plan to close the gender pay gap in engineering?",
     2,
     0,
     "",
     "",
     {"priya", "mia", "jordan", ""}},
    {"jordan",
     false,
     "culture",
     "Which charity will we support this winter?",
     1,
     0,
     "",
     "",
     {"mia", "", "", ""}},
}};

constexpr std::array<std::string_view, 2> kArticles{{
    "# Why I started this blog\n\nI want to hear the questions you ask each other at the coffee "
    "machine. Ask anything, **named or anonymously**. My promise: an answer within 7 days, or "
    "a straight explanation of why I can't.\n\n> Don't ask for questions unless you are really "
    "prepared to answer them.\n\nThat is the standard I am holding myself to.",
    "# Our year in numbers\n\n| Area | 2025 | 2026 |\n| --- | ---: | ---: |\n| Customers | "
    "1,840 | 2,310 |\n| Net promoter score | 31 | 42 |\n| People | 612 | 688 |\n\nThe "
    "numbers are good, but ~~growth at any cost~~ sustainable growth is the goal. Read the "
    "full report at https://intranet.example.com/annual-report.",
}};

}  // namespace

void seed_blog(store::Connection& conn, const std::function<std::int64_t(std::string_view)>& id_of,
               domain::Millis now) {
  const auto dana = id_of("dana");
  const auto blog = store::BlogRepository::insert(
      conn,
      {dana, "Ask Dana",
       "Questions for our CEO, Dana Whitfield: anything about where we are going and why.", 7,
       false},
      now - 60 * kDay);
  for (std::size_t i = 0; i < kArticles.size(); ++i) {
    const auto at = now - (50 - static_cast<domain::Millis>(i) * 20) * kDay;
    auto id = store::PostRepository::insert(
        conn, {dana, domain::Space::company, domain::PostState::draft, std::string(kArticles[i])},
        at);
    store::BlogRepository::attach_article(conn, id, blog);
    store::PostRepository::set_state(conn, id, domain::PostState::published, at);
  }
  for (const auto& q : kQuestions) {
    const auto asked = now - q.days_ago * kDay;
    auto id = store::QuestionRepository::insert(
        conn, {blog, id_of(q.asker), q.anonymous, std::string(q.topic), std::string(q.body), false},
        asked);
    for (auto voter : q.voters)
      if (!voter.empty()) store::QuestionRepository::vote(conn, id, id_of(voter), asked + kHour);
    if (q.answer_after_hours > 0)
      store::QuestionRepository::answer(conn, id, q.answer, domain::render_markdown(q.answer),
                                        asked + q.answer_after_hours * kHour);
    else if (!q.decline.empty())
      store::QuestionRepository::decline(conn, id, q.decline, asked + 2 * kDay);
  }
  // An anonymous question that names a colleague, reported twice: it waits in the moderation
  // queue, shown without its asker.
  const auto asked = now - 2 * kDay;
  auto reported = store::QuestionRepository::insert(
      conn,
      {blog, id_of("jordan"), true, std::string("team changes"),
       std::string("Is it true that Chris in finance is being let go because of the audit?"),
       false},
      asked);
  store::QuestionRepository::vote(conn, reported, id_of("lee"), asked + kHour);
  if (auto item =
          store::ModerationRepository::find_item(conn, domain::TargetType::question, reported)) {
    store::ModerationRepository::file_report(
        conn, *item, id_of("sam"), domain::ReportReason::personal_data,
        "Names a colleague and guesses about their job.", asked + 3 * kHour);
    store::ModerationRepository::file_report(
        conn, *item, id_of("priya"), domain::ReportReason::harassment, "", asked + 5 * kHour);
  }
}

}  // namespace greenroom::app
