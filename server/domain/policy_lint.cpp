#include "domain/policy_lint.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>
#include <unordered_set>

#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

using nlohmann::json;

// ------------------------------------------------------------------ characters
// Coarse classification, enough for word boundaries and capitals in the scripts posts use.

bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_digit_byte(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_byte(char c) { return is_ascii_alnum(static_cast<unsigned char>(c)); }
char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// decode_at / decode_before with the common ASCII case inline (lint runs on every keystroke).
inline DecodedCodePoint next_cp(std::string_view s, std::size_t i) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80)
    return {static_cast<char32_t>(s[i]), 1};
  return decode_at(s, i);
}

inline DecodedCodePoint prev_cp(std::string_view s, std::size_t i) {
  if (i > 0 && i <= s.size() && static_cast<unsigned char>(s[i - 1]) < 0x80)
    return {static_cast<char32_t>(s[i - 1]), 1};
  return decode_before(s, i);
}

struct CodePointRange {
  char32_t lo, hi;
};

// Letters (and combining marks, which belong to the letter before them) outside ASCII.
constexpr std::array kLetterRanges{
    CodePointRange{0x00AA, 0x00AA},   CodePointRange{0x00B5, 0x00B5},
    CodePointRange{0x00BA, 0x00BA},   CodePointRange{0x00C0, 0x02AF},  // Latin, IPA
    CodePointRange{0x0300, 0x036F},                                    // combining marks
    CodePointRange{0x0370, 0x03FF},   CodePointRange{0x0400, 0x052F},  // Greek, Cyrillic
    CodePointRange{0x0531, 0x0587},   CodePointRange{0x05D0, 0x05EA},  // Armenian, Hebrew
    CodePointRange{0x0620, 0x064A},   CodePointRange{0x0660, 0x0669},  // Arabic
    CodePointRange{0x0900, 0x0DFF},   CodePointRange{0x0E01, 0x0E4E},  // Indic, Thai
    CodePointRange{0x1E00, 0x1FFF},                                    // Latin/Greek ext.
    CodePointRange{0x3040, 0x30FF},   CodePointRange{0x3400, 0x4DBF},  // kana, CJK ext. A
    CodePointRange{0x4E00, 0x9FFF},   CodePointRange{0xAC00, 0xD7AF},  // CJK, Hangul
    CodePointRange{0xF900, 0xFAFF},   CodePointRange{0xFF10, 0xFF19},  // fullwidth digits
    CodePointRange{0xFF21, 0xFF3A},   CodePointRange{0xFF41, 0xFF5A},  // fullwidth Latin
    CodePointRange{0x20000, 0x2FFFF},
};

bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  if (c == 0xD7 || c == 0xF7) return false;  // multiplication and division signs
  for (auto r : kLetterRanges)
    if (c >= r.lo && c <= r.hi) return true;
  return false;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  return is_letter(c);
}

// Scripts written without spaces between words (Thai, kana, CJK ideographs): there a term
// can start or end anywhere, so they do not count as word characters at a term's edge.
bool is_unspaced_script(char32_t c) {
  return (c >= 0x0E01 && c <= 0x0E4E) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// A character that joins the one next to it into a single word, for whole-word matching.
bool joins_word(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  return is_word_char(c) && !is_unspaced_script(c);
}

enum class LetterCase { none, upper, lower };

// Case of Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic letters, and of
// fullwidth Latin; everything else (CJK, digits, ...) is caseless.
LetterCase letter_case(char32_t c) {
  using enum LetterCase;
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? upper : (c >= 'a' && c <= 'z') ? lower : none;
  if (c >= 0xC0 && c <= 0xDE) return c == 0xD7 ? none : upper;
  if (c >= 0xDF && c <= 0xFF) return c == 0xF7 ? none : lower;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x138 || c == 0x149 || c == 0x17F) return lower;
    if (c == 0x178) return upper;
    bool odd = (c & 1) != 0;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return odd ? upper : lower;
    return odd ? lower : upper;
  }
  if (c == 0x386 || (c >= 0x388 && c <= 0x38F) || (c >= 0x391 && c <= 0x3AB)) return upper;
  if (c >= 0x3AC && c <= 0x3CE) return lower;
  if (c >= 0x400 && c <= 0x42F) return upper;
  if (c >= 0x430 && c <= 0x45F) return lower;
  if (c >= 0xFF21 && c <= 0xFF3A) return upper;
  if (c >= 0xFF41 && c <= 0xFF5A) return lower;
  return none;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// ------------------------------------------------------------------ findings

