#pragma once
// How one person relates to another, decided by domain::relation_between over the stored
// assignments and reverse-mentoring pairings. Every handler that asks "is this the author's coach /
// in their cohort" uses this, so the one rule in domain/permissions decides.
#include <cstdint>
#include <vector>

#include "domain/model.hpp"
#include "domain/permissions.hpp"
#include "store/database.hpp"

namespace greenroom::api {

domain::Relation relation(store::Connection& c, std::int64_t actor_id, std::int64_t author_id);

// The same relation to many authors from one read: a relation needs only the assignments
// and pairings around the actor (each clause of domain::relation_between names the actor),
// so a listing that meets 1,000 authors (search) reads two small sets, not two per author.
class RelationBook {
 public:
  RelationBook(store::Connection& c, std::int64_t actor_id);
  domain::Relation of(std::int64_t author_id) const;

 private:
  std::int64_t actor_id_;
  std::vector<domain::AssignmentFacts> assignments_;
  std::vector<domain::MentorLinkFacts> links_;
};

// How far into the practice space a person reads in listings (domain::practice_reach, with
// whether they mentor anyone when their role alone does not read practice posts).
domain::PracticeReach practice_reach_of(store::Connection& c, std::int64_t user_id,
                                        domain::Role role);

}  // namespace greenroom::api
