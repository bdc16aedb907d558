// The personal_data rule: email addresses and phone numbers in a post.
#include <algorithm>
#include <array>

#include "domain/lint_rules.hpp"

namespace greenroom::domain::lint_detail {
namespace {

bool is_email_local_char(char c) {
  return is_alnum_byte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_email_domain_char(char c) {
  return is_alnum_byte(c) || c == '-' || c == '.';
}

bool is_email_domain(std::string_view d) {
  auto dot = d.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || d.find("..") != std::string_view::npos ||
      d.front() == '.' || d.front() == '-')
    return false;
  auto tld = d.substr(dot + 1);
  return tld.size() >= 2 &&
         std::all_of(tld.begin(), tld.end(), [](char c) { return is_ascii_alpha(c); });
}

}  // namespace

void find_emails(std::string_view s, const PersonalDataRule& r, Findings& out) {
  for (auto at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && is_email_local_char(s[b - 1])) --b;
    while (b < at && s[b] == '.') ++b;
    if (b == at) continue;
    std::size_t e = at + 1;
    while (e < s.size() && is_email_domain_char(s[e])) ++e;
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
    if (!is_email_domain(s.substr(at + 1, e - at - 1))) continue;
    out.push_back({rule::personal_data, r.severity,
                   "Remove the email address: personal data must not appear in posts.", b, e});
    at = e - 1;
  }
}

namespace {

struct DigitGroup {
  std::size_t digits = 0;
  bool parenthesized = false;
  char first = '0';
};

struct PhoneCandidate {
  std::size_t end = 0;  // bytes; the candidate is [start, end)
  bool plus = false;
  bool well_formed = true;  // balanced parentheses, not too many groups
  std::array<DigitGroup, 8> groups{};
  std::size_t group_count = 0;
  std::size_t digits = 0;
};

// Digit groups separated by one space, '-' or '.', optionally "+" first and a group in
// parentheses: the widest run starting at `i` that could be a phone number.
PhoneCandidate scan_phone(std::string_view s, std::size_t i) {
  PhoneCandidate c;
  std::size_t p = i;
  if (s[p] == '+') {
    c.plus = true;
    ++p;
  }
  c.end = p;
  auto digit_at = [&](std::size_t k) { return k < s.size() && is_digit_byte(s[k]); };
  while (true) {
    bool paren = false;
    if (p < s.size() && s[p] == '(') {
      if (!digit_at(p + 1)) break;
      paren = true;
      ++p;
    }
    std::size_t first = p;
    while (digit_at(p)) ++p;
    if (p == first) break;
    const std::size_t digits = p - first;
    if (paren) {
      if (p < s.size() && s[p] == ')') {
        ++p;
      } else {
        c.well_formed = false;
        c.end = p;
        break;
      }
    }
    if (c.group_count == c.groups.size())
      c.well_formed = false;
    else
      c.groups[c.group_count++] = {digits, paren, s[first]};
    c.digits += digits;
    c.end = p;
    std::size_t q = p;
    if (q < s.size() && (s[q] == ' ' || s[q] == '-' || s[q] == '.')) ++q;
    bool more = digit_at(q) || (q < s.size() && s[q] == '(' && digit_at(q + 1));
    if (!more || (q == p && !paren)) break;
    p = q;
  }
  return c;
}

bool is_phone_number(const PhoneCandidate& c) {
  if (!c.well_formed || c.group_count == 0) return false;
  const auto* g = c.groups.data();
  const std::size_t n = c.group_count;
  if (c.plus) return c.digits >= 8 && c.digits <= 15;
  // North American: [1 sep] (555) 123-4567 / 555-123-4567 / 555.123.4567 / 555 123 4567.
  std::size_t k = (n == 4 && g[0].digits == 1 && g[0].first == '1' && !g[0].parenthesized);
  if (n - k == 3 && g[k].digits == 3 && g[k + 1].digits == 3 && !g[k + 1].parenthesized &&
      g[k + 2].digits == 4 && !g[k + 2].parenthesized)
    return true;
  // National numbers with a trunk prefix: 020 7946 0958, (020) 7946 0958, 01 23 45 67 89.
  if (n >= 2 && g[0].first == '0' && c.digits >= 10 && c.digits <= 11) {
    for (std::size_t i = 0; i < n; ++i)
      if (g[i].digits < 2 || (i > 0 && g[i].parenthesized)) return false;
    return true;
  }
  return false;
}

// A phone number must not start inside a word, a number, an amount or a path.
bool blocks_phone_start(char prev) {
  return is_alnum_byte(prev) || prev == '_' || prev == '.' || prev == ',' || prev == '-' ||
         prev == '+' || prev == '/' || prev == '$' || prev == '#' || prev == '@' || prev == '&';
}

}  // namespace

void find_phone_numbers(std::string_view s, const PersonalDataRule& r, Findings& out) {
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    bool may_start =
        is_digit_byte(c) || ((c == '+' || c == '(') && i + 1 < s.size() && is_digit_byte(s[i + 1]));
    if (!may_start || (i > 0 && blocks_phone_start(s[i - 1]))) {
      ++i;
      continue;
    }
    PhoneCandidate cand = scan_phone(s, i);
    bool ends_clean = cand.end >= s.size() ||
                      !(is_alnum_byte(s[cand.end]) || s[cand.end] == '_' || s[cand.end] == '@');
    if (ends_clean && is_phone_number(cand))
      out.push_back({rule::personal_data, r.severity,
                     "Remove the phone number: personal data must not appear in posts.", i,
                     cand.end});
    i = std::max(cand.end, i + 1);
  }
}

}  // namespace greenroom::domain::lint_detail
