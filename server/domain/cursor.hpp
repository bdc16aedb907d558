#pragma once
// Keyset pagination cursors: the (sort key, id) of the last item of a page, opaque to clients.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace greenroom::domain {

struct Cursor {
  std::int64_t key = 0;  // e.g. published_at
  std::int64_t id = 0;
};

std::string encode_cursor(const Cursor& c);
// nullopt for anything encode_cursor did not produce.
std::optional<Cursor> decode_cursor(std::string_view s);

}  // namespace greenroom::domain
