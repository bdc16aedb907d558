#pragma once
// Coaching evidence (schema/0019): the saves and submissions of posts with what the golden
// rules found, the findings kept per version, the verdicts read back for the trends, and the
// coaches' decisions on level suggestions.
#include <optional>
#include <string>
#include <vector>

#include "domain/coaching_evidence.hpp"
#include "store/database.hpp"

namespace greenroom::store {

struct NewEvidenceEvent {
  std::int64_t post_id = 0;
  std::int64_t author_id = 0;
  std::int64_t version = 1;
  std::string event;  // save | submit | publish
  bool submission = false;
  int errors = 0, warnings = 0, infos = 0;
  std::int64_t policy_version = 0;
};

struct NewFinding {
  std::string rule, severity, exact;
};

// A finding still waiting for the next version to tell whether it was fixed.
struct OpenFinding {
  std::int64_t id = 0;
  std::string rule, exact;
};

struct LevelDecision {
  std::int64_t id = 0;
  std::int64_t coach_id = 0;
  std::string from_level, to_level, decision;
  std::int64_t last_event_id = 0, last_review_id = 0;
  domain::Millis created_at = 0;
};

class EvidenceRepository {
 public:
  static std::int64_t insert_event(Connection& c, const NewEvidenceEvent& e, domain::Millis now);
  // Whether the version of the post was saved before (its findings are kept then).
  static bool version_recorded(Connection& c, std::int64_t post_id, std::int64_t version);
  static void insert_finding(Connection& c, const NewEvidenceEvent& e, const NewFinding& f,
                             domain::Millis now);
  // Findings of earlier versions of the post not yet judged against a next version.
  static std::vector<OpenFinding> open_findings(Connection& c, std::int64_t post_id,
                                                std::int64_t before_version);
  static void set_fixed(Connection& c, std::int64_t finding_id, bool fixed);

  // The author's coaching events, oldest first.
  static std::vector<domain::EvidenceEvent> events(Connection& c, std::int64_t author_id);
  // The verdicts on the author's posts' own texts (not on replies), oldest first.
  static std::vector<domain::EvidenceVerdict> verdicts(Connection& c, std::int64_t author_id);
  // The findings kept on the author's versions saved in [from, to), oldest first.
  static std::vector<domain::EvidenceFinding> findings(Connection& c, std::int64_t author_id,
                                                       domain::Millis from, domain::Millis to);
  // The newest coaching event and verdict ids about the author (0 when none): "new evidence"
  // is anything newer than what a dismissal saw.
  static std::int64_t last_event_id(Connection& c, std::int64_t author_id);
  static std::int64_t last_review_id(Connection& c, std::int64_t author_id);

  static void insert_decision(Connection& c, std::int64_t executive_id, const LevelDecision& d);
  // The newest decision on the executive's suggestions (of the kind `decision`, "" for any).
  static std::optional<LevelDecision> latest_decision(Connection& c, std::int64_t executive_id,
                                                      std::string_view decision = "");
};

}  // namespace greenroom::store
