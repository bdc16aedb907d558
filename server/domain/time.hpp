#pragma once
// Time as integer milliseconds since the Unix epoch, rendered as RFC 3339 UTC.
#include <cstdint>
#include <optional>
#include <string>

namespace greenroom::domain {

using Millis = std::int64_t;

Millis now_millis();
// 2026-11-24T15:21:18.123Z
std::string format_rfc3339(Millis ms);
// "2026-11-27T17:00:00Z", with optional fraction, or an offset such as "+01:00";
// nullopt for anything else.
std::optional<Millis> parse_rfc3339(const std::string& s);

}  // namespace greenroom::domain
