#include "domain/coaching_evidence.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "domain/analytics.hpp"

namespace greenroom::domain {

namespace {

// The week index of `t` among `weeks` weeks from `from`, none outside them.
std::optional<std::size_t> week_of(Millis from, int weeks, Millis t) {
  if (t < from) return std::nullopt;
  const auto i = (t - from) / kWeekMillis;
  if (i >= weeks) return std::nullopt;
  return static_cast<std::size_t>(i);
}

std::string plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string two_decimals(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::vector<SubmissionOutcome> submission_outcomes(std::span<const EvidenceEvent> events) {
  std::vector<SubmissionOutcome> out;
  std::map<std::int64_t, bool> dirty;  // per post: an error since its previous submission
  for (const auto& e : events) {
    auto& d = dirty[e.post_id];
    if (e.errors > 0) d = true;
    if (!e.submission) continue;
    out.push_back({e.id, e.post_id, e.at, !d});
    d = false;
  }
  return out;
}

std::vector<Approval> approvals(std::span<const EvidenceVerdict> verdicts) {
  std::vector<Approval> out;
  std::map<std::int64_t, int> since;  // per post: verdicts since its previous approval
  for (const auto& v : verdicts) {
    auto& n = since[v.post_id];
    ++n;
    if (!v.approve) continue;
    out.push_back({v.post_id, v.at, n});
    n = 0;
  }
  return out;
}

std::vector<std::pair<Millis, double>> seconds_in_review(
    std::span<const EvidenceEvent> events, std::span<const EvidenceVerdict> verdicts) {
  std::map<std::int64_t, std::vector<Millis>> submitted;  // per post, oldest first
  for (const auto& e : events)
    if (e.submission) submitted[e.post_id].push_back(e.at);
  std::vector<std::pair<Millis, double>> out;
  for (const auto& v : verdicts) {
    auto it = submitted.find(v.post_id);
    if (it == submitted.end()) continue;
    const auto& times = it->second;
    auto after = std::upper_bound(times.begin(), times.end(), v.at);
    if (after == times.begin()) continue;
    out.emplace_back(v.at, static_cast<double>(v.at - *std::prev(after)) / 1000.0);
  }
  return out;
}

std::vector<WeekEvidence> weekly_evidence(Millis from, int weeks,
                                          std::span<const EvidenceEvent> events,
                                          std::span<const EvidenceVerdict> verdicts,
                                          std::span<const EvidenceFinding> findings) {
  std::vector<WeekEvidence> out(static_cast<std::size_t>(std::max(weeks, 0)));
  for (const auto& s : submission_outcomes(events))
    if (auto i = week_of(from, weeks, s.at)) {
      ++out[*i].submissions;
      if (s.clean) ++out[*i].clean_submissions;
    }
  for (const auto& f : findings)
    if (auto i = week_of(from, weeks, f.at)) {
      auto& w = out[*i];
      ++w.findings;
      if (f.severity == "error") ++w.error_findings;
      if (f.severity == "warning") ++w.warning_findings;
      if (f.severity == "info") ++w.info_findings;
      if (f.fixed.value_or(false)) ++w.fixed_next_version;
    }
  for (const auto& v : verdicts)
    if (auto i = week_of(from, weeks, v.at)) {
      auto& w = out[*i];
      ++w.verdicts;
      w.rubric.clarity += v.clarity;
      w.rubric.tone += v.tone;
      w.rubric.audience_fit += v.audience_fit;
      w.rubric.policy += v.policy;
      ++w.rubric.verdicts;
    }
  for (const auto& a : approvals(verdicts))
    if (auto i = week_of(from, weeks, a.at)) {
      auto& w = out[*i];
      ++w.approvals;
      w.approval_rounds += a.rounds;
      if (a.rounds == 1) ++w.approved_without_changes;
    }
  for (const auto& [at, seconds] : seconds_in_review(events, verdicts))
    if (auto i = week_of(from, weeks, at)) out[*i].review_seconds.push_back(seconds);
  return out;
}

WeekEvidence total(std::span<const WeekEvidence> weeks) {
  WeekEvidence t;
  for (const auto& w : weeks) {
    t.submissions += w.submissions;
    t.clean_submissions += w.clean_submissions;
    t.findings += w.findings;
    t.error_findings += w.error_findings;
    t.warning_findings += w.warning_findings;
    t.info_findings += w.info_findings;
    t.fixed_next_version += w.fixed_next_version;
    t.verdicts += w.verdicts;
    t.approvals += w.approvals;
    t.approved_without_changes += w.approved_without_changes;
    t.approval_rounds += w.approval_rounds;
    t.review_seconds.insert(t.review_seconds.end(), w.review_seconds.begin(),
                            w.review_seconds.end());
    t.rubric.clarity += w.rubric.clarity;
    t.rubric.tone += w.rubric.tone;
    t.rubric.audience_fit += w.rubric.audience_fit;
    t.rubric.policy += w.rubric.policy;
    t.rubric.verdicts += w.rubric.verdicts;
  }
  return t;
}

std::vector<RuleCount> rule_counts(std::span<const EvidenceFinding> findings) {
  std::map<std::string, RuleCount> by_rule;
  for (const auto& f : findings) {
    auto& r = by_rule[f.rule];
    r.rule = f.rule;
    ++r.findings;
    if (f.severity == "error") ++r.errors;
    if (f.severity == "warning") ++r.warnings;
    if (f.fixed.value_or(false)) ++r.fixed_next_version;
  }
  std::vector<RuleCount> out;
  for (auto& [name, r] : by_rule) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.findings > b.findings; });
  return out;
}

// ---- level suggestions ---------------------------------------------------------------

std::optional<Level> next_level(Level l) {
  switch (l) {
    case Level::crawl:
      return Level::walk;
    case Level::walk:
      return Level::run;
    case Level::run:
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {

Criterion approved_posts(const LevelEvidence& e, const SuggestionRule& r) {
  const auto want = static_cast<std::size_t>(std::max(r.approved_posts, 0));
  long long good = 0;
  for (std::size_t i = 0; i < want && i < e.approvals.size(); ++i)
    if (e.approvals[i].rounds <= r.max_rounds) ++good;
  const bool met = e.approvals.size() >= want && good == static_cast<long long>(want);
  return {
      "approved_posts", met, static_cast<double>(good), static_cast<double>(want),
      std::to_string(good) + " of the last " +
          plural(static_cast<long long>(want), "approval", "approvals") + " in at most " +
          plural(r.max_rounds, "round", "rounds") +
          (e.approvals.size() < want ? " (only " + std::to_string(e.approvals.size()) + " so far)"
                                     : "")};
}

Criterion clean_submissions(const LevelEvidence& e, const SuggestionRule& r) {
  const auto want = static_cast<std::size_t>(std::max(r.clean_submissions, 0));
  long long clean = 0;
  for (std::size_t i = 0; i < want && i < e.submissions.size(); ++i)
    if (e.submissions[i].clean) ++clean;
  const bool met = e.submissions.size() >= want && clean == static_cast<long long>(want);
  return {"clean_submissions", met, static_cast<double>(clean), static_cast<double>(want),
          std::to_string(clean) + " of the last " +
              plural(static_cast<long long>(want), "submission", "submissions") +
              " with no error finding" +
              (e.submissions.size() < want
                   ? " (only " + std::to_string(e.submissions.size()) + " so far)"
                   : "")};
}

Criterion rubric_average(const LevelEvidence& e, const SuggestionRule& r) {
  const auto want = static_cast<std::size_t>(std::max(r.rubric_verdicts, 1));
  const auto n = std::min(want, e.rubric_totals.size());
  long long sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += e.rubric_totals[i];
  // Compared in whole numbers: sum / (4 n) >= h / 100  <=>  100 sum >= 4 n h.
  const bool met =
      n == want && 100 * sum >= 4 * static_cast<long long>(n) * r.min_rubric_average_hundredths;
  const double avg = n ? static_cast<double>(sum) / (4.0 * static_cast<double>(n)) : 0.0;
  const double threshold = r.min_rubric_average_hundredths / 100.0;
  return {"rubric_average", met, avg, threshold,
          "rubric average " + two_decimals(avg) + " over the last " +
              plural(static_cast<long long>(n), "verdict", "verdicts") + " (at least " +
              two_decimals(threshold) + " over " + std::to_string(want) + " needed)"};
}

Criterion goals_met(const LevelEvidence& e, const SuggestionRule& r) {
  const bool met = !r.require_goals_met || e.goals_missed == 0;
  return {"goals_met", met, static_cast<double>(e.goals_past_due - e.goals_missed),
          static_cast<double>(e.goals_past_due),
          e.goals_past_due == 0
              ? std::string("no goal has come due yet")
              : std::to_string(e.goals_past_due - e.goals_missed) + " of " +
                    plural(e.goals_past_due, "goal", "goals") + " due so far met"};
}

}  // namespace

LevelSuggestion suggest_level(const LevelEvidence& e, const SuggestionRule& rule) {
  LevelSuggestion s;
  s.to = next_level(e.level);
  s.criteria = {approved_posts(e, rule), clean_submissions(e, rule), rubric_average(e, rule),
                goals_met(e, rule)};
  s.suggest = s.to.has_value() && std::all_of(s.criteria.begin(), s.criteria.end(),
                                              [](const Criterion& c) { return c.met; });
  return s;
}

}  // namespace greenroom::domain
