#pragma once
// Internal to the policy lint (policy_lint.cpp, policy_parse.cpp, lint_*.cpp): the character
// classification the rules scan with, and one function per rule. Scanning works in byte
// offsets into the post; lint_post turns them into code points. Not part of the API: use
// domain/policy_lint.hpp.
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/policy_lint.hpp"
#include "domain/text.hpp"

namespace greenroom::domain::lint_detail {

// ------------------------------------------------------------------ characters
// Coarse classification, enough for word boundaries and capitals in the scripts posts use.
// Inline: the rules call these for every character, and lint runs on every keystroke.

inline bool is_ascii_alpha(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
inline bool is_ascii_alnum(char32_t c) {
  return is_ascii_alpha(c) || is_ascii_digit(c);
}
inline bool is_digit_byte(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alnum_byte(char c) {
  return is_ascii_alnum(static_cast<unsigned char>(c));
}
inline char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// decode_at / decode_before with the common ASCII case inline.
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
inline constexpr std::array kLetterRanges{
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

inline bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  if (c == 0xD7 || c == 0xF7) return false;  // multiplication and division signs
  for (auto r : kLetterRanges)
    if (c >= r.lo && c <= r.hi) return true;
  return false;
}

inline bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  return is_letter(c);
}

// Scripts written without spaces between words (Thai, kana, CJK ideographs): there a term
// can start or end anywhere, so they do not count as word characters at a term's edge.
inline bool is_unspaced_script(char32_t c) {
  return (c >= 0x0E01 && c <= 0x0E4E) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// A character that joins the one next to it into a single word, for whole-word matching.
inline bool joins_word(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  return is_word_char(c) && !is_unspaced_script(c);
}

enum class LetterCase { none, upper, lower };

// Case of Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic letters, and of
// fullwidth Latin; everything else (CJK, digits, ...) is caseless.
inline LetterCase letter_case(char32_t c) {
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

inline bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
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

inline std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// ------------------------------------------------------------------ length (lint_style.cpp)

void check_length(std::string_view body, const LengthRule& r, Findings& out);

// ------------------------------------------------------------------ terms (lint_terms.cpp)

// Text with ASCII letters lower-cased and every run of white space made one ' ', remembering
// where each byte came from so matches map back to the original.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> origin;  // origin[i]: byte offset in the original of text[i]
  // hidden_break[i]: invisible characters were dropped just before text[i] (empty when none
  // were); a space in a term matches there as it matches white space.
  std::vector<bool> hidden_break;
};

FoldedText fold(std::string_view s);

// A term as matched: folded, trimmed, with its trailing "*" taken off.
struct CompiledTerm {
  std::string stem;
  bool prefix = false;      // ended in "*": match words beginning with the stem
  bool word_start = false;  // the stem begins with a character that joins words
  bool word_end = false;    // the stem ends with one
};

CompiledTerm compile_term(std::string_view term);

// A rule's terms compiled: those that begin a word sorted by their first byte (looked up at
// word starts), the others searched everywhere; `source` is what they were compiled from.
struct CompiledTerms {
  std::vector<std::string> source;
  std::vector<CompiledTerm> at_word_start, anywhere;
};
std::shared_ptr<const CompiledTerms> compile_terms(const std::vector<std::string>& terms);

// Where words begin in the folded text: a character that joins words, after one that does
// not. A term beginning with such a character can only match there.
std::vector<std::size_t> word_starts(std::string_view text);

// Findings for the terms of `r` in `body`, whose fold is `f` with word starts `starts`;
// `why` ends each message ("Remove \"term\": <why>").
void check_terms(std::string_view body, const FoldedText& f, const std::vector<std::size_t>& starts,
                 const TermsRule& r, std::string_view rule_name, std::string_view why,
                 Findings& out);

// ------------------------------------------------------------------ personal data
// (lint_personal_data.cpp)

void find_emails(std::string_view s, const PersonalDataRule& r, Findings& out);
void find_phone_numbers(std::string_view s, const PersonalDataRule& r, Findings& out);

// ------------------------------------------------------------------ shouting, links,
// hashtags, mentions (lint_style.cpp)

// Runs of ALL-CAPS words, and a post mostly in capitals.
void check_caps(std::string_view s, const ShoutingRule& r, Findings& out);
// Runs of more than r.max_exclamation_marks exclamation marks.
void check_exclamations(std::string_view s, const ShoutingRule& r, Findings& out);
void find_insecure_links(std::string_view s, const InsecureLinksRule& r, Findings& out);

std::vector<ByteSpan> find_hashtags(std::string_view s);
std::vector<ByteSpan> find_mentions(std::string_view s);

// One finding spanning spans[max..] when there are more than `max` of them ("hashtag",
// "hashtags"; `verb` starts the message: "Use at most 3 hashtags: ...").
void check_count(const std::vector<ByteSpan>& spans, std::size_t max, std::string_view rule_name,
                 Severity severity, std::string_view one, std::string_view many,
                 std::string_view verb, Findings& out);

}  // namespace greenroom::domain::lint_detail
