#include "store/search_repository.hpp"

#include <algorithm>

#include "store/search_rank.hpp"

namespace greenroom::store {

namespace {

std::vector<std::string> split(const std::string& all, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto end = all.find(separator, start);
    out.push_back(all.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += kRankKeySeparator;
    out += p;
  }
  return out;
}

// What one statement matches and ranks by (greenroom_rank's arguments, store/search_rank.hpp):
// either the whole expression, or, when the query has word prefixes and other terms, the
// other terms with the prefixes read from each candidate row.
struct Plan {
  std::string fts;
  int phrase_count = 0;
  std::string keys;
  std::string prefixes;
};

Plan whole(const domain::SearchQuery& q) {
  return {q.fts, q.phrase_count, joined(q.phrases), ""};
}

Plan plan_for(const domain::SearchQuery& q) {
  if (q.word_prefixes.empty()) return whole(q);
  return {domain::narrow_expression(q),
          static_cast<int>(q.narrow_phrases.size()) + q.negative_count, joined(q.narrow_phrases),
          joined(q.word_prefixes)};
}

bool gave_up(const StoreError& e) {
  return std::string_view(e.what()).find(kTooManyCandidates) != std::string_view::npos;
}

// Runs `fetch` with the narrow plan, and again with the whole expression when the rank
// function gave up on too many candidates without the prefixes (FTS5's prefix merge then
// costs less than reading those rows).
template <typename Fetch>
std::vector<SearchHit> with_plan(const domain::SearchQuery& q, Fetch fetch) {
  if (q.word_prefixes.empty()) return fetch(whole(q));
  try {
    return fetch(plan_for(q));
  } catch (const StoreError& e) {
    if (!gave_up(e)) throw;
  }
  return fetch(whole(q));
}

std::vector<SearchHit> post_rows(Connection& c, const SearchFilter& f, const Plan& plan) {
  // The kind and item id come from the rowid (item_id * 16 + kind code, schema/0014), so
  // FTS5 never reads its content table here, and only the author's id is read: 1,000 and
  // 1,000 lookups fewer for a common word (the caller names the authors it shows). A post's
  // row looks for no reply (a NULL id ends the seek at once).
  auto q = c.prepare(
      "SELECT s.rowid, s.rowid & 15 AS code, s.rowid >> 4 AS item, "
      "greenroom_rank(search_index, ?9, ?10, ?11, "
      "CASE s.rowid & 15 WHEN 1 THEN r.body ELSE p.body END) "
      "AS match_score, "
      "CASE s.rowid & 15 WHEN 1 THEN r.author_id ELSE p.author_id END AS item_author, "
      "CASE s.rowid & 15 WHEN 1 THEN r.created_at "
      "ELSE COALESCE(p.published_at, p.created_at) END AS at, "
      "p.id, p.author_id, p.space, p.state, r.id, r.author_id, r.state, r.review_state, "
      "p.share_with_mentor, COALESCE(r.private_to, 0) "
      "FROM search_index s "
      "LEFT JOIN replies r ON r.id = CASE s.rowid & 15 WHEN 1 THEN s.rowid >> 4 END "
      "JOIN posts p ON p.id = CASE s.rowid & 15 WHEN 0 THEN s.rowid >> 4 ELSE r.post_id END "
      "WHERE search_index MATCH ?1 AND s.rowid & 15 IN (0, 1) AND match_score IS NOT NULL "
      "AND (?2 IS NULL OR item_author = ?2) AND (?3 IS NULL OR p.space = ?3) "
      "AND (?4 IS NULL OR s.rowid & 15 = CASE ?4 WHEN 'post' THEN 0 WHEN 'reply' THEN 1 END) "
      "AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < ?6) "
      "AND (?8 IS NULL OR EXISTS (SELECT 1 FROM text_references t WHERE t.kind = 'topic' "
      "AND t.value = ?8 AND t.post_id = p.id AND t.reply_id IS r.id)) "
      "ORDER BY s.rowid DESC LIMIT ?7");
  q.bind(1, plan.fts).bind(2, f.author_id);
  if (f.space)
    q.bind(3, domain::to_string(*f.space));
  else
    q.bind_null(3);
  q.bind(4, f.kind).bind(5, f.since).bind(6, f.until).bind(7, f.window).bind(8, f.topic);
  q.bind(9, plan.phrase_count).bind(10, plan.keys).bind(11, plan.prefixes);
  std::vector<SearchHit> out;
  out.reserve(static_cast<std::size_t>(std::max(f.window, 0)));
  while (q.step()) {
    SearchHit h;
    h.rowid = q.int64(0);
    h.kind = q.int64(1) == 1 ? "reply" : "post";
    h.item_id = q.int64(2);
    h.bm25 = q.real(3);
    h.author.id = q.int64(4);
    h.at = q.int64(5);
    h.post.id = q.int64(6);
    h.post.author_id = q.int64(7);
    h.post.space = domain::parse_space(q.text(8)).value_or(domain::Space::practice);
    h.post.state = domain::parse_state(q.text(9)).value_or(domain::PostState::removed);
    h.post.shared_with_mentor = q.int64(14) != 0;
    if (!q.is_null(10)) {
      domain::ReplyFacts r;
      r.id = q.int64(10);
      r.post_id = h.post.id;
      r.author_id = q.int64(11);
      r.state = domain::parse_reply_state(q.text(12)).value_or(domain::ReplyState::removed);
      r.review = domain::parse_reply_review(q.text(13)).value_or(domain::ReplyReview::in_review);
      r.private_to = q.int64(15);
      h.reply = r;
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<SearchHit> question_rows(Connection& c, const SearchFilter& f, const Plan& plan) {
  // A question's index row is id * 16 + 3, so every one lies at or below the newest
  // question's: the rowid bound lets FTS5 skip the (far more numerous) newer posts and
  // replies, and the rowid order streams instead of scoring and sorting every match.
  std::int64_t bound = 3;
  {
    auto m = c.prepare("SELECT COALESCE(MAX(id), 0) FROM questions");
    if (m.step()) bound = m.int64(0) * 16 + 3;
  }
  auto q = c.prepare(
      "SELECT s.rowid, s.rowid >> 4, greenroom_rank(search_index, ?6, ?7, ?8) AS match_score, "
      "u.id, u.username, u.display_name, COALESCE(q.asked_at, q.created_at) AS at, q.state, "
      "q.anonymous, b.host_id, q.blog_id "
      "FROM search_index s JOIN questions q ON q.id = s.rowid >> 4 "
      "JOIN blogs b ON b.id = q.blog_id JOIN users u ON u.id = q.asker_id "
      "WHERE search_index MATCH ?1 AND s.rowid <= ?5 AND s.rowid & 15 = 3 "
      "AND match_score IS NOT NULL AND q.state = 'answered' "
      "AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3) "
      "ORDER BY s.rowid DESC LIMIT ?4");
  q.bind(1, plan.fts).bind(2, f.since).bind(3, f.until).bind(4, f.window).bind(5, bound);
  q.bind(6, plan.phrase_count).bind(7, plan.keys).bind(8, plan.prefixes);
  std::vector<SearchHit> out;
  while (q.step()) {
    SearchHit h;
    h.rowid = q.int64(0);
    h.kind = "question";
    h.item_id = q.int64(1);
    h.bm25 = q.real(2);
    h.author = {q.int64(3), q.text(4), q.text(5)};
    h.at = q.int64(6);
    domain::QuestionFacts facts;
    facts.id = h.item_id;
    facts.asker_id = h.author.id;
    facts.state = domain::parse_question_state(q.text(7)).value_or(domain::QuestionState::removed);
    facts.anonymous = q.int64(8) != 0;
    facts.host_id = q.int64(9);
    h.question = facts;
    h.blog_id = q.int64(10);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

std::vector<SearchHit> SearchRepository::matches(Connection& c, const SearchFilter& f) {
  register_search_rank(c);
  return with_plan(f.query, [&](const Plan& plan) { return post_rows(c, f, plan); });
}

std::vector<SearchHit> SearchRepository::question_matches(Connection& c, const SearchFilter& f) {
  register_search_rank(c);
  return with_plan(f.query, [&](const Plan& plan) { return question_rows(c, f, plan); });
}

std::unordered_map<std::int64_t, std::string> SearchRepository::snippets(
    Connection& c, const domain::SearchQuery& query, const std::vector<std::int64_t>& rowids) {
  std::unordered_map<std::int64_t, std::string> out;
  if (rowids.empty()) return out;
  register_search_rank(c);
  std::string fts = query.fts;
  if (!query.word_prefixes.empty()) {
    // Each prefix as the words these rows have ("custom*": "customer" OR "customers"): FTS5
    // marks the same words as for the prefix, without merging every doclist it reaches.
    std::vector<std::vector<std::string>> words(query.word_prefixes.size());
    bool complete = true;
    for (auto rowid : rowids) {
      auto w = c.prepare(
          "SELECT greenroom_prefix_words(search_index, ?2) FROM search_index WHERE rowid = ?1");
      w.bind(1, rowid).bind(2, joined(query.word_prefixes));
      if (!w.step() || w.is_null(0)) {
        complete = false;
        break;
      }
      auto groups = split(w.text(0), kRankKeySeparator);
      for (std::size_t g = 0; g < groups.size() && g < words.size(); ++g)
        for (auto& word : split(groups[g], kRankWordSeparator))
          if (std::find(words[g].begin(), words[g].end(), word) == words[g].end())
            words[g].push_back(std::move(word));
    }
    if (complete) {
      std::vector<std::string> groups;
      for (const auto& list : words) {
        std::string group;
        for (const auto& word : list)
          group += (group.empty() ? "" : " OR ") + domain::fts5_quoted(word);
        groups.push_back(std::move(group));
      }
      fts = domain::narrow_expression(query, groups);
    }
  }
  // One statement per run of nearby rows (questions lie far below posts and replies): FTS5
  // sets up its phrase iterators once, not once per row (0.2 ms each on 1,000,000 posts).
  // The rows between are only stepped over (the unary + keeps the IN list from becoming one
  // lookup, and one iterator setup, per row).
  std::vector<std::int64_t> questions, others;
  for (auto r : rowids) ((r & 15) == 3 ? questions : others).push_back(r);
  for (const auto* run : {&others, &questions}) {
    if (run->empty()) continue;
    std::string wanted = "[";
    for (auto r : *run) wanted += (wanted.size() > 1 ? "," : "") + std::to_string(r);
    wanted += "]";
    auto q = c.prepare(
        "SELECT rowid, snippet(search_index, 0, char(1), char(2), '…', 24) FROM search_index "
        "WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
        "AND +rowid IN (SELECT value FROM json_each(?4)) ORDER BY rowid DESC");
    q.bind(1, fts)
        .bind(2, *std::min_element(run->begin(), run->end()))
        .bind(3, *std::max_element(run->begin(), run->end()))
        .bind(4, wanted);
    while (q.step()) out[q.int64(0)] = q.text(1);
  }
  return out;
}

}  // namespace greenroom::store