// A finding while scanning, with byte offsets into the body.
struct RawFinding {
  std::string_view rule;
  Severity severity;
  std::string message;
  std::size_t begin, end;  // bytes
};

using Findings = std::vector<RawFinding>;

struct ByteSpan {
  std::size_t begin, end;
};

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// ------------------------------------------------------------------ length

void check_length(std::string_view body, const LengthRule& r, Findings& out) {
  std::size_t n = code_point_count(body);
  if (n > r.max_characters) {
    out.push_back({rule::length, r.severity,
                   "The post is " + count_of(n, "character", "characters") +
                       " long; the limit is " + std::to_string(r.max_characters) +
                       ". Shorten it by " + count_of(n - r.max_characters, "character",
                                                     "characters") + ".",
                   *byte_offset_of(body, r.max_characters), body.size()});
  } else if (n > r.recommended_max_characters) {
    out.push_back({rule::length, r.recommended_severity,
                   "The post is " + count_of(n, "character", "characters") +
                       " long; posts of up to " + std::to_string(r.recommended_max_characters) +
                       " characters read best. Consider cutting " +
                       count_of(n - r.recommended_max_characters, "character", "characters") +
                       ".",
                   *byte_offset_of(body, r.recommended_max_characters), body.size()});
  }
}

// ------------------------------------------------------------------ terms

// Text with ASCII letters lower-cased and every run of white space made one ' ', remembering
// where each byte came from so matches map back to the original.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> origin;  // origin[i]: byte offset in the original of text[i]
};

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

// A term as matched: folded, trimmed, with its trailing "*" taken off.
struct CompiledTerm {
  std::string stem;
  bool prefix = false;      // ended in "*": match words beginning with the stem
  bool word_start = false;  // the stem begins with a character that joins words
  bool word_end = false;    // the stem ends with one
};

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

// Where words begin in the folded text: a character that joins words, after one that does
// not. A term beginning with such a character can only match there.
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

void check_terms(std::string_view body, const FoldedText& f,
                 const std::vector<std::size_t>& starts, const TermsRule& r,
                 std::string_view rule_name, std::string_view why, Findings& out) {
  const std::string_view text = f.text;
  auto report = [&](const CompiledTerm& t, std::size_t pos) {
    std::size_t end = pos + t.stem.size();
    if (t.prefix) {
      for (auto d = next_cp(text, end); d.length != 0 && joins_word(d.value);
           d = next_cp(text, end))
        end += d.length;
    } else if (t.word_end && joins_word(next_cp(text, end).value)) {
      return;
    }
    std::size_t begin_b = f.origin[pos], end_b = f.origin[end - 1] + 1;
    out.push_back({rule_name, r.severity,
                   "Remove " + quoted(body.substr(begin_b, end_b - begin_b)) + ": " +
                       std::string(why),
                   begin_b, end_b});
  };

  // Terms that begin a word are tried only at word starts, looked up by their first byte;
  // the others (e.g. in Chinese, or starting with punctuation) are searched everywhere.
  std::vector<CompiledTerm> at_word_start, anywhere;
  for (const auto& term : r.terms) {
    CompiledTerm t = compile_term(term);
    if (!t.stem.empty()) (t.word_start ? at_word_start : anywhere).push_back(std::move(t));
  }
  auto first_byte = [](const CompiledTerm& t) { return static_cast<unsigned char>(t.stem[0]); };
  std::sort(at_word_start.begin(), at_word_start.end(),
            [&](const CompiledTerm& a, const CompiledTerm& b) {
              return first_byte(a) < first_byte(b);
            });
  for (std::size_t pos : starts) {
    auto c = static_cast<unsigned char>(text[pos]);
    auto it = std::lower_bound(at_word_start.begin(), at_word_start.end(), c,
                               [&](const CompiledTerm& t, unsigned char v) {
                                 return first_byte(t) < v;
                               });
    for (; it != at_word_start.end() && first_byte(*it) == c; ++it)
      if (text.substr(pos).starts_with(it->stem)) report(*it, pos);
  }
  for (const auto& t : anywhere)
    for (auto pos = text.find(t.stem); pos != std::string_view::npos;
         pos = text.find(t.stem, pos + 1))
      report(t, pos);
}

