#pragma once
// Full-text search over the search_index FTS5 table (schema/0014). The index holds text only;
// each match comes back with the facts the visibility rule needs, read from the live rows,
// and the caller (api/search.cpp) keeps only what domain::can_view_post / can_view_reply
// allow. Filters here only narrow what the user asked for (author, space, kind, topic, time).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/model.hpp"
#include "domain/search_query.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace greenroom::store {

struct SearchFilter {
  domain::SearchQuery query;  // domain::translate_search_query's, never raw user text
  std::optional<std::int64_t> author_id;
  std::optional<domain::Space> space;
  std::optional<std::string> kind;   // "post", "reply", "question"
  std::optional<std::string> topic;  // a lower-case topic the item itself names (#topic)
  std::optional<domain::Millis> since, until;
  int window = 1000;  // at most this many newest matches are ranked
};

struct SearchHit {
  std::int64_t rowid = 0;
  std::string kind;  // post, reply
  std::int64_t item_id = 0;
  double bm25 = 0;         // store/search_rank.hpp: bm25's scale and sign (lower is better)
  AuthorRef author;        // a post or reply: only the id (UserRepository::author_ref names it)
  domain::Millis at = 0;   // published (or created) time of a post, created time of a reply
  domain::PostFacts post;  // the post (for a reply: the post it answers)
  std::optional<domain::ReplyFacts> reply;
  // kind "question": an answered blog question (the question and its answer are indexed
  // together). `post` and `reply` are unused; `author` is the asker, never to be shown for an
  // anonymous question (domain::shows_asker).
  std::optional<domain::QuestionFacts> question;
  std::int64_t blog_id = 0;
};

class SearchRepository {
 public:
  // The newest `window` matches that pass the filters (by index rowid, newest items first),
  // each with its bm25 and facts; the caller ranks them. FTS5 streams matches in rowid order,
  // so a query every post matches reads `window` rows instead of scoring every match (1.5 s
  // at 20,000 posts when all matches were sorted by bm25). Throws StoreError when FTS5 refuses
  // the expression (the caller turns that into 400).
  static std::vector<SearchHit> matches(Connection& c, const SearchFilter& f);
  // The best matching answered blog questions (never filtered by author or space: a question
  // has no space, and an author filter must not find an anonymous asker).
  static std::vector<SearchHit> question_matches(Connection& c, const SearchFilter& f);
  // Each row's text around its matches, hits between domain::kHitOpen and kHitClose, by
  // index rowid (a row that no longer matches is left out).
  static std::unordered_map<std::int64_t, std::string> snippets(
      Connection& c, const domain::SearchQuery& query, const std::vector<std::int64_t>& rowids);
};

}  // namespace greenroom::store
