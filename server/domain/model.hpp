#pragma once
// The vocabulary of Greenroom: roles, training levels, spaces, post states and actions.
#include <cstdint>
#include <optional>
#include <string_view>

namespace greenroom::domain {

enum class Role { admin, moderator, coach, executive, member };
enum class Level { crawl, walk, run };
enum class Space { practice, company };
enum class PostState { draft, in_review, changes_requested, approved, published, hidden, removed };
enum class PostAction { draft, submit, publish };

std::optional<Role> parse_role(std::string_view s);
std::optional<Level> parse_level(std::string_view s);
std::optional<Space> parse_space(std::string_view s);
std::optional<PostState> parse_state(std::string_view s);
std::optional<PostAction> parse_action(std::string_view s);

std::string_view to_string(Role r);
std::string_view to_string(Level l);
std::string_view to_string(Space s);
std::string_view to_string(PostState s);
std::string_view to_string(PostAction a);

// Who is acting: the signed-in user as the rules need them.
struct Actor {
  std::int64_t id = 0;
  Role role = Role::member;
  std::optional<Level> level;  // executives only
};

// What the rules need to know about a post.
struct PostFacts {
  std::int64_t id = 0;
  std::int64_t author_id = 0;
  Space space = Space::company;
  PostState state = PostState::draft;
  bool shared_with_mentor = false;  // the author's "show my mentor" switch
};

// How the actor relates to the post's author (looked up by the store).
struct Relation {
  bool coaches_author = false;  // actor is one of the author's coaches
  bool shares_coach = false;    // actor and author are executives sharing a coach
  bool mentors_author = false;  // actor is the author's reverse mentor (an active pairing)
};

}  // namespace greenroom::domain
