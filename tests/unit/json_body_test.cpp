// Reading JSON request bodies; includes the inputs fuzzing found (tests/fuzz/json_body_fuzz).
#include "api/json_body.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace greenroom::api {
namespace {

http::RequestContext json_request(std::string body) {
  http::Request req{boost::beast::http::verb::post, "/api/v1/posts", 11};
  req.set(boost::beast::http::field::content_type, "application/json");
  req.body() = std::move(body);
  return http::RequestContext(std::move(req), {"127.0.0.1", true, false, "127.0.0.1"});
}

domain::Error error_of(const std::string& body) {
  try {
    read_json_object(json_request(body), {"body"});
  } catch (const domain::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << body.substr(0, 80);
  return domain::Error(domain::ErrorKind::internal, "none", "");
}

// Found by the fuzzer: out-of-range numbers threw nlohmann's out_of_range, a 500.
TEST(JsonBody, NumbersOutOfRangeAreInvalidJson) {
  const std::vector<std::string> bodies = {"1e400", "{\"body\":-1e999}", "[1E+400]",
                                           "{\"body\":" + std::string(400, '9') + ".0e999}"};
  for (const auto& body : bodies) {
    auto e = error_of(body);
    EXPECT_EQ(e.kind(), domain::ErrorKind::bad_request) << body;
    EXPECT_EQ(e.code(), "invalid_json") << body;
  }
}

// Found by the fuzzer: an unknown field's name was echoed back whole, however long.
TEST(JsonBody, UnknownFieldNamesAreEchoedShortAndValid) {
  auto e = error_of("{\"" + std::string(100000, 'k') + "\":1}");
  EXPECT_EQ(e.code(), "validation_failed");
  EXPECT_LT(std::string_view(e.what()).size(), 400u);
  // Cut on a code point boundary, so the message stays valid UTF-8.
  std::string key;
  for (int i = 0; i < 50; ++i) key += "\xC3\xA9";  // é, 100 bytes
  auto u = error_of("{\"" + key + "\":1}");
  EXPECT_NE(std::string(u.what()).find(key.substr(0, 64) + "..."), std::string::npos) << u.what();
}

TEST(JsonBody, ObjectsWithKnownFieldsAreRead) {
  auto body = read_json_object(json_request(R"({"body":"hi"})"), {"body"});
  EXPECT_EQ(require_string(body, "body"), "hi");
  EXPECT_EQ(error_of("[]").code(), "invalid_json");
  EXPECT_EQ(error_of("{\"body\":").code(), "invalid_json");
}

}  // namespace
}  // namespace greenroom::api