// ------------------------------------------------------------------ personal data

bool is_email_local_char(char c) {
  return is_alnum_byte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_email_domain_char(char c) { return is_alnum_byte(c) || c == '-' || c == '.'; }

bool is_email_domain(std::string_view d) {
  auto dot = d.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || d.find("..") != std::string_view::npos ||
      d.front() == '.' || d.front() == '-')
    return false;
  auto tld = d.substr(dot + 1);
  return tld.size() >= 2 &&
         std::all_of(tld.begin(), tld.end(), [](char c) { return is_ascii_alpha(c); });
}

void find_emails(std::string_view s, const PersonalDataRule& r, Findings& out) {
  for (auto at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && is_email_local_char(s[b - 1])) --b;
    while (b < at && s[b] == '.') ++b;
    if (b == at) continue;
    std::size_t e = at + 1;
    while (e < s.size() && is_email_domain_char(s[e])) ++e;
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
    if (!is_email_domain(s.substr(at + 1, e - at - 1))) continue;
    out.push_back({rule::personal_data, r.severity,
                   "Remove the email address: personal data must not appear in posts.", b, e});
    at = e - 1;
  }
}

struct DigitGroup {
  std::size_t digits = 0;
  bool parenthesized = false;
  char first = '0';
};

struct PhoneCandidate {
  std::size_t end = 0;  // bytes; the candidate is [start, end)
  bool plus = false;
  bool well_formed = true;  // balanced parentheses, not too many groups
  std::array<DigitGroup, 8> groups{};
  std::size_t group_count = 0;
  std::size_t digits = 0;
};

// Digit groups separated by one space, '-' or '.', optionally "+" first and a group in
// parentheses: the widest run starting at `i` that could be a phone number.
PhoneCandidate scan_phone(std::string_view s, std::size_t i) {
  PhoneCandidate c;
  std::size_t p = i;
  if (s[p] == '+') {
    c.plus = true;
    ++p;
  }
  c.end = p;
  auto digit_at = [&](std::size_t k) { return k < s.size() && is_digit_byte(s[k]); };
  while (true) {
    bool paren = false;
    if (p < s.size() && s[p] == '(') {
      if (!digit_at(p + 1)) break;
      paren = true;
      ++p;
    }
    std::size_t first = p;
    while (digit_at(p)) ++p;
    if (p == first) break;
    const std::size_t digits = p - first;
    if (paren) {
      if (p < s.size() && s[p] == ')') {
        ++p;
      } else {
        c.well_formed = false;
        c.end = p;
        break;
      }
    }
    if (c.group_count == c.groups.size())
      c.well_formed = false;
    else
      c.groups[c.group_count++] = {digits, paren, s[first]};
    c.digits += digits;
    c.end = p;
    std::size_t q = p;
    if (q < s.size() && (s[q] == ' ' || s[q] == '-' || s[q] == '.')) ++q;
    bool more = digit_at(q) || (q < s.size() && s[q] == '(' && digit_at(q + 1));
    if (!more || (q == p && !paren)) break;
    p = q;
  }
  return c;
}

bool is_phone_number(const PhoneCandidate& c) {
  if (!c.well_formed || c.group_count == 0) return false;
  const auto* g = c.groups.data();
  const std::size_t n = c.group_count;
  if (c.plus) return c.digits >= 8 && c.digits <= 15;
  // North American: [1 sep] (555) 123-4567 / 555-123-4567 / 555.123.4567 / 555 123 4567.
  std::size_t k = (n == 4 && g[0].digits == 1 && g[0].first == '1' && !g[0].parenthesized);
  if (n - k == 3 && g[k].digits == 3 && g[k + 1].digits == 3 && !g[k + 1].parenthesized &&
      g[k + 2].digits == 4 && !g[k + 2].parenthesized)
    return true;
  // National numbers with a trunk prefix: 020 7946 0958, (020) 7946 0958, 01 23 45 67 89.
  if (n >= 2 && g[0].first == '0' && c.digits >= 10 && c.digits <= 11) {
    for (std::size_t i = 0; i < n; ++i)
      if (g[i].digits < 2 || (i > 0 && g[i].parenthesized)) return false;
    return true;
  }
  return false;
}

