#pragma once
// Reverse mentoring: digital champions, their pairings with executives, and the private
// threads between an executive and their mentor on a post.
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/mentoring.hpp"
#include "domain/permissions.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct ChampionRecord {
  AuthorRef user;
  std::string about;
  AuthorRef marked_by;
  domain::Millis created_at = 0;
};

struct ChampionPage {
  std::vector<ChampionRecord> items;
  std::optional<domain::Cursor> next;
};

struct MentorshipRecord {
  std::int64_t id = 0;
  AuthorRef executive;
  AuthorRef mentor;
  domain::MentorshipState state = domain::MentorshipState::requested;
  AuthorRef requested_by;
  domain::Millis created_at = 0;
  domain::Millis updated_at = 0;
  std::optional<std::int64_t> ended_by;

  domain::MentorshipFacts facts() const { return {executive.id, mentor.id, state}; }
};

// Which pairings a listing starts from (each is then checked against the rule).
enum class MentorshipScope {
  all,        // admins
  involving,  // the caller is the executive or the mentor, or coaches the executive
};

struct MentorshipQuery {
  MentorshipScope scope = MentorshipScope::involving;
  std::int64_t viewer_id = 0;
  std::optional<std::int64_t> executive_id;  // only this executive's pairings
  std::optional<domain::MentorshipState> state;
  std::optional<domain::Cursor> before;
  int limit = 50;
};

struct MentorshipPage {
  std::vector<MentorshipRecord> items;
  std::optional<domain::Cursor> next;
};

struct MentorMessageRecord {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t mentor_id = 0;
  AuthorRef author;
  std::string body;
  domain::Millis created_at = 0;
};

class ChampionRepository {
 public:
  static std::optional<ChampionRecord> find(Connection& c, std::int64_t user_id);
  // Marks the user, or changes the about line of one already marked.
  static void upsert(Connection& c, std::int64_t user_id, const std::string& about,
                     std::int64_t marked_by, domain::Millis now);
  static void remove(Connection& c, std::int64_t user_id);
  // Newest marked first, keyset on (created_at, user_id).
  static ChampionPage list(Connection& c, std::optional<domain::Cursor> before, int limit);
};

class MentorshipRepository {
 public:
  static std::int64_t insert(Connection& c, std::int64_t executive_id, std::int64_t mentor_id,
                             std::int64_t requested_by, domain::Millis now);
  static std::optional<MentorshipRecord> find(Connection& c, std::int64_t id);
  // The requested or active pairing of the two, if any.
  static std::optional<std::int64_t> open_between(Connection& c, std::int64_t executive_id,
                                                  std::int64_t mentor_id);
  static void set_state(Connection& c, std::int64_t id, domain::MentorshipState state,
                        std::optional<std::int64_t> by, domain::Millis now);
  // Requested and active pairings where the user is the mentor.
  static std::vector<MentorshipRecord> open_for_mentor(Connection& c, std::int64_t mentor_id);
  // Requested and active pairings of an executive (for cohort and profile views).
  static std::vector<MentorshipRecord> open_for_executive(Connection& c, std::int64_t executive_id);
  // Whether the user is the mentor in at least one pairing that counts
  // (domain::mentorship_counts, in SQL as kLiveMentorships).
  static bool mentors_anyone(Connection& c, std::int64_t user_id);
  // Every pairing between `a` and `b` (either way round), with the facts
  // domain::relation_between needs.
  // Every pairing the person is in (as mentor or executive), any state: with
  // UserRepository::assignments_around(c, id, id) it decides their relation to any author.
  static std::vector<domain::MentorLinkFacts> links_of(Connection& c, std::int64_t user_id);
  static std::vector<domain::MentorLinkFacts> links_between(Connection& c, std::int64_t a,
                                                            std::int64_t b);
  // Newest first, keyset on id.
  static MentorshipPage list(Connection& c, const MentorshipQuery& q);

  static MentorMessageRecord add_message(Connection& c, std::int64_t post_id,
                                         std::int64_t mentor_id, std::int64_t author_id,
                                         const std::string& body, domain::Millis now);
  // The thread on a post, oldest first: one mentor's, or every mentor's (the executive).
  static std::vector<MentorMessageRecord> messages(Connection& c, std::int64_t post_id,
                                                   std::optional<std::int64_t> mentor_id);
};

}  // namespace greenroom::store
