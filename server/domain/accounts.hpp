#pragma once
// Rules for account names and passwords, shared by the CLI and the admin API.
#include <string_view>

namespace greenroom::domain {

// Throws Error(bad_request) unless 1-64 letters, digits, '.', '_' or '-'.
void validate_username(std::string_view username);
// Throws Error(bad_request) unless 8 to 1024 bytes.
void validate_password(std::string_view password);

}  // namespace greenroom::domain
