#pragma once
// Coaching evidence: the pure parts. From an executive's saves and submissions (with what the
// golden rules found), the coaches' verdicts and rubrics, and the lint findings kept per
// version, it works out the weekly trends (docs/API.md, "Coaching evidence") and whether to
// suggest the next training level. No I/O: the store reads the rows, this decides.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "domain/time.hpp"

namespace greenroom::domain {

// One save, submission or publication of a post by its author (a coaching_events row).
struct EvidenceEvent {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  Millis at = 0;
  bool submission = false;  // handed over: to the coaches, or to readers without a review
  int errors = 0;           // error-level findings on the version then
};

// A coach's verdict on a post's own text (not on a reply), with its rubric.
struct EvidenceVerdict {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  Millis at = 0;
  bool approve = false;
  int clarity = 0, tone = 0, audience_fit = 0, policy = 0;
  int rubric_total() const { return clarity + tone + audience_fit + policy; }
};

// A golden-rule finding kept on a saved version.
struct EvidenceFinding {
  std::string rule;
  std::string severity;       // "error", "warning" or "info"
  Millis at = 0;              // when the version was first saved
  std::optional<bool> fixed;  // whether the next version no longer had it; none yet
};

// A submission and whether it was clean: no error finding on any version of the post saved
// since the post's previous submission (or its creation), the submitted one included.
struct SubmissionOutcome {
  std::int64_t event_id = 0;
  std::int64_t post_id = 0;
  Millis at = 0;
  bool clean = true;
};
// `events` oldest first (by id); the submissions among them, oldest first.
std::vector<SubmissionOutcome> submission_outcomes(std::span<const EvidenceEvent> events);

// An approval and the review rounds it took: the verdicts on the post since its previous
// approval (or since it was first reviewed), this one included. One round = approved with
// no changes asked for.
struct Approval {
  std::int64_t post_id = 0;
  Millis at = 0;
  int rounds = 1;
};
// `verdicts` oldest first; the approvals among them, oldest first.
std::vector<Approval> approvals(std::span<const EvidenceVerdict> verdicts);

// Seconds each verdict came after the submission it answers (the post's latest submission
// at or before the verdict); verdicts without a recorded submission are left out. Pairs of
// (verdict time, seconds), in the order of `verdicts`.
std::vector<std::pair<Millis, double>> seconds_in_review(std::span<const EvidenceEvent> events,
                                                         std::span<const EvidenceVerdict> verdicts);

struct RubricSums {
  long long clarity = 0, tone = 0, audience_fit = 0, policy = 0, verdicts = 0;
};

// One week of evidence (or the totals of several).
struct WeekEvidence {
  long long submissions = 0, clean_submissions = 0;
  long long findings = 0, error_findings = 0, warning_findings = 0, info_findings = 0;
  long long fixed_next_version = 0;  // of this week's findings, those the next version fixed
  long long verdicts = 0, approvals = 0, approved_without_changes = 0;
  long long approval_rounds = 0;  // the rounds of this week's approvals, summed
  std::vector<double> review_seconds;
  RubricSums rubric;
};

// Weeks from `from` (a week start): index i holds [from + i weeks, from + i + 1 weeks).
// Inputs oldest first; everything outside the weeks is ignored.
std::vector<WeekEvidence> weekly_evidence(Millis from, int weeks,
                                          std::span<const EvidenceEvent> events,
                                          std::span<const EvidenceVerdict> verdicts,
                                          std::span<const EvidenceFinding> findings);
WeekEvidence total(std::span<const WeekEvidence> weeks);

// How often each rule was found in the findings given, most frequent first (ties by name).
struct RuleCount {
  std::string rule;
  long long findings = 0, errors = 0, warnings = 0, fixed_next_version = 0;
};
std::vector<RuleCount> rule_counts(std::span<const EvidenceFinding> findings);

// ---- level suggestions ---------------------------------------------------------------

// The thresholds (config "level_suggestions", defaults here). The next level is suggested
// when every criterion holds:
//   approved_posts     the newest `approved_posts` approvals each took at most `max_rounds`
//                      rounds (and there are at least that many); a post waiting for changes
//                      counts once it is approved, with every round it took;
//   clean_submissions  the newest `clean_submissions` submissions were all clean (and there
//                      are at least that many);
//   rubric_average     the mean rubric score (the four scores of each verdict, averaged) of the
//                      newest `rubric_verdicts` verdicts is at least
//                      `min_rubric_average_hundredths` / 100 (and there are that many);
//   goals_met          when `require_goals_met`: no goal whose due date has passed was missed.
struct SuggestionRule {
  int approved_posts = 5;
  int max_rounds = 1;
  int clean_submissions = 10;
  int rubric_verdicts = 5;
  int min_rubric_average_hundredths = 400;
  bool require_goals_met = true;
};

struct LevelEvidence {
  Level level = Level::crawl;
  std::vector<Approval> approvals;             // newest first
  std::vector<SubmissionOutcome> submissions;  // newest first
  std::vector<int> rubric_totals;              // per verdict, newest first (sum of four scores)
  int goals_past_due = 0;                      // goals whose due date has passed
  int goals_missed = 0;                        // of those, the ones not met
};

struct Criterion {
  std::string name;  // approved_posts, clean_submissions, rubric_average, goals_met
  bool met = false;
  double value = 0;      // what the evidence shows (a count, or the average)
  double threshold = 0;  // what the rule asks for
  std::string detail;    // a sentence for people
};

struct LevelSuggestion {
  std::optional<Level> to;  // the next level; none at Run (nothing to suggest)
  bool suggest = false;     // every criterion met
  std::vector<Criterion> criteria;
};

// The level after `l` (crawl -> walk -> run), none after run.
std::optional<Level> next_level(Level l);

LevelSuggestion suggest_level(const LevelEvidence& e, const SuggestionRule& rule);

}  // namespace greenroom::domain
