// Fuzz target for reading JSON request bodies (api/json_body): any bytes sent as a request
// body either give a JSON object with known fields only, or a domain::Error with a 4xx kind
// (400 invalid_json, 400 validation); never another exception, never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/json_body.hpp"
#include "domain/errors.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

greenroom::http::RequestContext make_request(std::string body) {
  greenroom::http::Request req{boost::beast::http::verb::post, "/api/v1/posts?limit=5", 11};
  req.set(boost::beast::http::field::content_type, "application/json");
  req.body() = std::move(body);
  return greenroom::http::RequestContext(std::move(req), {"127.0.0.1", true, false, "127.0.0.1"});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  namespace api = greenroom::api;
  auto ctx = make_request(std::string(reinterpret_cast<const char*>(data), size));
  try {
    auto body = api::read_json_object(ctx, {"body", "space", "action", "version", "ids", "all"});
    check(body.is_object());
    for (const auto& [key, value] : body.items())
      check(key == "body" || key == "space" || key == "action" || key == "version" ||
            key == "ids" || key == "all");
    for (const char* field : {"body", "space", "action"}) {
      try {
        auto s = api::optional_string(body, field);
        if (s) check(body[field].is_string());
        auto r = api::require_string(body, field);
        check(body[field].is_string() && r == body[field].get<std::string>());
      } catch (const d::Error& e) {
        check(e.kind() == d::ErrorKind::bad_request);
      }
    }
    // What the handlers do next with a body: dump it (the log) and read numbers.
    check(!body.dump().empty());
    if (auto it = body.find("version"); it != body.end() && it->is_number_integer())
      (void)it->get<std::int64_t>();
  } catch (const d::Error& e) {
    check(e.kind() == d::ErrorKind::bad_request);
    check(std::string_view(e.what()).size() < 400);  // never the whole input echoed back
  }
  return 0;
}
