#pragma once
// The fixed set of failure kinds. Each maps to one HTTP status in http/; the message is
// for the client and says what was wrong and what is allowed.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace greenroom::domain {

enum class ErrorKind {
  bad_request,         // 400
  unauthenticated,     // 401
  forbidden,           // 403
  not_found,           // 404
  method_not_allowed,  // 405
  conflict,            // 409
  payload_too_large,   // 413
  unsupported_media,   // 415
  unprocessable,       // 422
  rate_limited,        // 429
  internal,            // 500
  unavailable,         // 503
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, const std::string& message)
      : std::runtime_error(message), kind_(kind), code_(std::move(code)) {}
  Error(ErrorKind kind, std::string code, const std::string& message, nlohmann::json details)
      : std::runtime_error(message),
        kind_(kind),
        code_(std::move(code)),
        details_(std::move(details)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  // Extra fields for the error object (e.g. "findings" of a policy violation).
  const nlohmann::json& details() const { return details_; }

 private:
  ErrorKind kind_;
  std::string code_;
  nlohmann::json details_;
};

inline Error bad_request(const std::string& message, std::string code = "validation_failed") {
  return Error(ErrorKind::bad_request, std::move(code), message);
}
inline Error not_found(const std::string& what) {
  return Error(ErrorKind::not_found, "not_found", what + " was not found.");
}
inline Error forbidden(const std::string& message, std::string code = "forbidden") {
  return Error(ErrorKind::forbidden, std::move(code), message);
}
inline Error conflict(const std::string& message, std::string code = "conflict") {
  return Error(ErrorKind::conflict, std::move(code), message);
}

}  // namespace greenroom::domain
