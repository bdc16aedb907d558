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
// A reply's moderation state, and apart from it where the reply is in a coach's review:
// `none` (never needed one), `in_review` / `changes_requested` (held), `approved`.
enum class ReplyState { visible, hidden, removed };
enum class ReplyReview { none, in_review, changes_requested, approved };

std::optional<Role> parse_role(std::string_view s);
std::optional<Level> parse_level(std::string_view s);
std::optional<Space> parse_space(std::string_view s);
std::optional<PostState> parse_state(std::string_view s);
std::optional<PostAction> parse_action(std::string_view s);
std::optional<ReplyState> parse_reply_state(std::string_view s);
std::optional<ReplyReview> parse_reply_review(std::string_view s);

std::string_view to_string(Role r);
std::string_view to_string(Level l);
std::string_view to_string(Space s);
std::string_view to_string(PostState s);
std::string_view to_string(PostAction a);
std::string_view to_string(ReplyState s);
std::string_view to_string(ReplyReview r);

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

// What the rules need to know about a reply (the post it answers is checked first).
struct ReplyFacts {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t author_id = 0;
  ReplyState state = ReplyState::visible;
  ReplyReview review = ReplyReview::none;
  // A drill reply (a coach's simulated persona reply or the executive's practice answer):
  // the drill's executive, whom the reply stays between with their coaches; 0 otherwise.
  std::int64_t private_to = 0;
};

// How the actor relates to the post's author (looked up by the store).
struct Relation {
  bool coaches_author = false;  // actor is one of the author's coaches
  bool shares_coach = false;    // actor and author are executives sharing a coach
  bool mentors_author = false;  // actor is the author's reverse mentor (an active pairing)
};

// pending: waiting for a moderator (pre-moderated blogs); open: out, not yet answered;
// answered / declined: the host closed it; hidden / removed: moderation.
enum class QuestionState { pending, open, answered, declined, hidden, removed };
std::optional<QuestionState> parse_question_state(std::string_view s);
std::string_view to_string(QuestionState s);

struct QuestionFacts {
  std::int64_t id = 0;
  std::int64_t asker_id = 0;
  std::int64_t host_id = 0;
  bool anonymous = false;
  QuestionState state = QuestionState::open;
};

}  // namespace greenroom::domain
