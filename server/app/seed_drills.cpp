#include "app/seed_drills.hpp"

#include "store/drill_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::app {

void seed_drills(store::Connection& conn,
                 const std::function<std::int64_t(std::string_view)>& id_of, domain::Millis now) {
  constexpr domain::Millis hour = 3600LL * 1000;
  const auto cora = id_of("cora"), wren = id_of("wren"), rui = id_of("rui");
  const auto drill = store::DrillRepository::insert(
      conn,
      {wren,
       cora,
       "Announce the move to the riverside office; expect push-back about the commute and "
       "about cost cutting.",
       now + 4 * 24 * hour,
       {{"Sceptical engineer", "Has seen two moves fail; suspects a cost cut."},
        {"Worried assistant", "Lives far out; wants to know about the commute."}}},
      now - 30 * hour);
  const auto personas = store::DrillRepository::find(conn, drill)->personas;
  const auto post = store::PostRepository::insert(
      conn,
      {wren, domain::Space::practice, domain::PostState::published,
       "From March we move to the riverside office: one floor, more meeting rooms, and ten "
       "minutes from our two biggest customers."},
      now - 26 * hour);
  store::DrillRepository::attach_post(conn, drill, post, now - 26 * hour);
  store::PostRepository::add_reply(conn, post, cora,
                                   "So this is a cost cut with a nicer view? We were told the "
                                   "last move would be the final one.",
                                   now - 20 * hour, domain::ReplyReview::none, wren,
                                   personas.at(0).id);
  store::PostRepository::add_reply(conn, post, wren,
                                   "Fair question. The lease ends in March; staying would cost "
                                   "more, and the new site puts us next to the customers we visit "
                                   "most.",
                                   now - 18 * hour, domain::ReplyReview::in_review, wren);
  store::PostRepository::add_reply(
      conn, post, cora, "And how do I get there by 9 with the school run?", now - 2 * hour,
      domain::ReplyReview::none, wren, personas.at(1).id);
  store::DrillRepository::insert(
      conn,
      {rui,
       cora,
       "A customer complains publicly about a late delivery; reply in the thread.",
       now + 6 * 24 * hour,
       {{"Angry customer", "Waited three weeks; copies in their manager."}}},
      now - 3 * hour);
}

}  // namespace greenroom::app
