#pragma once
// Annotations on posts, their replies, and re-anchoring when the text changes.
#include <optional>
#include <string>
#include <vector>

#include "domain/anchoring.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct AnnotationReplyRecord {
  std::int64_t id = 0;
  AuthorRef author;
  std::string body;
  domain::Millis created_at = 0;
};

struct AnnotationRecord {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t version = 0;
  AuthorRef coach;
  std::string category;
  std::string comment;
  std::optional<std::string> suggestion;
  domain::TextAnchor anchor;  // where the words are now
  std::int64_t orig_start = 0, orig_end = 0;
  bool orphaned = false;
  std::optional<domain::Millis> resolved_at;
  bool applied = false;
  domain::Millis created_at = 0;
  std::vector<AnnotationReplyRecord> replies;
  std::optional<std::int64_t> reply_id;  // set when the note is on a reply of the post
  std::string author_role = "coach";     // "coach", or "mentor" (the author's reverse mentor)
};

struct NewAnnotation {
  std::int64_t post_id = 0;
  std::int64_t version = 0;
  std::int64_t coach_id = 0;
  std::string category;
  std::string comment;
  std::optional<std::string> suggestion;
  domain::TextAnchor anchor;
  std::string author_role = "coach";  // "coach" or "mentor"
};

class AnnotationRepository {
 public:
  // `reply_id` set: the note is on that reply (a.post_id is the post it answers).
  static std::int64_t insert(Connection& c, const NewAnnotation& a, domain::Millis now,
                             std::optional<std::int64_t> reply_id = std::nullopt);
  static std::optional<AnnotationRecord> find(Connection& c, std::int64_t id);
  // Every annotation on the post's own text (not on its replies) with its replies, by position.
  static std::vector<AnnotationRecord> for_post(Connection& c, std::int64_t post_id);
  // Every annotation on a reply, by position.
  static std::vector<AnnotationRecord> for_reply(Connection& c, std::int64_t reply_id);
  static AnnotationReplyRecord add_reply(Connection& c, std::int64_t annotation_id,
                                         std::int64_t author_id, const std::string& body,
                                         domain::Millis now);
  static void resolve(Connection& c, std::int64_t id, std::int64_t by, domain::Millis now);
  static void mark_applied(Connection& c, std::int64_t id, const domain::TextAnchor& anchor,
                           std::int64_t by, domain::Millis now);
  // Moves every anchored annotation of the post onto `new_body`; orphans those whose words
  // are gone. `except` is left alone (the one being applied).
  static void reanchor_all(Connection& c, std::int64_t post_id, const std::string& new_body,
                           std::optional<std::int64_t> except = std::nullopt);
  // The same for the annotations on a reply whose text changed.
  static void reanchor_reply(Connection& c, std::int64_t reply_id, const std::string& new_body);
};

}  // namespace greenroom::store
