#include "store/mentorship_repository.hpp"

#include <limits>
#include <string>
#include <string_view>

#include "domain/permissions.hpp"
#include "store/live_assignments.hpp"
#include "store/user_repository.hpp"

namespace greenroom::store {
namespace {

constexpr auto kMax = std::numeric_limits<std::int64_t>::max();

constexpr std::string_view kMentorshipSelect =
    "SELECT m.id, m.executive_id, e.username, e.display_name, m.mentor_id, r.username, "
    "r.display_name, m.state, m.requested_by, q.username, q.display_name, m.created_at, "
    "m.updated_at, m.ended_by FROM mentorships m JOIN users e ON e.id = m.executive_id "
    "JOIN users r ON r.id = m.mentor_id JOIN users q ON q.id = m.requested_by ";

MentorshipRecord read_mentorship(const Statement& q) {
  MentorshipRecord m;
  m.id = q.int64(0);
  m.executive = {q.int64(1), q.text(2), q.text(3)};
  m.mentor = {q.int64(4), q.text(5), q.text(6)};
  m.state = domain::parse_mentorship_state(q.text(7)).value_or(domain::MentorshipState::ended);
  m.requested_by = {q.int64(8), q.text(9), q.text(10)};
  m.created_at = q.int64(11);
  m.updated_at = q.int64(12);
  m.ended_by = q.int64_or_null(13);
  return m;
}

std::vector<MentorshipRecord> read_all(Statement& q) {
  std::vector<MentorshipRecord> out;
  while (q.step()) out.push_back(read_mentorship(q));
  return out;
}

}  // namespace

std::optional<ChampionRecord> ChampionRepository::find(Connection& c, std::int64_t user_id) {
  auto q = c.prepare(
      "SELECT ch.user_id, u.username, u.display_name, ch.about, ch.marked_by, b.username, "
      "b.display_name, ch.created_at FROM champions ch JOIN users u ON u.id = ch.user_id "
      "JOIN users b ON b.id = ch.marked_by WHERE ch.user_id = ?1");
  q.bind(1, user_id);
  if (!q.step()) return std::nullopt;
  return ChampionRecord{{q.int64(0), q.text(1), q.text(2)},
                        q.text(3),
                        {q.int64(4), q.text(5), q.text(6)},
                        q.int64(7)};
}

void ChampionRepository::upsert(Connection& c, std::int64_t user_id, const std::string& about,
                                std::int64_t marked_by, domain::Millis now) {
  c.prepare(
       "INSERT INTO champions(user_id, about, marked_by, created_at) VALUES(?1, ?2, ?3, ?4) "
       "ON CONFLICT(user_id) DO UPDATE SET about = excluded.about, marked_by = excluded.marked_by")
      .bind(1, user_id)
      .bind(2, about)
      .bind(3, marked_by)
      .bind(4, now)
      .run();
}

void ChampionRepository::remove(Connection& c, std::int64_t user_id) {
  c.prepare("DELETE FROM champions WHERE user_id = ?1").bind(1, user_id).run();
}

ChampionPage ChampionRepository::list(Connection& c, std::optional<domain::Cursor> before,
                                      int limit) {
  auto q = c.prepare(
      "SELECT ch.user_id, u.username, u.display_name, ch.about, ch.marked_by, b.username, "
      "b.display_name, ch.created_at FROM champions ch JOIN users u ON u.id = ch.user_id "
      "JOIN users b ON b.id = ch.marked_by "
      "WHERE u.disabled = 0 AND (ch.created_at, ch.user_id) < (?1, ?2) "
      "ORDER BY ch.created_at DESC, ch.user_id DESC LIMIT ?3");
  q.bind(1, before ? before->key : kMax).bind(2, before ? before->id : kMax).bind(3, limit + 1);
  ChampionPage page;
  while (q.step())
    page.items.push_back({{q.int64(0), q.text(1), q.text(2)},
                          q.text(3),
                          {q.int64(4), q.text(5), q.text(6)},
                          q.int64(7)});
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    page.next = domain::Cursor{page.items.back().created_at, page.items.back().user.id};
  }
  return page;
}

