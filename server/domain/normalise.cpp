#include "domain/normalise.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "domain/text.hpp"

namespace greenroom::domain {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr)
    throw std::runtime_error(std::string("ICU NFKC normaliser unavailable: ") +
                             u_errorName(status));
  return *n;
}

}  // namespace

NormalisedText::NormalisedText(std::string_view original) : original_size_(original.size()) {
  if (!is_valid_utf8(original)) throw std::invalid_argument("the text is not valid UTF-8");
  if (is_ascii(original)) {  // ASCII is NFKC already and has no format characters
    text_ = std::string(original);
    return;
  }
  identity_ = false;

  // 1. Drop format characters (Cf), remembering where each kept byte was.
  std::string kept;
  std::vector<std::size_t> kept_origin;  // kept_origin[i]: original byte of kept[i]
  kept.reserve(original.size());
  kept_origin.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    auto d = decode_at(original, i);
    if (u_charType(static_cast<UChar32>(d.value)) != U_FORMAT_CHAR) {
      for (std::size_t k = 0; k < d.length; ++k) {
        kept.push_back(original[i + k]);
        kept_origin.push_back(i + k);
      }
    }
    i += d.length;
  }

  // 2. NFKC with ICU, which reports every change as (old span, new span) in bytes.
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(&text_, static_cast<int32_t>(kept.size()));
  nfkc().normalizeUTF8(0, icu::StringPiece(kept.data(), static_cast<int32_t>(kept.size())), sink,
                       &edits, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));

  // 3. Compose the two maps: each normalised byte -> the original range it came from.
  from_.assign(text_.size(), 0);
  to_.assign(text_.size(), 0);
  auto it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<std::size_t>(it.sourceIndex());
    const auto dst = static_cast<std::size_t>(it.destinationIndex());
    const auto old_len = static_cast<std::size_t>(it.oldLength());
    const auto new_len = static_cast<std::size_t>(it.newLength());
    if (!it.hasChange()) {
      for (std::size_t k = 0; k < new_len; ++k) {
        from_[dst + k] = kept_origin[src + k];
        to_[dst + k] = kept_origin[src + k] + 1;
      }
    } else if (new_len > 0) {
      // A changed span is whole code points on both sides: all of it maps to all of the old.
      const std::size_t b = old_len ? kept_origin[src] : 0;
      const std::size_t e = old_len ? kept_origin[src + old_len - 1] + 1 : b;
      for (std::size_t k = 0; k < new_len; ++k) {
        from_[dst + k] = b;
        to_[dst + k] = e;
      }
    }
  }
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
  hidden_breaks_ = kept.size() != original.size();
}

bool NormalisedText::hidden_break_before(std::size_t at) const {
  if (identity_ || at == 0 || at >= text_.size()) return false;
  return from_[at] > to_[at - 1];  // a gap in the original: only dropped characters make one
}

std::size_t NormalisedText::original_begin(std::size_t begin) const {
  if (identity_) return begin;
  if (begin >= text_.size()) return original_size_;
  return from_[begin];
}

std::size_t NormalisedText::original_end(std::size_t end) const {
  if (identity_) return end;
  if (end == 0) return 0;
  return to_[std::min(end, text_.size()) - 1];
}

}  // namespace greenroom::domain
