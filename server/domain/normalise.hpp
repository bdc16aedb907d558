#pragma once
// Text as the golden rules read it: Unicode NFKC (compatibility forms folded: "ﬁ" -> "fi",
// fullwidth letters -> ASCII) with every format character (general category Cf: zero-width
// space, soft hyphen, bidi controls, ...) dropped, so that invisible characters cannot hide
// a word from the rules. Done with ICU, not hand-written tables. The result remembers where
// each of its bytes came from, so findings are reported on the author's original text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace greenroom::domain {

class NormalisedText {
 public:
  // `original` must be valid UTF-8 (throws std::invalid_argument otherwise).
  explicit NormalisedText(std::string_view original);

  const std::string& text() const { return text_; }

  // The original byte range that normalised bytes [begin, end) came from; both ends fall on
  // code point boundaries of the original. An empty range maps to an empty range.
  std::size_t original_begin(std::size_t begin) const;
  std::size_t original_end(std::size_t end) const;

  // Whether invisible (format) characters were dropped just before normalised byte `at`:
  // there the author's text had a break the reader does not see ("project<ZWSP>falcon").
  bool hidden_break_before(std::size_t at) const;
  bool has_hidden_breaks() const { return hidden_breaks_; }

 private:
  std::string text_;
  std::size_t original_size_ = 0;
  bool identity_ = true;        // text_ equals the original (no map kept)
  bool hidden_breaks_ = false;  // some format characters were dropped
  // For each byte of text_: the original range [from_[i], to_[i]) it came from.
  std::vector<std::size_t> from_, to_;
};

}  // namespace greenroom::domain
