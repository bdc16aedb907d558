#pragma once
// Posts, replies and likes. Counters (reply_count, like_count) are stored on the post and
// kept in step by the writes here, never counted per read. Pages use keyset pagination.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/permissions.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct NewPost {
  std::int64_t author_id = 0;
  domain::Space space = domain::Space::company;
  domain::PostState state = domain::PostState::draft;
  std::string body;
};

struct FeedQuery {
  domain::Space space = domain::Space::company;
  // In the practice space, which posts the viewer reads (domain::practice_reach).
  domain::PracticeReach reach = domain::PracticeReach::none;
  std::int64_t viewer_id = 0;
  std::optional<domain::Cursor> before;
  int limit = 20;
};

struct VersionRecord {
  std::int64_t version = 0;
  std::string body;
  domain::Millis created_at = 0;
  domain::Space space = domain::Space::company;  // where the post was in this version
  bool pending = false;                          // a correction not yet published
};

struct CorrectionRecord {
  std::int64_t version = 0;
  std::string body;
  std::string state;  // in_review, changes_requested, approved
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
  // A new version with a new text and/or space (a move is a change): bumps `version` and
  // records the version with its text and space in post_versions.
  static std::int64_t revise(Connection& c, std::int64_t id, std::optional<std::string_view> body,
                             std::optional<domain::Space> space, domain::Millis now);
  // The author's "show my mentor" switch.
  static void set_share_with_mentor(Connection& c, std::int64_t id, bool shared,
                                    domain::Millis now);
  // Moves the post to `state`, stamping submitted_at / published_at as fitting.
  static void set_state(Connection& c, std::int64_t id, domain::PostState state,
                        domain::Millis now);
  static std::vector<VersionRecord> versions(Connection& c, std::int64_t id);

  // Scheduled publishing: `at` or NULL (cancel); posts whose time has come, oldest first.
  static void schedule(Connection& c, std::int64_t id, std::optional<domain::Millis> at);
  static std::vector<std::int64_t> due_scheduled(Connection& c, domain::Millis now, int limit);

  // Corrections of a published post. `correct` changes the live text at once (marked
  // edited). Below Run the new text waits as a pending version (posts.version + 1) with a
  // correction_state, while the published text stays up, until `publish_correction`.
  static void correct(Connection& c, std::int64_t id, std::string_view body, domain::Millis now);
  static std::int64_t save_correction(Connection& c, std::int64_t id, std::string_view body,
                                      domain::Millis now);
  static std::optional<std::int64_t> pending_version(Connection& c, std::int64_t id);
  static std::optional<CorrectionRecord> correction_of(Connection& c, std::int64_t id);
  static void set_correction_state(Connection& c, std::int64_t id,
                                   std::optional<std::string_view> state, domain::Millis now);
  // Makes the pending version the live text; returns it.
  static std::string publish_correction(Connection& c, std::int64_t id, domain::Millis now);
  static void drop_correction(Connection& c, std::int64_t id);

  // Every reply of the post that is not removed, oldest first, held ones included: the
  // caller shows each only to whoever domain::can_view_reply lets see it.
  static std::vector<ReplyRecord> replies(Connection& c, std::int64_t post_id, int limit);
  // A reply starting at `review` (see domain::decide_new_reply); reply_count counts it only
  // when it is out for everyone. A drill reply has `private_to` (the drill's executive) and,
  // for a coach's simulated reply, the persona played.
  static ReplyRecord add_reply(Connection& c, std::int64_t post_id, std::int64_t author_id,
                               std::string_view body, domain::Millis now,
                               domain::ReplyReview review = domain::ReplyReview::none,
                               std::int64_t private_to = 0,
                               std::optional<std::int64_t> persona_id = std::nullopt);
  // Idempotent; return the new like_count.
  static std::int64_t like(Connection& c, std::int64_t post_id, std::int64_t user_id,
                           domain::Millis now);
  static std::int64_t unlike(Connection& c, std::int64_t post_id, std::int64_t user_id);
};

}  // namespace greenroom::store