// A phone number must not start inside a word, a number, an amount or a path.
bool blocks_phone_start(char prev) {
  return is_alnum_byte(prev) || prev == '_' || prev == '.' || prev == ',' || prev == '-' ||
         prev == '+' || prev == '/' || prev == '$' || prev == '#' || prev == '@' || prev == '&';
}

void find_phone_numbers(std::string_view s, const PersonalDataRule& r, Findings& out) {
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    bool may_start = is_digit_byte(c) ||
                     ((c == '+' || c == '(') && i + 1 < s.size() && is_digit_byte(s[i + 1]));
    if (!may_start || (i > 0 && blocks_phone_start(s[i - 1]))) {
      ++i;
      continue;
    }
    PhoneCandidate cand = scan_phone(s, i);
    bool ends_clean = cand.end >= s.size() ||
                      !(is_alnum_byte(s[cand.end]) || s[cand.end] == '_' || s[cand.end] == '@');
    if (ends_clean && is_phone_number(cand))
      out.push_back({rule::personal_data, r.severity,
                     "Remove the phone number: personal data must not appear in posts.", i,
                     cand.end});
    i = std::max(cand.end, i + 1);
  }
}

// ------------------------------------------------------------------ shouting

void check_caps(std::string_view s, const ShoutingRule& r, Findings& out) {
  std::size_t run_words = 0, run_begin = 0, run_end = 0;
  std::size_t total_upper = 0, total_lower = 0;
  std::size_t first_text = s.size(), last_text = 0;  // bytes of non-space text

  auto flush = [&] {
    if (run_words >= r.caps_run_words)
      out.push_back({rule::shouting, r.severity,
                     "Avoid writing " + std::to_string(run_words) +
                         " words in a row in capitals: it reads as shouting. Keep capitals to "
                         "at most " +
                         count_of(r.caps_run_words - 1, "word", "words") +
                         " in a row, such as an acronym.",
                     run_begin, run_end});
    run_words = 0;
  };

  for (std::size_t i = 0; i < s.size();) {
    auto d = next_cp(s, i);
    if (!is_word_char(d.value)) {
      if (!is_space(d.value)) {
        first_text = std::min(first_text, i);
        last_text = i + d.length;
      }
      i += d.length;
      continue;
    }
    char32_t before = prev_cp(s, i).value;
    bool tagged = before == '#' || before == '@';
    std::size_t word_begin = i, upper = 0, lower = 0, caseless = 0;
    while (i < s.size()) {
      auto e = next_cp(s, i);
      if (is_word_char(e.value)) {
        switch (letter_case(e.value)) {
          case LetterCase::upper: ++upper; break;
          case LetterCase::lower: ++lower; break;
          case LetterCase::none: caseless += is_letter(e.value) ? 1 : 0; break;
        }
        i += e.length;
        continue;
      }
      // An apostrophe inside a word keeps it one word: DON'T, it's.
      if ((e.value == '\'' || e.value == 0x2019) &&
          is_word_char(next_cp(s, i + e.length).value)) {
        i += e.length;
        continue;
      }
      break;
    }
    first_text = std::min(first_text, word_begin);
    last_text = i;
    total_upper += upper;
    total_lower += lower;
    bool caps_word = upper >= 2 && lower == 0 && caseless == 0;
    bool neutral = lower == 0 && caseless == 0 && upper <= 1;
    if (tagged || neutral) continue;
    if (caps_word) {
      if (run_words == 0) run_begin = word_begin;
      run_end = i;
      ++run_words;
    } else {
      flush();
    }
  }
  flush();

  std::size_t cased = total_upper + total_lower;
  if (cased >= r.caps_ratio_min_letters && cased > 0 &&
      total_upper * 100 >= r.caps_ratio_percent * cased)
    out.push_back({rule::shouting, r.severity,
                   std::to_string(total_upper * 100 / cased) +
                       "% of the letters in this post are capitals, which reads as shouting. "
                       "Keep capitals below " +
                       std::to_string(r.caps_ratio_percent) + "% of the letters.",
                   first_text, last_text});
}

// Exclamation marks: '!', fullwidth '！' (U+FF01) and '‼' (U+203C, counted as two).
std::size_t exclamation_marks(char32_t c) {
  return c == '!' || c == 0xFF01 ? 1 : c == 0x203C ? 2 : 0;
}

