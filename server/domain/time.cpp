#include "domain/time.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace greenroom::domain {

Millis now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

// Proleptic Gregorian calendar date of a day count since 1970-01-01 (era arithmetic: 400-year
// cycles of 146097 days, years starting in March so the leap day comes last).
void civil_from_days(std::int64_t days, std::int64_t& y, unsigned& m, unsigned& d) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

void put_digits(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::string format_rfc3339(Millis ms) {
  Millis secs = ms / 1000;
  int frac = static_cast<int>(ms % 1000);
  if (frac < 0) {
    frac += 1000;
    --secs;
  }
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  std::int64_t year;
  unsigned month, day;
  civil_from_days(days, year, month, day);
  if (year < 0 || year > 9999) year = year < 0 ? 0 : 9999;  // outside RFC 3339's range
  char buf[] = "0000-00-00T00:00:00.000Z";
  put_digits(buf, static_cast<unsigned>(year), 4);
  put_digits(buf + 5, month, 2);
  put_digits(buf + 8, day, 2);
  put_digits(buf + 11, static_cast<unsigned>(rem / 3600), 2);
  put_digits(buf + 14, static_cast<unsigned>(rem / 60 % 60), 2);
  put_digits(buf + 17, static_cast<unsigned>(rem % 60), 2);
  put_digits(buf + 20, static_cast<unsigned>(frac), 3);
  return std::string(buf, 24);
}

// Parses "2026-11-27T17:00:00Z" / "...:00.000Z" / "+01:00" offsets into milliseconds.
std::optional<Millis> parse_rfc3339(const std::string& s) {
  int y, mo, da, h, mi, se;
  char t;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &da, &t, &h, &mi, &se) != 7)
    return std::nullopt;
  if ((t != 'T' && t != 't') || mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 ||
      se > 60)
    return std::nullopt;
  std::size_t i = 19;
  int millis = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (digits < 3) millis = millis * 10 + (s[i] - '0');
      ++digits;
      ++i;
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) millis *= 10;
  }
  long offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
    int oh = std::atoi(s.substr(i + 1, 2).c_str()), om = std::atoi(s.substr(i + 4, 2).c_str());
    offset = (s[i] == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = da;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  auto secs = timegm(&tm);
  return (static_cast<Millis>(secs) - offset) * 1000 + millis;
}

}  // namespace greenroom::domain
