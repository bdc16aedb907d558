#pragma once
// Keeps what the golden rules found when an author saves, submits or publishes a post, as
// coaching evidence, inside the write job that makes the change (schema/0019). Calls to
// POST /lint while typing are never kept.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/policy.hpp"
#include "domain/policy_lint.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace greenroom::api {

enum class EvidenceKind { save, submit, publish };

struct SavedVersion {
  std::int64_t post_id = 0;
  std::int64_t author_id = 0;
  std::int64_t version = 1;
  const std::string* body = nullptr;  // the version's text
  bool long_form = false;             // an article: the length rule does not apply
};

// What the golden rules in force find in a version's text (articles: without the length rule).
struct VersionFindings {
  std::vector<domain::LintFinding> findings;
  std::int64_t policy_version = 0;
};
VersionFindings lint_version(const PolicyHolder& policy, const std::string& body, bool long_form);

// Records the event with findings worked out beforehand (outside the writer thread, as
// POST /posts does to keep the writer's work small).
void record_coaching_evidence(store::Connection& c, const SavedVersion& v,
                              const VersionFindings& found, EvidenceKind kind, bool submission,
                              std::optional<domain::Millis> at = std::nullopt);

// Records the event; the first time a version is seen its findings are kept, and the
// findings of the post's earlier versions still open are judged against it (fixed when the
// same rule no longer finds the same words). `submission`: the author handed the version
// over (to the coaches, or to readers without a coach's approval). `at` is now unless given
// (the demo seed writes history).
void record_coaching_evidence(store::Connection& c, const PolicyHolder& policy,
                              const SavedVersion& v, EvidenceKind kind, bool submission,
                              std::optional<domain::Millis> at = std::nullopt);

}  // namespace greenroom::api
