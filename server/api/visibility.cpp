#include "api/visibility.hpp"

#include "domain/permissions.hpp"
#include "store/mentorship_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

domain::Relation relation(store::Connection& c, std::int64_t actor_id, std::int64_t author_id) {
  if (actor_id == author_id) return {};
  auto facts = store::UserRepository::assignments_around(c, actor_id, author_id);
  auto links = store::MentorshipRepository::links_between(c, actor_id, author_id);
  return domain::relation_between(actor_id, author_id, facts, links);
}

RelationBook::RelationBook(store::Connection& c, std::int64_t actor_id)
    : actor_id_(actor_id),
      assignments_(store::UserRepository::assignments_around(c, actor_id, actor_id)),
      links_(store::MentorshipRepository::links_of(c, actor_id)) {}

domain::Relation RelationBook::of(std::int64_t author_id) const {
  if (actor_id_ == author_id) return {};
  return domain::relation_between(actor_id_, author_id, assignments_, links_);
}

domain::PracticeReach practice_reach_of(store::Connection& c, std::int64_t user_id,
                                        domain::Role role) {
  bool mentor = false;
  if (!domain::has_capability(role, domain::Capability::read_practice_feed))
    mentor = store::MentorshipRepository::mentors_anyone(c, user_id);
  return domain::practice_reach(role, mentor);
}

}  // namespace greenroom::api
