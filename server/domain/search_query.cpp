#include "domain/search_query.hpp"

#include <cctype>
#include <cmath>

namespace greenroom::domain {
namespace {

// A byte that belongs to a word for FTS5's unicode61 tokenizer: ASCII letters and digits,
// and every byte of a multi-byte UTF-8 character (most of which are letters).
bool word_byte(unsigned char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         ch >= 0x80;
}

bool has_word(std::string_view s) {
  for (unsigned char ch : s)
    if (word_byte(ch)) return true;
  return false;
}

bool space_byte(unsigned char ch) {
  return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

// An FTS5 string literal: double quotes around, inner quotes doubled. Control characters
// become spaces (they separate words for the tokenizer anyway).
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    if (ch == '"')
      out += "\"\"";
    else if (ch < 0x20 || ch == 0x7f)
      out += ' ';
    else
      out += static_cast<char>(ch);
  }
  out += '"';
  return out;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

bool ascii_word(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
      return false;
  return true;
}

SearchQueryResult fail(std::string message) {
  return {std::nullopt, std::move(message)};
}

}  // namespace

SearchQueryResult translate_search_query(std::string_view in) {
  if (in.size() > kMaxQueryBytes)
    return fail("The search is too long: at most " + std::to_string(kMaxQueryBytes) +
                " characters.");
  if (!valid_utf8(in)) return fail("The search must be valid UTF-8 text.");
  SearchQuery q;
  std::size_t i = 0;
  while (i < in.size()) {
    if (space_byte(static_cast<unsigned char>(in[i]))) {
      ++i;
      continue;
    }
    SearchTerm t;
    if (in[i] == '-') {
      t.negated = true;
      ++i;
      if (i >= in.size() || space_byte(static_cast<unsigned char>(in[i])))
        return fail("A '-' must be followed by the word or \"phrase\" to leave out.");
    }
    if (in[i] == '"') {
      auto close = in.find('"', i + 1);
      if (close == std::string_view::npos)
        return fail("A quotation mark is not closed: put the phrase between two \" marks.");
      t.text = std::string(in.substr(i + 1, close - i - 1));
      t.phrase = true;
      i = close + 1;
      if (i < in.size() && in[i] == '*') {
        t.prefix = true;
        ++i;
      }
      if (i < in.size() && !space_byte(static_cast<unsigned char>(in[i])))
        return fail("Put a space after a closing quotation mark.");
    } else {
      std::size_t start = i;
      while (i < in.size() && !space_byte(static_cast<unsigned char>(in[i])) && in[i] != '"') ++i;
      if (i < in.size() && in[i] == '"')
        return fail("A quotation mark may only start or end a phrase.");
      std::string_view word = in.substr(start, i - start);
      while (!word.empty() && word.back() == '*') {
        t.prefix = true;
        word.remove_suffix(1);
      }
      if (word.find('*') != std::string_view::npos)
        return fail("A '*' may only end a word, as in manag* for manager and managing.");
      t.text = std::string(word);
    }
    if (!has_word(t.text)) {
      if (t.phrase) return fail("A phrase must contain at least one word.");
      if (t.prefix || t.negated) return fail("'*' and '-' must go with a word.");
      continue;  // punctuation on its own is ignored, as the index ignores it
    }
    q.terms.push_back(std::move(t));
    if (q.terms.size() > kMaxQueryTerms)
      return fail("The search has too many words: at most " + std::to_string(kMaxQueryTerms) + ".");
  }
  std::string positive, negative, narrow;
  std::vector<std::string> prefixes;
  for (const auto& t : q.terms) {
    std::string expr = quoted(t.text);
    if (t.prefix) expr += '*';
    if (t.negated) {
      negative += " NOT " + expr;
      ++q.negative_count;
      continue;
    }
    if (!positive.empty()) positive += " AND ";
    positive += expr;
    if (t.prefix && !t.phrase && ascii_word(t.text)) {
      std::string lower;
      for (char ch : t.text)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      prefixes.push_back(std::move(lower));
    } else {
      if (!narrow.empty()) narrow += " AND ";
      narrow += expr;
      q.narrow_phrases.push_back(expr);
    }
    q.phrases.push_back(std::move(expr));
  }
  q.phrase_count = static_cast<int>(q.terms.size());
  if (!prefixes.empty() && !narrow.empty()) {
    q.word_prefixes = std::move(prefixes);
    q.narrow_positive = std::move(narrow);
    q.negative = negative;
  } else {
    q.narrow_phrases.clear();
  }
  if (positive.empty()) {
    if (q.terms.empty()) return fail("Type a word to search for.");
    return fail("Say what to look for, not only what to leave out (add a word without '-').");
  }
  q.fts = negative.empty() ? positive : "(" + positive + ")" + negative;
  return {std::move(q), ""};
}

std::string narrow_expression(const SearchQuery& q, const std::vector<std::string>& groups) {
  std::string positive = q.narrow_positive;
  for (const auto& g : groups) positive += " AND (" + g + ")";
  return q.negative.empty() ? positive : "(" + positive + ")" + q.negative;
}

std::string fts5_quoted(std::string_view s) {
  return quoted(s);
}

std::vector<SnippetSegment> snippet_segments(std::string_view marked) {
  std::vector<SnippetSegment> out;
  std::string cur;
  bool hit = false;
  bool balanced = true;
  for (char ch : marked) {
    if (ch == kHitOpen || ch == kHitClose) {
      bool opening = ch == kHitOpen;
      if (opening == hit) {
        balanced = false;
        break;
      }
      if (!cur.empty()) out.push_back({std::move(cur), hit});
      cur.clear();
      hit = opening;
    } else {
      cur += ch;
    }
  }
  if (!balanced || hit) {
    std::string plain;
    for (char ch : marked)
      if (ch != kHitOpen && ch != kHitClose) plain += ch;
    return {{plain, false}};
  }
  if (!cur.empty()) out.push_back({std::move(cur), false});
  return out;
}

double search_score(double bm25, double age_days) {
  double relevance = -bm25;
  if (age_days < 0) age_days = 0;
  return relevance * (1.0 + 0.2 * std::exp2(-age_days / 30.0));
}

}  // namespace greenroom::domain
