#include "domain/accounts.hpp"

#include <cctype>

#include "domain/errors.hpp"

namespace greenroom::domain {

void validate_username(std::string_view username) {
  bool ok = !username.empty() && username.size() <= 64;
  for (unsigned char ch : username)
    ok = ok && (std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-');
  if (!ok) throw bad_request("username must be 1-64 letters, digits, '.', '_' or '-'.");
}

void validate_password(std::string_view password) {
  if (password.size() < 8 || password.size() > 1024)
    throw bad_request("password must be 8 to 1024 characters.");
}

}  // namespace greenroom::domain
