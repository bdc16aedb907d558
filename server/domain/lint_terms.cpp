// The banned_terms and confidential_terms rules: whole-word term matching on a folded copy of
// the post (see TermsRule in policy_lint.hpp).
#include <algorithm>

#include "domain/lint_rules.hpp"

namespace greenroom::domain::lint_detail {
namespace {

// fold(s).text without the origin map.
std::string fold_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    auto d = next_cp(s, i);
    if (is_space(d.value)) {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      for (std::size_t k = 0; k < d.length; ++k) out.push_back(lower_ascii(s[i + k]));
      in_space = false;
    }
    i += d.length;
  }
  return out;
}

// The length of the match of `stem` at `pos` in the folded text, or npos. A space in the stem
// matches one space of the folded text, or a place where invisible characters were dropped
// ("project<ZWSP>falcon" is caught by "project falcon"; "projectfalcon" is not). Greedy is
// exact: the stem has no two spaces in a row, so the character after a space is never one.
std::size_t match_at(const FoldedText& f, std::size_t pos, std::string_view stem) {
  const std::string_view text = f.text;
  std::size_t j = pos;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    if (stem[i] == ' ') {
      if (j < text.size() && text[j] == ' ')
        ++j;
      else if (j >= f.hidden_break.size() || !f.hidden_break[j])
        return std::string_view::npos;
      continue;
    }
    if (j >= text.size() || text[j] != stem[i]) return std::string_view::npos;
    ++j;
  }
  return j - pos;
}

}  // namespace

FoldedText fold(std::string_view s) {
  FoldedText f;
  f.text.resize(s.size());
  f.origin.resize(s.size());
  std::size_t n = 0;
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    bool space = c == ' ' || (c >= 0x09 && c <= 0x0D);
    if (c >= 0x80) {
      auto d = decode_at(s, i);
      len = d.length;
      space = is_space(d.value);
    }
    if (space) {
      if (!in_space) {
        f.text[n] = ' ';
        f.origin[n++] = i;
      }
    } else {
      for (std::size_t k = 0; k < len; ++k) {
        f.text[n] = lower_ascii(s[i + k]);
        f.origin[n++] = i + k;
      }
    }
    in_space = space;
    i += len;
  }
  f.text.resize(n);
  f.origin.resize(n);
  return f;
}

CompiledTerm compile_term(std::string_view term) {
  CompiledTerm t;
  std::string folded = fold_text(term);
  std::string_view v = folded;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (!v.empty() && v.back() == '*') {
    t.prefix = true;
    v.remove_suffix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  }
  t.stem = std::string(v);
  t.word_start = joins_word(next_cp(t.stem, 0).value);
  t.word_end = joins_word(prev_cp(t.stem, t.stem.size()).value);
  return t;
}

std::shared_ptr<const CompiledTerms> compile_terms(const std::vector<std::string>& terms) {
  // Terms that begin a word are tried only at word starts, looked up by their first byte;
  // the others (e.g. in Chinese, or starting with punctuation) are searched everywhere.
  auto out = std::make_shared<CompiledTerms>();
  out->source = terms;
  for (const auto& term : terms) {
    CompiledTerm t = compile_term(term);
    if (!t.stem.empty())
      (t.word_start ? out->at_word_start : out->anywhere).push_back(std::move(t));
  }
  auto first_byte = [](const CompiledTerm& t) { return static_cast<unsigned char>(t.stem[0]); };
  std::stable_sort(
      out->at_word_start.begin(), out->at_word_start.end(),
      [&](const CompiledTerm& a, const CompiledTerm& b) { return first_byte(a) < first_byte(b); });
  return out;
}

std::vector<std::size_t> word_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    auto d = next_cp(text, i);
    bool joins = joins_word(d.value);
    if (joins && !in_word) starts.push_back(i);
    in_word = joins;
    i += d.length;
  }
  return starts;
}

void check_terms(std::string_view body, const FoldedText& f, const std::vector<std::size_t>& starts,
                 const TermsRule& r, std::string_view rule_name, std::string_view why,
                 Findings& out) {
  const std::string_view text = f.text;
  auto report = [&](const CompiledTerm& t, std::size_t pos, std::size_t length) {
    std::size_t end = pos + length;
    if (t.prefix) {
      for (auto d = next_cp(text, end); d.length != 0 && joins_word(d.value);
           d = next_cp(text, end))
        end += d.length;
    } else if (t.word_end && joins_word(next_cp(text, end).value)) {
      return;
    }
    std::size_t begin_b = f.origin[pos], end_b = f.origin[end - 1] + 1;
    out.push_back(
        {rule_name, r.severity,
         "Remove " + quoted(body.substr(begin_b, end_b - begin_b)) + ": " + std::string(why),
         begin_b, end_b});
  };

  const auto compiled =
      r.compiled && r.compiled->source == r.terms ? r.compiled : compile_terms(r.terms);
  const auto& at_word_start = compiled->at_word_start;
  const auto& anywhere = compiled->anywhere;
  auto first_byte = [](const CompiledTerm& t) { return static_cast<unsigned char>(t.stem[0]); };
  for (std::size_t pos : starts) {
    auto c = static_cast<unsigned char>(text[pos]);
    auto it =
        std::lower_bound(at_word_start.begin(), at_word_start.end(), c,
                         [&](const CompiledTerm& t, unsigned char v) { return first_byte(t) < v; });
    for (; it != at_word_start.end() && first_byte(*it) == c; ++it)
      if (auto n = match_at(f, pos, it->stem); n != std::string_view::npos) report(*it, pos, n);
  }
  for (const auto& t : anywhere) {
    const std::string_view head = std::string_view(t.stem).substr(0, t.stem.find(' '));
    for (auto pos = text.find(head); pos != std::string_view::npos; pos = text.find(head, pos + 1))
      if (auto n = match_at(f, pos, t.stem); n != std::string_view::npos) report(t, pos, n);
  }
}

}  // namespace greenroom::domain::lint_detail
