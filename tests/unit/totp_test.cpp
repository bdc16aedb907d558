// TOTP (RFC 6238), HOTP (RFC 4226) and Base32 (RFC 4648) against the RFCs' test vectors,
// plus the replay rule, recovery codes and otpauth URIs.
#include <gtest/gtest.h>

#include <set>

#include "api/sessions.hpp"
#include "api/totp.hpp"

namespace greenroom::api::totp {
namespace {

const std::string kRfcKey = "12345678901234567890";  // RFC 4226 / RFC 6238 SHA-1 key

TEST(Base32, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(base32_encode(""), "");
  EXPECT_EQ(base32_encode("f"), "MY======");
  EXPECT_EQ(base32_encode("fo"), "MZXQ====");
  EXPECT_EQ(base32_encode("foo"), "MZXW6===");
  EXPECT_EQ(base32_encode("foob"), "MZXW6YQ=");
  EXPECT_EQ(base32_encode("fooba"), "MZXW6YTB");
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI======");
  EXPECT_EQ(base32_encode("foobar", false), "MZXW6YTBOI");
}

TEST(Base32, DecodesTheRfc4648VectorsWithOrWithoutPaddingInEitherCase) {
  EXPECT_EQ(base32_decode(""), "");
  EXPECT_EQ(base32_decode("MY======"), "f");
  EXPECT_EQ(base32_decode("MZXQ===="), "fo");
  EXPECT_EQ(base32_decode("MZXW6==="), "foo");
  EXPECT_EQ(base32_decode("MZXW6YQ="), "foob");
  EXPECT_EQ(base32_decode("MZXW6YTB"), "fooba");
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), "foobar");
  EXPECT_EQ(base32_decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(base32_decode("MZXW 6YTB OI"), "foobar");
}

TEST(Base32, RefusesWhatIsNotBase32) {
  EXPECT_FALSE(base32_decode("MZXW1"));  // '1' is not in the alphabet
  EXPECT_FALSE(base32_decode("M"));      // one symbol cannot end a group
  EXPECT_FALSE(base32_decode("MZX"));    // neither can three
  EXPECT_FALSE(base32_decode("MZ=XW"));  // data after padding
  EXPECT_FALSE(base32_decode("MZ"));     // leftover bits not zero ("MY" is "f")
  EXPECT_FALSE(base32_decode("MZXW6YTB\xff"));
}

TEST(Base32, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(base32_decode(base32_encode(bytes)), bytes) << i;
    EXPECT_EQ(base32_decode(base32_encode(bytes, false)), bytes) << i;
    bytes += static_cast<char>(i * 37 + 11);
  }
}

TEST(Hotp, MatchesTheRfc4226Vectors) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(hotp(kRfcKey, static_cast<std::uint64_t>(i)), expected[i]);
}

TEST(Totp, MatchesTheRfc6238Sha1Vectors) {
  struct Vector {
    std::int64_t time;
    const char* code;
  } vectors[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                 {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& v : vectors)
    EXPECT_EQ(hotp(kRfcKey, static_cast<std::uint64_t>(step_of(v.time)), 8), v.code) << v.time;
  // Six digits are the last six of the eight.
  EXPECT_EQ(hotp(kRfcKey, static_cast<std::uint64_t>(step_of(1111111109))), "081804");
}

TEST(Totp, AcceptsOneStepEitherSideAndNeverAStepAlreadyUsed) {
  const domain::Millis now = 1111111111'000;  // step 37037037
  const auto step = step_of(1111111111);
  const auto code_at = [&](std::int64_t s) { return hotp(kRfcKey, static_cast<std::uint64_t>(s)); };
  EXPECT_EQ(match(kRfcKey, code_at(step), now, 0), step);
  EXPECT_EQ(match(kRfcKey, code_at(step - 1), now, 0), step - 1);
  EXPECT_EQ(match(kRfcKey, code_at(step + 1), now, 0), step + 1);
  EXPECT_FALSE(match(kRfcKey, code_at(step - 2), now, 0));
  EXPECT_FALSE(match(kRfcKey, code_at(step + 2), now, 0));
  // Once a step was used, neither it nor an earlier one is accepted.
  EXPECT_FALSE(match(kRfcKey, code_at(step), now, step));
  EXPECT_FALSE(match(kRfcKey, code_at(step - 1), now, step));
  EXPECT_EQ(match(kRfcKey, code_at(step + 1), now, step), step + 1);
  EXPECT_FALSE(match(kRfcKey, "12345", now, 0));
  EXPECT_FALSE(match(kRfcKey, "12345a", now, 0));
}

TEST(Totp, SecretsAreFreshAndUriCarriesTheParameters) {
  auto a = new_secret();
  auto b = new_secret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  auto uri = otpauth_uri("Greenroom", "ada lovelace", "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(uri,
            "otpauth://totp/Greenroom:ada%20lovelace?secret=JBSWY3DPEHPK3PXP&issuer=Greenroom"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(RecoveryCodes, AreTenDistinctCodesThatNormaliseAndHash) {
  auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  std::set<std::string> distinct(codes.begin(), codes.end());
  EXPECT_EQ(distinct.size(), 10u);
  for (const auto& c : codes) {
    ASSERT_EQ(c.size(), 11u);
    EXPECT_EQ(c[5], '-');
    auto n = normalize_recovery_code(c);
    EXPECT_EQ(n.size(), 10u);
    EXPECT_EQ(recovery_code_hash(n).size(), 64u);
  }
  EXPECT_EQ(normalize_recovery_code("ABCDE-23456"), "abcde23456");
  EXPECT_EQ(normalize_recovery_code(" abcde 23456 "), "abcde23456");
  EXPECT_EQ(normalize_recovery_code("abcde-2345"), "");
  EXPECT_EQ(normalize_recovery_code("abcde-23451"), "");  // '1' is not Base32
}

TEST(UserAgent, IsCutOnACharacterBoundaryWithoutControlCharacters) {
  EXPECT_EQ(clean_user_agent("Mozilla/5.0\r\n\x01"), "Mozilla/5.0");
  std::string long_agent(199, 'a');
  long_agent += "\xC3\xA9\xC3\xA9";  // é é straddles the 200-byte limit
  auto cleaned = clean_user_agent(long_agent);
  EXPECT_EQ(cleaned.size(), 199u);
  EXPECT_EQ(clean_user_agent(std::string(500, 'x')).size(), kUserAgentBytes);
}

}  // namespace
}  // namespace greenroom::api::totp