std::int64_t MentorshipRepository::insert(Connection& c, std::int64_t executive_id,
                                          std::int64_t mentor_id, std::int64_t requested_by,
                                          domain::Millis now) {
  c.prepare(
       "INSERT INTO mentorships(executive_id, mentor_id, state, requested_by, created_at, "
       "updated_at) VALUES(?1, ?2, 'requested', ?3, ?4, ?4)")
      .bind(1, executive_id)
      .bind(2, mentor_id)
      .bind(3, requested_by)
      .bind(4, now)
      .run();
  return c.last_insert_id();
}

std::optional<MentorshipRecord> MentorshipRepository::find(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kMentorshipSelect) + "WHERE m.id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_mentorship(q);
}

std::optional<std::int64_t> MentorshipRepository::open_between(Connection& c,
                                                               std::int64_t executive_id,
                                                               std::int64_t mentor_id) {
  auto q = c.prepare(
      "SELECT id FROM mentorships WHERE executive_id = ?1 AND mentor_id = ?2 "
      "AND state IN ('requested','active')");
  q.bind(1, executive_id).bind(2, mentor_id);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

void MentorshipRepository::set_state(Connection& c, std::int64_t id, domain::MentorshipState state,
                                     std::optional<std::int64_t> by, domain::Millis now) {
  c.prepare(
       "UPDATE mentorships SET state = ?2, updated_at = ?3, "
       " ended_by = CASE WHEN ?2 IN ('ended','declined') THEN ?4 ELSE ended_by END WHERE id = ?1")
      .bind(1, id)
      .bind(2, domain::to_string(state))
      .bind(3, now)
      .bind(4, by)
      .run();
}

std::vector<MentorshipRecord> MentorshipRepository::open_for_mentor(Connection& c,
                                                                    std::int64_t mentor_id) {
  static const std::string sql = std::string(kMentorshipSelect) +
                                 "WHERE m.mentor_id = ?1 AND m.state IN ('requested','active') "
                                 "ORDER BY m.id";
  auto q = c.prepare(sql);
  q.bind(1, mentor_id);
  return read_all(q);
}

std::vector<MentorshipRecord> MentorshipRepository::open_for_executive(Connection& c,
                                                                       std::int64_t executive_id) {
  static const std::string sql = std::string(kMentorshipSelect) +
                                 "WHERE m.executive_id = ?1 AND m.state IN ('requested','active') "
                                 "ORDER BY m.id";
  auto q = c.prepare(sql);
  q.bind(1, executive_id);
  return read_all(q);
}

bool MentorshipRepository::mentors_anyone(Connection& c, std::int64_t user_id) {
  static const std::string sql =
      with_live_mentorships("SELECT 1 FROM mentors WHERE mentor_id = ?1 LIMIT 1");
  auto q = c.prepare(sql);
  q.bind(1, user_id);
  return q.step();
}

namespace {

// A pairing with both people's role and state, as read_links reads it (a WHERE follows).
constexpr std::string_view kLinkSelect =
    "SELECT m.mentor_id, m.executive_id, m.state, lm.role, lm.disabled, lx.role, lx.disabled "
    "FROM mentorships m JOIN users lm ON lm.id = m.mentor_id "
    "JOIN users lx ON lx.id = m.executive_id ";

std::vector<domain::MentorLinkFacts> read_links(Statement& q) {
  std::vector<domain::MentorLinkFacts> out;
  while (q.step()) {
    domain::MentorLinkFacts f;
    f.mentor_id = q.int64(0);
    f.executive_id = q.int64(1);
    f.state = domain::parse_mentorship_state(q.text(2)).value_or(domain::MentorshipState::ended);
    f.mentor_role = domain::parse_role(q.text(3)).value_or(domain::Role::admin);
    f.mentor_disabled = q.int64(4) != 0;
    f.executive_role = domain::parse_role(q.text(5)).value_or(domain::Role::admin);
    f.executive_disabled = q.int64(6) != 0;
    out.push_back(f);
  }
  return out;
}

}  // namespace

std::vector<domain::MentorLinkFacts> MentorshipRepository::links_between(Connection& c,
                                                                         std::int64_t a,
                                                                         std::int64_t b) {
  static const std::string sql = std::string(kLinkSelect) +
                                 "WHERE (m.mentor_id = ?1 AND m.executive_id = ?2) "
                                 "OR (m.mentor_id = ?2 AND m.executive_id = ?1)";
  auto q = c.prepare(sql);
  q.bind(1, a).bind(2, b);
  return read_links(q);
}

std::vector<domain::MentorLinkFacts> MentorshipRepository::links_of(Connection& c,
                                                                    std::int64_t user_id) {
  static const std::string sql =
      std::string(kLinkSelect) + "WHERE m.mentor_id = ?1 OR m.executive_id = ?1";
  auto q = c.prepare(sql);
  q.bind(1, user_id);
  return read_links(q);
}

MentorshipPage MentorshipRepository::list(Connection& c, const MentorshipQuery& mq) {
  // Starts from the pairings the caller may see (each is then checked against the rule).
  static const std::string sql = with_live_assignments(
      std::string(kMentorshipSelect) +
      "WHERE m.id < ?2 AND (?3 = 1 OR m.executive_id = ?1 OR m.mentor_id = ?1 "
      "  OR m.executive_id IN (SELECT executive_id FROM live WHERE coach_id = ?1)) "
      "AND (?4 IS NULL OR m.executive_id = ?4) AND (?5 IS NULL OR m.state = ?5) "
      "ORDER BY m.id DESC LIMIT ?6");
  auto q = c.prepare(sql);
  q.bind(1, mq.viewer_id)
      .bind(2, mq.before ? mq.before->id : kMax)
      .bind(3, mq.scope == MentorshipScope::all ? 1 : 0)
      .bind(4, mq.executive_id);
  if (mq.state)
    q.bind(5, domain::to_string(*mq.state));
  else
    q.bind_null(5);
  q.bind(6, mq.limit + 1);
  MentorshipPage page;
  page.items = read_all(q);
  if (page.items.size() > static_cast<std::size_t>(mq.limit)) {
    page.items.pop_back();
    page.next = domain::Cursor{page.items.back().id, page.items.back().id};
  }
  return page;
}

MentorMessageRecord MentorshipRepository::add_message(Connection& c, std::int64_t post_id,
                                                      std::int64_t mentor_id,
                                                      std::int64_t author_id,
                                                      const std::string& body, domain::Millis now) {
  c.prepare(
       "INSERT INTO mentor_messages(post_id, mentor_id, author_id, body, created_at) "
       "VALUES(?1, ?2, ?3, ?4, ?5)")
      .bind(1, post_id)
      .bind(2, mentor_id)
      .bind(3, author_id)
      .bind(4, body)
      .bind(5, now)
      .run();
  return {
      c.last_insert_id(), post_id, mentor_id, UserRepository::author_ref(c, author_id), body, now};
}

std::vector<MentorMessageRecord> MentorshipRepository::messages(
    Connection& c, std::int64_t post_id, std::optional<std::int64_t> mentor_id) {
  auto q = c.prepare(
      "SELECT mm.id, mm.post_id, mm.mentor_id, mm.author_id, u.username, u.display_name, "
      "mm.body, mm.created_at FROM mentor_messages mm JOIN users u ON u.id = mm.author_id "
      "WHERE mm.post_id = ?1 AND (?2 IS NULL OR mm.mentor_id = ?2) ORDER BY mm.id LIMIT 500");
  q.bind(1, post_id).bind(2, mentor_id);
  std::vector<MentorMessageRecord> out;
  while (q.step())
    out.push_back({q.int64(0),
                   q.int64(1),
                   q.int64(2),
                   {q.int64(3), q.text(4), q.text(5)},
                   q.text(6),
                   q.int64(7)});
  return out;
}

}  // namespace greenroom::store