void check_exclamations(std::string_view s, const ShoutingRule& r, Findings& out) {
  for (std::size_t i = 0; i < s.size();) {
    auto d = next_cp(s, i);
    if (exclamation_marks(d.value) == 0) {
      i += d.length;
      continue;
    }
    std::size_t begin = i, marks = 0;
    for (; i < s.size(); i += d.length) {
      d = next_cp(s, i);
      std::size_t m = exclamation_marks(d.value);
      if (m == 0) break;
      marks += m;
    }
    if (marks > r.max_exclamation_marks)
      out.push_back({rule::shouting, r.severity,
                     (r.max_exclamation_marks == 1
                          ? std::string("Use a single exclamation mark")
                          : "Use at most " + std::to_string(r.max_exclamation_marks) +
                                " exclamation marks in a row") +
                         " instead of " + std::to_string(marks) +
                         ": repeated exclamation marks read as shouting.",
                     begin, i});
  }
}

// ------------------------------------------------------------------ links

bool starts_with_http(std::string_view s, std::size_t i) {
  static constexpr std::string_view kHttp = "http://";
  if (s.size() - i < kHttp.size()) return false;
  for (std::size_t k = 0; k < kHttp.size(); ++k)
    if (lower_ascii(s[i + k]) != kHttp[k]) return false;
  return true;
}

void find_insecure_links(std::string_view s, const InsecureLinksRule& r, Findings& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] != 'h' && s[i] != 'H') || !starts_with_http(s, i)) continue;
    if (i > 0 && is_alnum_byte(s[i - 1])) continue;
    std::size_t host = i + 7, e = host;
    while (e < s.size()) {
      auto d = next_cp(s, e);
      if (is_space(d.value) || d.value == '<' || d.value == '>' || d.value == '"' ||
          d.value == '`')
        break;
      e += d.length;
    }
    // Trailing punctuation ends the sentence, not the link; a ')' stays when it closes one
    // opened inside the link.
    while (e > host) {
      char c = s[e - 1];
      auto url = s.substr(i, e - i);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
          (c == ')' && std::count(url.begin(), url.end(), '(') <
                           std::count(url.begin(), url.end(), ')')) ||
          (c == ']' && std::count(url.begin(), url.end(), '[') <
                           std::count(url.begin(), url.end(), ']')))
        --e;
      else
        break;
    }
    if (e == host) continue;
    out.push_back({rule::insecure_links, r.severity,
                   "Use an https:// link instead of http://: links in posts must be secure.", i,
                   e});
    i = e - 1;
  }
}

// ------------------------------------------------------------------ hashtags, mentions

std::vector<ByteSpan> find_hashtags(std::string_view s) {
  std::vector<ByteSpan> tags;
  for (auto i = s.find('#'); i != std::string_view::npos; i = s.find('#', i + 1)) {
    char32_t before = prev_cp(s, i).value;
    if (is_word_char(before) || before == '&' || before == '#') continue;
    std::size_t e = i + 1;
    bool has_letter = false;
    for (auto d = next_cp(s, e); d.length != 0 && is_word_char(d.value); d = next_cp(s, e)) {
      has_letter = has_letter || is_letter(d.value);
      e += d.length;
    }
    if (has_letter) tags.push_back({i, e});
  }
  return tags;
}

std::vector<ByteSpan> find_mentions(std::string_view s) {
  std::vector<ByteSpan> mentions;
  for (auto i = s.find('@'); i != std::string_view::npos; i = s.find('@', i + 1)) {
    char32_t before = prev_cp(s, i).value;
    if (is_word_char(before) || before == '.' || before == '%' || before == '+' ||
        before == '-' || before == '@')
      continue;
    std::size_t e = i + 1;
    while (e < s.size()) {
      auto d = next_cp(s, e);
      if (is_word_char(d.value)) {
        e += d.length;
      } else if ((d.value == '.' || d.value == '-') && e > i + 1 &&
                 is_word_char(next_cp(s, e + 1).value)) {
        e += 1;  // first.last, jean-luc
      } else {
        break;
      }
    }
    if (e > i + 1) mentions.push_back({i, e});
  }
  return mentions;
}

