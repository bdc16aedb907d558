#include "api/evidence_recording.hpp"

#include <algorithm>

#include "domain/policy_lint.hpp"
#include "domain/text.hpp"
#include "domain/time.hpp"
#include "store/evidence_repository.hpp"
#include "store/user_repository.hpp"

namespace greenroom::api {

namespace d = greenroom::domain;

namespace {

constexpr std::size_t kMaxExactCodePoints = 200;

std::string_view kind_name(EvidenceKind k) {
  switch (k) {
    case EvidenceKind::save:
      return "save";
    case EvidenceKind::submit:
      return "submit";
    case EvidenceKind::publish:
      return "publish";
  }
  return "save";
}

std::string exact_words(const std::string& body, const d::LintFinding& f) {
  const auto end = std::min(f.end, f.start + kMaxExactCodePoints);
  auto words = d::slice_code_points(body, f.start, end);
  return words ? std::string(*words) : std::string();
}

}  // namespace

VersionFindings lint_version(const PolicyHolder& policy, const std::string& body, bool long_form) {
  const auto current = policy.current();
  VersionFindings out{d::lint_post(body, current->rules), current->version};
  if (long_form)
    std::erase_if(out.findings, [](const auto& f) { return f.rule == d::rule::length; });
  return out;
}

void record_coaching_evidence(store::Connection& c, const SavedVersion& v,
                              const VersionFindings& found, EvidenceKind kind, bool submission,
                              std::optional<d::Millis> at) {
  // Coaching data is about the people coaches work with: nothing is kept for other roles
  // (their posts are still linted against the golden rules, just not recorded).
  if (!store::UserRepository::is_executive(c, v.author_id)) return;
  store::NewEvidenceEvent e{v.post_id, v.author_id, v.version, std::string(kind_name(kind)),
                            submission};
  e.policy_version = found.policy_version;
  for (const auto& f : found.findings) {
    if (f.severity == "error") ++e.errors;
    if (f.severity == "warning") ++e.warnings;
    if (f.severity == "info") ++e.infos;
  }
  const auto now = at.value_or(d::now_millis());
  if (!store::EvidenceRepository::version_recorded(c, v.post_id, v.version)) {
    std::vector<store::NewFinding> kept;
    for (const auto& f : found.findings)
      kept.push_back({f.rule, f.severity, exact_words(*v.body, f)});
    for (const auto& open : store::EvidenceRepository::open_findings(c, v.post_id, v.version)) {
      const bool still = std::any_of(kept.begin(), kept.end(), [&](const auto& k) {
        return k.rule == open.rule && k.exact == open.exact;
      });
      store::EvidenceRepository::set_fixed(c, open.id, !still);
    }
    for (const auto& k : kept) store::EvidenceRepository::insert_finding(c, e, k, now);
  }
  store::EvidenceRepository::insert_event(c, e, now);
}

void record_coaching_evidence(store::Connection& c, const PolicyHolder& policy,
                              const SavedVersion& v, EvidenceKind kind, bool submission,
                              std::optional<d::Millis> at) {
  record_coaching_evidence(c, v, lint_version(policy, *v.body, v.long_form), kind, submission, at);
}

}  // namespace greenroom::api
