// The rules about a post's form rather than its words: length, shouting (capitals and
// exclamation marks), insecure (http://) links, and how many hashtags and mentions it has.
#include <algorithm>
#include <utility>

#include "domain/lint_rules.hpp"

namespace greenroom::domain::lint_detail {

// ------------------------------------------------------------------ length

void check_length(std::string_view body, const LengthRule& r, Findings& out) {
  std::size_t n = code_point_count(body);
  if (n > r.max_characters) {
    out.push_back({rule::length, r.severity,
                   "The post is " + count_of(n, "character", "characters") +
                       " long; the limit is " + std::to_string(r.max_characters) +
                       ". Shorten it by " +
                       count_of(n - r.max_characters, "character", "characters") + ".",
                   *byte_offset_of(body, r.max_characters), body.size()});
  } else if (n > r.recommended_max_characters) {
    out.push_back({rule::length, r.recommended_severity,
                   "The post is " + count_of(n, "character", "characters") +
                       " long; posts of up to " + std::to_string(r.recommended_max_characters) +
                       " characters read best. Consider cutting " +
                       count_of(n - r.recommended_max_characters, "character", "characters") + ".",
                   *byte_offset_of(body, r.recommended_max_characters), body.size()});
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
          case LetterCase::upper:
            ++upper;
            break;
          case LetterCase::lower:
            ++lower;
            break;
          case LetterCase::none:
            caseless += is_letter(e.value) ? 1 : 0;
            break;
        }
        i += e.length;
        continue;
      }
      // An apostrophe inside a word keeps it one word: DON'T, it's.
      if ((e.value == '\'' || e.value == 0x2019) && is_word_char(next_cp(s, i + e.length).value)) {
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

namespace {

// Exclamation marks: '!', fullwidth '！' (U+FF01) and '‼' (U+203C, counted as two).
std::size_t exclamation_marks(char32_t c) {
  return c == '!' || c == 0xFF01 ? 1 : c == 0x203C ? 2 : 0;
}

}  // namespace

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

namespace {

bool starts_with_http(std::string_view s, std::size_t i) {
  static constexpr std::string_view kHttp = "http://";
  if (s.size() - i < kHttp.size()) return false;
  for (std::size_t k = 0; k < kHttp.size(); ++k)
    if (lower_ascii(s[i + k]) != kHttp[k]) return false;
  return true;
}

}  // namespace

void find_insecure_links(std::string_view s, const InsecureLinksRule& r, Findings& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] != 'h' && s[i] != 'H') || !starts_with_http(s, i)) continue;
    if (i > 0 && is_alnum_byte(s[i - 1])) continue;
    std::size_t host = i + 7, e = host;
    while (e < s.size()) {
      auto d = next_cp(s, e);
      if (is_space(d.value) || d.value == '<' || d.value == '>' || d.value == '"' || d.value == '`')
        break;
      e += d.length;
    }
    // Trailing punctuation ends the sentence, not the link; a ')' stays when it closes one
    // opened inside the link. The brackets are counted once, then kept in step while
    // trimming, so that "http://a)))))..." stays linear.
    std::ptrdiff_t open_round = 0, close_round = 0, open_square = 0, close_square = 0;
    for (std::size_t k = i; k < e; ++k) {
      open_round += s[k] == '(';
      close_round += s[k] == ')';
      open_square += s[k] == '[';
      close_square += s[k] == ']';
    }
    while (e > host) {
      char c = s[e - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
          (c == ')' && open_round < close_round) || (c == ']' && open_square < close_square)) {
        close_round -= c == ')';
        close_square -= c == ']';
        --e;
      } else {
        break;
      }
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
    if (is_word_char(before) || before == '.' || before == '%' || before == '+' || before == '-' ||
        before == '@')
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
  std::string message = max == 0 ? "Remove the " + std::string(many) + ": posts may not have any."
                                 : std::string(verb) + " at most " + count_of(max, one, many) +
                                       ": this post has " + std::to_string(spans.size()) +
                                       ", so remove " +
                                       (extra == 1 ? std::string("the last one.")
                                                   : "the last " + std::to_string(extra) + ".");
  out.push_back({rule_name, severity, std::move(message), spans[max].begin, spans.back().end});
}

}  // namespace greenroom::domain::lint_detail
