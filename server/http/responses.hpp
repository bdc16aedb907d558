#pragma once
// JSON responses and the one error shape: {"error":{"code":"...","message":"..."}}.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "domain/errors.hpp"
#include "http/types.hpp"

namespace greenroom::http {

Response json_response(Status status, const nlohmann::json& body);
// `body` must already be JSON text.
Response raw_json_response(Status status, std::string body);
Response error_response(Status status, std::string_view code, std::string_view message);
Response error_response(const domain::Error& e);
Status status_of(domain::ErrorKind kind);

// Security headers for every response (CSP, nosniff, frame denial, referrer policy, HSTS on TLS).
void apply_security_headers(Response& res, bool tls);

}  // namespace greenroom::http