void check_count(const std::vector<ByteSpan>& spans, std::size_t max, std::string_view rule_name,
                 Severity severity, std::string_view one, std::string_view many,
                 std::string_view verb, Findings& out) {
  if (spans.size() <= max) return;
  std::size_t extra = spans.size() - max;
  std::string message =
      max == 0 ? "Remove the " + std::string(many) + ": posts may not have any."
               : std::string(verb) + " at most " + count_of(max, one, many) + ": this post has " +
                     std::to_string(spans.size()) + ", so remove " +
                     (extra == 1 ? std::string("the last one.")
                                 : "the last " + std::to_string(extra) + ".");
  out.push_back({rule_name, severity, std::move(message), spans[max].begin, spans.back().end});
}

// ------------------------------------------------------------------ policy document

constexpr std::size_t kMaxTerms = 1000;
constexpr std::size_t kMaxTermLength = 100;

std::string join(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// A short description of a JSON value for error messages.
std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::null: return "null";
    default: break;
  }
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

[[noreturn]] void refuse(const std::string& message) { throw std::invalid_argument(message); }

// One JSON object of the policy, checked for exactly the allowed keys.
class PolicySection {
 public:
  PolicySection(const json& j, std::string path, std::initializer_list<std::string_view> keys)
      : j_(j), path_(std::move(path)) {
    if (!j.is_object())
      refuse(path_ + " must be a JSON object with the keys " + join(keys) + "; got " +
             describe(j) + ".");
    for (const auto& item : j.items())
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end())
        refuse(path_ + " has an unknown key " + describe(json(item.key())) +
               "; the allowed keys are " + join(keys) + ".");
    for (auto k : keys)
      if (!j.contains(std::string(k)))
        refuse(path_ + " is missing the key \"" + std::string(k) + "\"; it needs all of " +
               join(keys) + ".");
  }

  const json& at(std::string_view key) const { return j_.at(std::string(key)); }
  std::string name(std::string_view key) const { return path_ + "." + std::string(key); }
  const std::string& path() const { return path_; }

  bool boolean(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_boolean())
      refuse(name(key) + " must be true or false; got " + describe(v) + ".");
    return v.get<bool>();
  }

  std::uint64_t whole(std::string_view key, std::uint64_t min, std::uint64_t max) const {
    const json& v = at(key);
    std::string range = " must be a whole number from " + std::to_string(min) + " to " +
                        std::to_string(max) + "; got " + describe(v) + ".";
    if (!v.is_number_integer()) refuse(name(key) + range);
    if (!v.is_number_unsigned() && v.get<std::int64_t>() < 0) refuse(name(key) + range);
    auto n = v.get<std::uint64_t>();
    if (n < min || n > max) refuse(name(key) + range);
    return n;
  }

  Severity severity(std::string_view key) const {
    const json& v = at(key);
    std::optional<Severity> s;
    if (v.is_string()) s = parse_severity(v.get_ref<const std::string&>());
    if (!s)
      refuse(name(key) + " must be one of \"error\", \"warning\", \"info\"; got " + describe(v) +
             ".");
    return *s;
  }

  std::vector<std::string> terms(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_array() || v.size() > kMaxTerms)
      refuse(name(key) + " must be an array of at most " + std::to_string(kMaxTerms) +
             " strings; got " + (v.is_array() ? std::to_string(v.size()) + " items" : describe(v)) +
             ".");
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string item = name(key) + "[" + std::to_string(i) + "]";
      const json& t = v[i];
      if (!t.is_string()) refuse(item + " must be a string; got " + describe(t) + ".");
      const auto& s = t.get_ref<const std::string&>();
      if (!is_valid_utf8(s) || is_blank(s) || has_forbidden_control(s) ||
          code_point_count(s) > kMaxTermLength)
        refuse(item + " must be 1 to " + std::to_string(kMaxTermLength) +
               " characters of text, not blank and without control characters; got " +
               describe(t) + ".");
      auto star = s.find('*');
      CompiledTerm c = compile_term(s);
      if (star != std::string::npos &&
          (star != s.find_last_not_of(" \t") || !joins_word(prev_cp(s, star).value)))
        refuse(item + " may use \"*\" only once, at the end, right after a letter or digit "
               "(\"acquisition*\" matches words beginning with \"acquisition\"); got " +
               describe(t) + ".");
      std::string key_text = c.stem + (c.prefix ? "*" : "");
      if (!seen.insert(key_text).second)
        refuse(item + " " + describe(t) +
               " repeats an earlier term; list each term once (case and spacing do not "
               "matter).");
      out.push_back(s);
    }
    return out;
  }

 private:
  const json& j_;
  std::string path_;
};

