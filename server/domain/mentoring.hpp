#pragma once
// Reverse mentoring: a digital champion (a staff member) paired with an executive.
//   requested --accept (the mentor)--> active
//   requested --decline (the mentor)--> declined
//   requested | active --end (either side, or the executive's coach)--> ended
// Who may see a pairing is decided in domain/permissions (can_view_mentorship).
#include <optional>
#include <string_view>

#include "domain/model.hpp"

namespace greenroom::domain {

enum class MentorshipState { requested, active, declined, ended };
enum class MentorshipCommand { accept, decline, end };

std::string_view to_string(MentorshipState s);
std::optional<MentorshipState> parse_mentorship_state(std::string_view s);

// What the rules need to know about a pairing.
struct MentorshipFacts {
  std::int64_t executive_id = 0;
  std::int64_t mentor_id = 0;
  MentorshipState state = MentorshipState::requested;
};

// Longest "about" line of a champion, in code points.
inline constexpr std::size_t kMaxChampionAbout = 200;

// Whether `role` may mark a staff member as a digital champion (admins and coaches).
bool may_mark_champions(Role role);

// Whether `actor` may ask `mentor` to mentor `executive_id`: the executive for themself, or
// one of the executive's coaches (rel is the actor's relation to the executive).
bool may_request_mentorship(const Actor& actor, std::int64_t executive_id, const Relation& rel);

// Whether `actor` may give `cmd` on the pairing: accept and decline are the mentor's; ending
// is for either side or the executive's coach (rel is the actor's relation to the executive).
bool may_command_mentorship(const Actor& actor, const MentorshipFacts& m, const Relation& rel,
                            MentorshipCommand cmd);

// The state after `cmd`, or throws Error(conflict, "illegal_transition").
MentorshipState transition(MentorshipState from, MentorshipCommand cmd);

inline bool is_open(MentorshipState s) {
  return s == MentorshipState::requested || s == MentorshipState::active;
}

}  // namespace greenroom::domain
