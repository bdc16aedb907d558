#include "store/evidence_repository.hpp"

namespace greenroom::store {

namespace d = greenroom::domain;

std::int64_t EvidenceRepository::insert_event(Connection& c, const NewEvidenceEvent& e,
                                              d::Millis now) {
  c.prepare(
       "INSERT INTO coaching_events(post_id, author_id, version, event, submission, errors, "
       "warnings, infos, policy_version, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
       "?10)")
      .bind(1, e.post_id)
      .bind(2, e.author_id)
      .bind(3, e.version)
      .bind(4, e.event)
      .bind(5, e.submission ? 1 : 0)
      .bind(6, e.errors)
      .bind(7, e.warnings)
      .bind(8, e.infos)
      .bind(9, e.policy_version)
      .bind(10, now)
      .run();
  return c.last_insert_id();
}

bool EvidenceRepository::version_recorded(Connection& c, std::int64_t post_id,
                                          std::int64_t version) {
  auto q = c.prepare("SELECT 1 FROM coaching_events WHERE post_id = ?1 AND version = ?2 LIMIT 1");
  q.bind(1, post_id).bind(2, version);
  return q.step();
}

void EvidenceRepository::insert_finding(Connection& c, const NewEvidenceEvent& e,
                                        const NewFinding& f, d::Millis now) {
  c.prepare(
       "INSERT INTO lint_findings(post_id, author_id, version, rule, severity, exact, "
       "policy_version, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, e.post_id)
      .bind(2, e.author_id)
      .bind(3, e.version)
      .bind(4, f.rule)
      .bind(5, f.severity)
      .bind(6, f.exact)
      .bind(7, e.policy_version)
      .bind(8, now)
      .run();
}

std::vector<OpenFinding> EvidenceRepository::open_findings(Connection& c, std::int64_t post_id,
                                                           std::int64_t before_version) {
  auto q = c.prepare(
      "SELECT id, rule, exact FROM lint_findings WHERE post_id = ?1 AND version < ?2 "
      "AND fixed IS NULL ORDER BY id");
  q.bind(1, post_id).bind(2, before_version);
  std::vector<OpenFinding> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2)});
  return out;
}

void EvidenceRepository::set_fixed(Connection& c, std::int64_t finding_id, bool fixed) {
  c.prepare("UPDATE lint_findings SET fixed = ?2 WHERE id = ?1")
      .bind(1, finding_id)
      .bind(2, fixed ? 1 : 0)
      .run();
}

std::vector<d::EvidenceEvent> EvidenceRepository::events(Connection& c, std::int64_t author_id) {
  auto q = c.prepare(
      "SELECT id, post_id, created_at, submission, errors FROM coaching_events "
      "WHERE author_id = ?1 ORDER BY id");
  q.bind(1, author_id);
  std::vector<d::EvidenceEvent> out;
  while (q.step())
    out.push_back(
        {q.int64(0), q.int64(1), q.int64(2), q.int64(3) != 0, static_cast<int>(q.int64(4))});
  return out;
}

std::vector<d::EvidenceVerdict> EvidenceRepository::verdicts(Connection& c,
                                                             std::int64_t author_id) {
  auto q = c.prepare(
      "SELECT r.id, r.post_id, r.created_at, r.verdict = 'approve', r.clarity, r.tone, "
      "r.audience_fit, r.policy FROM reviews r JOIN posts p ON p.id = r.post_id "
      "WHERE p.author_id = ?1 AND r.reply_id IS NULL ORDER BY r.created_at, r.id");
  q.bind(1, author_id);
  std::vector<d::EvidenceVerdict> out;
  while (q.step())
    out.push_back({q.int64(0), q.int64(1), q.int64(2), q.int64(3) != 0,
                   static_cast<int>(q.int64(4)), static_cast<int>(q.int64(5)),
                   static_cast<int>(q.int64(6)), static_cast<int>(q.int64(7))});
  return out;
}

std::vector<d::EvidenceFinding> EvidenceRepository::findings(Connection& c, std::int64_t author_id,
                                                             d::Millis from, d::Millis to) {
  auto q = c.prepare(
      "SELECT rule, severity, created_at, fixed FROM lint_findings "
      "WHERE author_id = ?1 AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at, id");
  q.bind(1, author_id).bind(2, from).bind(3, to);
  std::vector<d::EvidenceFinding> out;
  while (q.step()) {
    d::EvidenceFinding f{q.text(0), q.text(1), q.int64(2), std::nullopt};
    if (auto fixed = q.int64_or_null(3)) f.fixed = *fixed != 0;
    out.push_back(std::move(f));
  }
  return out;
}

std::int64_t EvidenceRepository::last_event_id(Connection& c, std::int64_t author_id) {
  auto q = c.prepare("SELECT COALESCE(MAX(id), 0) FROM coaching_events WHERE author_id = ?1");
  q.bind(1, author_id);
  q.step();
  return q.int64(0);
}

std::int64_t EvidenceRepository::last_review_id(Connection& c, std::int64_t author_id) {
  auto q = c.prepare(
      "SELECT COALESCE(MAX(r.id), 0) FROM reviews r JOIN posts p ON p.id = r.post_id "
      "WHERE p.author_id = ?1 AND r.reply_id IS NULL");
  q.bind(1, author_id);
  q.step();
  return q.int64(0);
}

void EvidenceRepository::insert_decision(Connection& c, std::int64_t executive_id,
                                         const LevelDecision& dec) {
  c.prepare(
       "INSERT INTO level_suggestion_decisions(executive_id, coach_id, from_level, to_level, "
       "decision, last_event_id, last_review_id, created_at) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, executive_id)
      .bind(2, dec.coach_id)
      .bind(3, dec.from_level)
      .bind(4, dec.to_level)
      .bind(5, dec.decision)
      .bind(6, dec.last_event_id)
      .bind(7, dec.last_review_id)
      .bind(8, dec.created_at)
      .run();
}

std::optional<LevelDecision> EvidenceRepository::latest_decision(Connection& c,
                                                                 std::int64_t executive_id,
                                                                 std::string_view decision) {
  auto q = c.prepare(
      "SELECT id, coach_id, from_level, to_level, decision, last_event_id, last_review_id, "
      "created_at FROM level_suggestion_decisions WHERE executive_id = ?1 "
      "AND (?2 = '' OR decision = ?2) ORDER BY id DESC LIMIT 1");
  q.bind(1, executive_id).bind(2, decision);
  if (!q.step()) return std::nullopt;
  return LevelDecision{q.int64(0), q.int64(1), q.text(2),  q.text(3),
                       q.text(4),  q.int64(5), q.int64(6), q.int64(7)};
}

}  // namespace greenroom::store
