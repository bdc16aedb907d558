#include "http/responses.hpp"

#include <nlohmann/json.hpp>

namespace greenroom::http {

Response json_response(Status status, const nlohmann::json& body) {
  Response res{status, 11};
  res.set(bhttp::field::content_type, "application/json");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  res.prepare_payload();
  return res;
}

Response raw_json_response(Status status, std::string body) {
  Response res{status, 11};
  res.set(bhttp::field::content_type, "application/json");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response error_response(Status status, std::string_view code, std::string_view message) {
  return json_response(status, {{"error", {{"code", code}, {"message", message}}}});
}

Status status_of(domain::ErrorKind kind) {
  using K = domain::ErrorKind;
  switch (kind) {
    case K::bad_request:
      return Status::bad_request;
    case K::unauthenticated:
      return Status::unauthorized;
    case K::forbidden:
      return Status::forbidden;
    case K::not_found:
      return Status::not_found;
    case K::method_not_allowed:
      return Status::method_not_allowed;
    case K::conflict:
      return Status::conflict;
    case K::payload_too_large:
      return Status::payload_too_large;
    case K::unsupported_media:
      return Status::unsupported_media_type;
    case K::unprocessable:
      return Status::unprocessable_entity;
    case K::rate_limited:
      return Status::too_many_requests;
    case K::internal:
      return Status::internal_server_error;
    case K::unavailable:
      return Status::service_unavailable;
  }
  return Status::internal_server_error;
}

Response error_response(const domain::Error& e) {
  nlohmann::json err = {{"code", e.code()}, {"message", e.what()}};
  if (e.details().is_object())
    for (const auto& [k, v] : e.details().items()) err[k] = v;
  return json_response(status_of(e.kind()), {{"error", std::move(err)}});
}

void apply_security_headers(Response& res, bool tls) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "no-referrer");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (tls) res.set(bhttp::field::strict_transport_security, "max-age=31536000");
}

}  // namespace greenroom::http
