#pragma once
// Posts, replies and likes. Counters (reply_count, like_count) are stored on the post and
// kept in step by the writes here, never counted per read. Pages use keyset pagination.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/cursor.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct NewPost {
  std::int64_t author_id = 0;
  domain::Space space = domain::Space::company;
  domain::PostState state = domain::PostState::draft;
  std::string body;
};

// Which part of a space the reader may see.
enum class FeedScope {
  everyone,     // company space, or oversight roles in practice
  cohort,       // an executive: own posts, executives sharing a coach, and their coaches
  coached_by,   // a coach: own posts and their executives' posts
  mentored_by,  // a reverse mentor: the posts of the executives they mentor
};

struct FeedQuery {
  domain::Space space = domain::Space::company;
  FeedScope scope = FeedScope::everyone;
  std::int64_t viewer_id = 0;
  std::optional<domain::Cursor> before;
  int limit = 20;
};

struct VersionRecord {
  std::int64_t version = 0;
  std::string body;
  domain::Millis created_at = 0;
};

struct Page {
  std::vector<PostRecord> items;
  std::optional<domain::Cursor> next;
};

class PostRepository {
 public:
  static std::int64_t insert(Connection& c, const NewPost& p, domain::Millis now);
  static std::optional<PostRecord> find(Connection& c, std::int64_t id, std::int64_t viewer_id);
  // Published posts, newest first, keyset on (published_at, id).
  static Page feed(Connection& c, const FeedQuery& q);
  // An author's own posts in every state, newest first, keyset on id.
  static Page by_author(Connection& c, std::int64_t author_id, std::optional<domain::Cursor> before,
                        int limit);

  // A new version of the text: bumps `version`, keeps the old text in post_versions.
  static std::int64_t update_body(Connection& c, std::int64_t id, std::string_view body,
                                  domain::Millis now);
  static void update_space(Connection& c, std::int64_t id, domain::Space space, domain::Millis now);
  // The author's "show my mentor" switch.
  static void set_share_with_mentor(Connection& c, std::int64_t id, bool shared,
                                    domain::Millis now);
  // Moves the post to `state`, stamping submitted_at / published_at as fitting.
  static void set_state(Connection& c, std::int64_t id, domain::PostState state,
                        domain::Millis now);
  static std::vector<VersionRecord> versions(Connection& c, std::int64_t id);

  static std::vector<ReplyRecord> replies(Connection& c, std::int64_t post_id, int limit);
  static ReplyRecord add_reply(Connection& c, std::int64_t post_id, std::int64_t author_id,
                               std::string_view body, domain::Millis now);
  // Idempotent; return the new like_count.
  static std::int64_t like(Connection& c, std::int64_t post_id, std::int64_t user_id,
                           domain::Millis now);
  static std::int64_t unlike(Connection& c, std::int64_t post_id, std::int64_t user_id);
};

}  // namespace greenroom::store
