#include "app/seed_social.hpp"

#include "store/blog_repository.hpp"
#include "store/coaching_repository.hpp"
#include "store/follow_repository.hpp"

namespace greenroom::app {

using store::FollowKind;

void seed_social(store::Connection& conn,
                 const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now) {
  const auto hour = 3600000LL;
  auto follow = [&](std::string_view who, std::string_view whom) {
    store::FollowRepository::follow(conn, id_of(who), FollowKind::user, id_of(whom), "",
                                    now - 30 * hour);
  };
  // Everyone follows the CEO; staff follow a few colleagues.
  for (auto who : {"mia", "sam", "priya", "lee", "jordan", "evan", "wren", "rui", "cora"})
    follow(who, "dana");
  for (auto whom : {"rui", "priya", "sam", "wren"}) follow("mia", whom);
  follow("sam", "mia");
  follow("priya", "mia");
  follow("lee", "rui");
  follow("jordan", "priya");
  for (auto tag : {"customer-obsession", "onboarding"})
    store::FollowRepository::follow(conn, id_of("mia"), FollowKind::topic, 0, tag, now - 30 * hour);
  store::FollowRepository::follow(conn, id_of("sam"), FollowKind::topic, 0, "floor3",
                                  now - 30 * hour);
  if (auto blog = store::BlogRepository::find_by_host(conn, id_of("dana")))
    for (auto who : {"mia", "lee", "jordan"})
      store::FollowRepository::follow(conn, id_of(who), FollowKind::blog, blog->id, "",
                                      now - 30 * hour);
  // Mia hears of her new followers.
  for (auto who : {"sam", "priya"})
    store::NotificationRepository::insert(
        conn,
        {id_of("mia"), "new_follower",
         std::string(who == std::string_view("sam") ? "Sam Patel (@sam)" : "Priya Raman (@priya)") +
             " follows you now.",
         std::nullopt, std::nullopt, std::nullopt, std::string("user"), id_of(who)},
        now - 29 * hour);
  // Evan's coach wants him connected ("connect with at least 5 of your colleagues"): he
  // follows Dana, Rui and Priya so far, so the goal shows 3 of 5.
  follow("evan", "rui");
  follow("evan", "priya");
  store::GoalRepository::insert(
      conn,
      {id_of("evan"), id_of("cora"), "Follow 5 colleagues whose posts you read",
       domain::GoalMetric::people_followed, 5, domain::GoalTerm::mid_term, now + 21 * 24 * hour},
      now - 3 * 24 * hour);
}

}  // namespace greenroom::app
