#include "engine/env/crypto.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

TEST(Crypto, Base64KnownValues) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(*base64_decode("Zm9vYmE="), "fooba");
}

TEST(Crypto, Base64RejectsInvalidText) {
  for (const char* bad : {"Zg=", "Zm9v!", "Z===", "Zg==Zg==", "Zm=v"}) {
    EXPECT_FALSE(base64_decode(bad).has_value()) << bad;
  }
}

RC_GTEST_PROP(CryptoProperty, Base64RoundTrip, (const std::string& bytes)) {
  RC_ASSERT(base64_decode(base64_encode(bytes)) == bytes);
}

TEST(Crypto, Md5KnownValue) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6");
}

TEST(Crypto, LightspeedSignatureIsMd5OfBodyThenSecret) {
  EXPECT_EQ(lightspeed_signature("The quick brown fox jumps over the lazy ", "dog"), "9e107d9d372bb6826bd81d3542a419d6");
  EXPECT_NE(lightspeed_signature("dog", "The quick brown fox jumps over the lazy "), "9e107d9d372bb6826bd81d3542a419d6");
}

TEST(Crypto, HmacSha256KnownValue) {
  // RFC 4231 test case 2.
  std::string mac = hmac_sha256("Jefe", "what do ya want for nothing?");
  EXPECT_EQ(base64_encode(mac), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  EXPECT_EQ(picqer_signature("what do ya want for nothing?", "Jefe"), base64_encode(mac));
}

TEST(Crypto, ConstantTimeEquals) {
  EXPECT_TRUE(constant_time_equals("abc", "abc"));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "abcd"));
  EXPECT_TRUE(constant_time_equals("", ""));
}

TEST(Crypto, SystemRandomHex) {
  std::string a = system_random_hex(16);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, system_random_hex(16));
}

}  // namespace
}  // namespace lpsync
