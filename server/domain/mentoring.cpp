#include "domain/mentoring.hpp"

#include <string>

#include "domain/errors.hpp"

namespace greenroom::domain {

std::string_view to_string(MentorshipState s) {
  switch (s) {
    case MentorshipState::requested:
      return "requested";
    case MentorshipState::active:
      return "active";
    case MentorshipState::declined:
      return "declined";
    case MentorshipState::ended:
      return "ended";
  }
  return "ended";
}

std::optional<MentorshipState> parse_mentorship_state(std::string_view s) {
  for (auto st : {MentorshipState::requested, MentorshipState::active, MentorshipState::declined,
                  MentorshipState::ended})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

bool may_mark_champions(Role role) {
  return role == Role::admin || role == Role::coach;
}

bool may_request_mentorship(const Actor& actor, std::int64_t executive_id, const Relation& rel) {
  if (actor.id == executive_id) return actor.role == Role::executive;
  return actor.role == Role::coach && rel.coaches_author;
}

bool may_command_mentorship(const Actor& actor, const MentorshipFacts& m, const Relation& rel,
                            MentorshipCommand cmd) {
  switch (cmd) {
    case MentorshipCommand::accept:
    case MentorshipCommand::decline:
      return actor.id == m.mentor_id;
    case MentorshipCommand::end:
      return actor.id == m.mentor_id || actor.id == m.executive_id || rel.coaches_author;
  }
  return false;
}

MentorshipState transition(MentorshipState from, MentorshipCommand cmd) {
  if (from == MentorshipState::requested && cmd == MentorshipCommand::accept)
    return MentorshipState::active;
  if (from == MentorshipState::requested && cmd == MentorshipCommand::decline)
    return MentorshipState::declined;
  if (is_open(from) && cmd == MentorshipCommand::end) return MentorshipState::ended;
  const auto verb = cmd == MentorshipCommand::accept    ? "accepted"
                    : cmd == MentorshipCommand::decline ? "declined"
                                                        : "ended";
  throw conflict("This mentorship is " + std::string(to_string(from)) + " and cannot be " + verb +
                     (is_open(from) ? "; only a requested one is accepted or declined."
                                    : "; it is closed already."),
                 "illegal_transition");
}

}  // namespace greenroom::domain
