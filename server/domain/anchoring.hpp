#pragma once
// Annotation anchors following the W3C Web Annotation model: a TextQuoteSelector (the exact
// words plus some context before and after) together with a TextPositionSelector (start and
// end counted in Unicode code points). The quote keeps an annotation on the same words when
// the text is revised; the position breaks ties between repeated quotes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace greenroom::domain {

// Default number of code points of context stored before and after the quote.
inline constexpr std::size_t kAnchorContext = 32;

struct TextAnchor {
  std::string exact;               // the selected words
  std::string prefix;              // up to `context` code points just before them
  std::string suffix;              // up to `context` code points just after them
  std::size_t start = 0, end = 0;  // code point range [start, end) in the annotated text

  bool operator==(const TextAnchor&) const = default;
};

// Anchor the code point range [start, end) of `text`. nullopt when `text` is not valid UTF-8,
// the range is empty (start >= end) or runs past the end of the text.
std::optional<TextAnchor> make_anchor(std::string_view text, std::size_t start, std::size_t end,
                                      std::size_t context = kAnchorContext);

// Where an anchor lands in a revised text. When `orphaned` is true the anchored words are gone
// and start/end are 0.
struct Reanchor {
  bool orphaned = false;
  std::size_t start = 0, end = 0;  // code points in the revised text

  bool operator==(const Reanchor&) const = default;
};

// Find the anchored words in `new_text`.
// - If the exact quote is still at the old position with its full prefix and suffix, that is
//   the answer (nothing else can match better).
// - Otherwise every occurrence of the exact quote is scored by how much context survives: the
//   length (in code points) of the common suffix of the stored prefix and the text before the
//   occurrence, plus the common prefix of the stored suffix and the text after it. The best
//   score wins; ties go to the occurrence closest to the old start, then the earlier one.
// - If the exact quote no longer occurs, the anchor is orphaned: a different phrase is never
//   matched fuzzily. An anchor with an empty quote, or a `new_text` that is not valid UTF-8,
//   is orphaned too.
Reanchor reanchor(const TextAnchor& a, std::string_view new_text);

// Replace the code point range [start, end) of `text` with `replacement` (start == end
// inserts). Throws std::out_of_range when start > end or end is past the end of the text, and
// std::invalid_argument when `text` or `replacement` is not valid UTF-8.
std::string apply_replacement(std::string_view text, std::size_t start, std::size_t end,
                              std::string_view replacement);

}  // namespace greenroom::domain
