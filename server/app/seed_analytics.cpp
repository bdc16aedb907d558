#include "app/seed_analytics.hpp"

#include <array>
#include <string>

#include "store/post_repository.hpp"

namespace greenroom::app {

namespace {

constexpr domain::Millis kDay = 86'400'000;

constexpr std::array<std::string_view, 10> kStaffPosts{{
    "Shout-out to facilities for fixing the lifts before the client visit.",
    "The new onboarding checklist is live on the intranet; feedback welcome.",
    "Our Leeds team hit its safety milestone: 500 days without a lost-time incident.",
    "Lunch-and-learn on Thursday: how we use customer interviews in product work.",
    "Quarter-end close went smoothly thanks to finance and the regional leads.",
    "Volunteering day sign-ups are open; last year we planted 1,200 trees.",
    "Welcome to the eight graduates who joined operations this month!",
    "Reminder: expense claims for the quarter are due on Friday.",
    "The customer satisfaction survey is out; thank you to everyone who helped.",
    "We shipped the warehouse scanning update; pick errors are down already.",
}};

constexpr std::array<std::string_view, 6> kCeoPosts{{
    "Hello from Dana: I will post here every week. Ask me anything about our plans.",
    "What I learned visiting the Rotterdam depot: our people solve problems before we see them.",
    "Three priorities for next quarter, in plain words. Tell me what I missed.",
    "Thank you for the questions at the town hall; answers to the ones we ran out of time for.",
    "Our customer numbers for the month, and the team behind them.",
    "A week of listening sessions starts Monday; come and tell me what slows you down.",
}};

constexpr std::array<std::string_view, 5> kReplies{{
    "Great news, thanks for sharing!",
    "This is really helpful.",
    "Congratulations to the whole team.",
    "Could we get the slides afterwards?",
    "Love to see this.",
}};

}  // namespace

void seed_analytics_history(store::Connection& conn,
                            const std::function<std::int64_t(std::string_view)>& id_of,
                            domain::Millis now) {
  const std::array<std::int64_t, 6> staff{id_of("sam"),    id_of("priya"), id_of("lee"),
                                          id_of("jordan"), id_of("mia"),   id_of("rui")};
  const auto dana = id_of("dana");
  // History from 84 to 14 days ago; Dana's first company post 48 days ago.
  const domain::Millis start = now - 84 * kDay, joined = now - 48 * kDay, end = now - 14 * kDay;
  std::size_t n = 0;
  for (domain::Millis day = start; day < end; day += kDay, ++n) {
    const bool after = day >= joined;
    // Staff post on five days a week; after Dana joins, a little more.
    const int posts = (n % 7 < 5 ? 1 : 0) + (after && n % 14 == 5 ? 1 : 0);
    for (int k = 0; k < posts; ++k) {
      const auto at = day + (9 + 3 * k) * 3'600'000;
      const auto author = staff[(n + static_cast<std::size_t>(k)) % staff.size()];
      const auto pid = store::PostRepository::insert(
          conn,
          {author, domain::Space::company, domain::PostState::published,
           std::string(kStaffPosts[(n * 3 + static_cast<std::size_t>(k)) % kStaffPosts.size()])},
          at);
      const std::size_t replies = 1 + (n + static_cast<std::size_t>(k)) % 2;
      for (std::size_t r = 0; r < replies; ++r)
        store::PostRepository::add_reply(conn, pid, staff[(n + r + 1) % staff.size()],
                                         std::string(kReplies[(n + r) % kReplies.size()]),
                                         at + static_cast<domain::Millis>(r + 1) * 1'800'000);
      const std::size_t likes = 2 + (n + static_cast<std::size_t>(k)) % 2;
      for (std::size_t l = 0; l < likes; ++l)
        if (const auto liker = staff[(n + l + 2) % staff.size()]; liker != author)
          store::PostRepository::like(conn, pid, liker, at + 3'600'000);
    }
    // Dana posts once a week from the day she joins, and people answer her.
    if (after && (day - joined) / kDay % 7 == 0) {
      const auto idx = static_cast<std::size_t>((day - joined) / kDay) % kCeoPosts.size();
      const auto at = day + 8 * 3'600'000;
      const auto pid = store::PostRepository::insert(
          conn,
          {dana, domain::Space::company, domain::PostState::published, std::string(kCeoPosts[idx])},
          at);
      for (std::size_t r = 0; r < 2; ++r)
        store::PostRepository::add_reply(conn, pid, staff[(n + r) % staff.size()],
                                         std::string(kReplies[(n + r + 2) % kReplies.size()]),
                                         at + static_cast<domain::Millis>(r + 1) * 900'000);
      for (std::size_t l = 0; l < 4; ++l)
        store::PostRepository::like(conn, pid, staff[(n + l) % staff.size()], at + 1'800'000);
    }
  }
}

}  // namespace greenroom::app