PolicySection section(const PolicySection& parent, std::string_view key,
                      std::initializer_list<std::string_view> keys) {
  return PolicySection(parent.at(key), parent.name(key), keys);
}

constexpr std::uint64_t kMaxLength = 100000;

TermsRule parse_terms(const PolicySection& top, std::string_view key) {
  auto s = section(top, key, {"enabled", "severity", "terms"});
  return {s.boolean("enabled"), s.severity("severity"), s.terms("terms")};
}

}  // namespace

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::info;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

PolicyRules parse_policy(const json& j) {
  PolicySection top(j, "policy",
                    {"version", rule::length, rule::banned_terms, rule::confidential_terms,
                     rule::personal_data, rule::shouting, rule::insecure_links, rule::hashtags,
                     rule::mentions});
  PolicyRules p;
  p.version = top.whole("version", 1, 1'000'000'000);
  {
    auto s = section(top, rule::length,
                     {"enabled", "severity", "max_characters", "recommended_max_characters",
                      "recommended_severity"});
    p.length.enabled = s.boolean("enabled");
    p.length.severity = s.severity("severity");
    p.length.max_characters = s.whole("max_characters", 1, kMaxLength);
    p.length.recommended_max_characters = s.whole("recommended_max_characters", 1, kMaxLength);
    p.length.recommended_severity = s.severity("recommended_severity");
    if (p.length.recommended_max_characters > p.length.max_characters)
      refuse(s.name("recommended_max_characters") + " (" +
             std::to_string(p.length.recommended_max_characters) + ") must not be more than " +
             s.name("max_characters") + " (" + std::to_string(p.length.max_characters) + ").");
  }
  p.banned_terms = parse_terms(top, rule::banned_terms);
  p.confidential_terms = parse_terms(top, rule::confidential_terms);
  {
    auto s = section(top, rule::personal_data, {"enabled", "severity", "emails", "phone_numbers"});
    p.personal_data = {s.boolean("enabled"), s.severity("severity"), s.boolean("emails"),
                       s.boolean("phone_numbers")};
  }
  {
    auto s = section(top, rule::shouting,
                     {"enabled", "severity", "caps_run_words", "caps_ratio_percent",
                      "caps_ratio_min_letters", "max_exclamation_marks"});
    p.shouting = {s.boolean("enabled"), s.severity("severity"), s.whole("caps_run_words", 2, 50),
                  s.whole("caps_ratio_percent", 1, 100),
                  s.whole("caps_ratio_min_letters", 1, kMaxLength),
                  s.whole("max_exclamation_marks", 1, 20)};
  }
  {
    auto s = section(top, rule::insecure_links, {"enabled", "severity"});
    p.insecure_links = {s.boolean("enabled"), s.severity("severity")};
  }
  {
    auto s = section(top, rule::hashtags, {"enabled", "severity", "max_hashtags"});
    p.hashtags = {s.boolean("enabled"), s.severity("severity"), s.whole("max_hashtags", 0, 100)};
  }
  {
    auto s = section(top, rule::mentions, {"enabled", "severity", "max_mentions"});
    p.mentions = {s.boolean("enabled"), s.severity("severity"), s.whole("max_mentions", 0, 100)};
  }
  return p;
}

json to_json(const PolicyRules& r) {
  auto sev = [](Severity s) { return std::string(to_string(s)); };
  json j;
  j["version"] = r.version;
  j[rule::length] = {{"enabled", r.length.enabled},
                     {"severity", sev(r.length.severity)},
                     {"max_characters", r.length.max_characters},
                     {"recommended_max_characters", r.length.recommended_max_characters},
                     {"recommended_severity", sev(r.length.recommended_severity)}};
  j[rule::banned_terms] = {{"enabled", r.banned_terms.enabled},
                           {"severity", sev(r.banned_terms.severity)},
                           {"terms", r.banned_terms.terms}};
  j[rule::confidential_terms] = {{"enabled", r.confidential_terms.enabled},
                                 {"severity", sev(r.confidential_terms.severity)},
                                 {"terms", r.confidential_terms.terms}};
  j[rule::personal_data] = {{"enabled", r.personal_data.enabled},
                            {"severity", sev(r.personal_data.severity)},
                            {"emails", r.personal_data.emails},
                            {"phone_numbers", r.personal_data.phone_numbers}};
  j[rule::shouting] = {{"enabled", r.shouting.enabled},
                       {"severity", sev(r.shouting.severity)},
                       {"caps_run_words", r.shouting.caps_run_words},
                       {"caps_ratio_percent", r.shouting.caps_ratio_percent},
                       {"caps_ratio_min_letters", r.shouting.caps_ratio_min_letters},
                       {"max_exclamation_marks", r.shouting.max_exclamation_marks}};
  j[rule::insecure_links] = {{"enabled", r.insecure_links.enabled},
                             {"severity", sev(r.insecure_links.severity)}};
  j[rule::hashtags] = {{"enabled", r.hashtags.enabled},
                       {"severity", sev(r.hashtags.severity)},
                       {"max_hashtags", r.hashtags.max_hashtags}};
  j[rule::mentions] = {{"enabled", r.mentions.enabled},
                       {"severity", sev(r.mentions.severity)},
                       {"max_mentions", r.mentions.max_mentions}};
  return j;
}

json to_json(const LintFinding& f) {
  return {{"rule", f.rule},
          {"severity", f.severity},
          {"message", f.message},
          {"start", f.start},
          {"end", f.end}};
}

std::vector<LintFinding> lint_post(std::string_view body, const PolicyRules& rules) {
  if (!is_valid_utf8(body)) throw std::invalid_argument("the post text is not valid UTF-8");
  Findings raw;
  if (rules.length.enabled) check_length(body, rules.length, raw);
  if ((rules.banned_terms.enabled && !rules.banned_terms.terms.empty()) ||
      (rules.confidential_terms.enabled && !rules.confidential_terms.terms.empty())) {
    FoldedText folded = fold(body);
    std::vector<std::size_t> starts = word_starts(folded.text);
    if (rules.banned_terms.enabled)
      check_terms(body, folded, starts, rules.banned_terms, rule::banned_terms,
                  "this word is on the list of words not allowed in posts.", raw);
    if (rules.confidential_terms.enabled)
      check_terms(body, folded, starts, rules.confidential_terms, rule::confidential_terms,
                  "it refers to confidential information, which must not appear in posts.",
                  raw);
  }
  if (rules.personal_data.enabled) {
    if (rules.personal_data.emails) find_emails(body, rules.personal_data, raw);
    if (rules.personal_data.phone_numbers) find_phone_numbers(body, rules.personal_data, raw);
  }
  if (rules.shouting.enabled) {
    check_caps(body, rules.shouting, raw);
    check_exclamations(body, rules.shouting, raw);
  }
  if (rules.insecure_links.enabled) find_insecure_links(body, rules.insecure_links, raw);
  if (rules.hashtags.enabled)
    check_count(find_hashtags(body), rules.hashtags.max_hashtags, rule::hashtags,
                rules.hashtags.severity, "hashtag", "hashtags", "Use", raw);
  if (rules.mentions.enabled)
    check_count(find_mentions(body), rules.mentions.max_mentions, rule::mentions,
                rules.mentions.severity, "mention", "mentions", "Use", raw);

  std::sort(raw.begin(), raw.end(), [](const RawFinding& a, const RawFinding& b) {
    return std::tie(a.begin, a.end, a.rule) < std::tie(b.begin, b.end, b.rule);
  });
  // Byte offsets to code points in one pass over the body.
  std::vector<LintFinding> findings;
  findings.reserve(raw.size());
  std::size_t byte = 0, cp = 0;
  for (auto& f : raw) {
    cp += code_point_count(body.substr(byte, f.begin - byte));
    byte = f.begin;
    std::size_t end_cp = cp + code_point_count(body.substr(f.begin, f.end - f.begin));
    findings.push_back({std::string(f.rule), std::string(to_string(f.severity)),
                        std::move(f.message), cp, end_cp});
  }
  return findings;
}

bool has_errors(const std::vector<LintFinding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const LintFinding& f) { return f.severity == "error"; });
}

}  // namespace greenroom::domain
