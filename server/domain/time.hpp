#pragma once
// Time as integer milliseconds since the Unix epoch, rendered as RFC 3339 UTC.
#include <cstdint>
#include <string>

namespace greenroom::domain {

using Millis = std::int64_t;

Millis now_millis();
// 2026-11-24T15:21:18.123Z
std::string format_rfc3339(Millis ms);

}  // namespace greenroom::domain
