#include "domain/time.hpp"

#include <chrono>
#include <cstdio>
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

}  // namespace greenroom::domain
