// Fuzz target for what a client puts in a URL: query strings (http::url_decode and
// RequestContext::query), the limit parameter (api::read_limit) and pagination cursors
// (domain::decode_cursor). Invariants: a cursor decodes only to what encodes back to the
// same text; decoding never grows the text; limits are in range or a 400.
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/json_body.hpp"
#include "domain/cursor.hpp"
#include "domain/errors.hpp"
#include "http/context.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = greenroom::domain;
  namespace http = greenroom::http;
  const std::string input(reinterpret_cast<const char*>(data), size);

  if (auto c = d::decode_cursor(input)) check(d::encode_cursor(*c) == input);
  if (auto decoded = http::url_decode(input)) {
    check(decoded->size() <= input.size());
    // Every '%' starts exactly two hex digits.
    for (std::size_t i = input.find('%'); i != std::string::npos; i = input.find('%', i + 3))
      check(i + 2 < input.size() && std::isxdigit(static_cast<unsigned char>(input[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(input[i + 2])));
    if (auto c = d::decode_cursor(*decoded)) check(d::encode_cursor(*c) == *decoded);
  }
  // The input as the query of a request target (beast keeps the target as sent).
  std::string target = "/api/v1/feed?" + input;
  if (target.find_first_of(std::string("\0\r\n ", 4)) != std::string::npos) return 0;
  http::Request req{boost::beast::http::verb::get, target, 11};
  http::RequestContext ctx(std::move(req), {"127.0.0.1", true, false, "127.0.0.1"});
  for (const char* name : {"space", "before", "limit", "unread", "executive_id"}) {
    // A value with a malformed escape comes back as a marker no parameter parser accepts.
    auto v = ctx.query(name);
    if (v && *v != "\x01invalid") check(v->size() <= input.size());
  }
  try {
    const int limit = greenroom::api::read_limit(ctx, 20, 100);
    check(limit >= 1 && limit <= 100);
  } catch (const d::Error& e) {
    check(e.kind() == d::ErrorKind::bad_request);
  }
  if (auto before = ctx.query("before"))
    if (auto c = d::decode_cursor(*before)) check(d::encode_cursor(*c) == *before);
  return 0;
}
