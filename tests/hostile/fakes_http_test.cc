// Both fakes served over http (as `lpsync serve-fakes` serves them): a bodiless POST without
// Content-Length reaches the fake, and what the HTTP layer refuses itself comes in the API's
// own error shape.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/hostile/raw_client.h"
#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

using std::chrono::milliseconds;

int port_of(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

TEST(HostileFakes, ABodilessProcessReachesPicqersFake) {
  LiveWorld w = make_world("fakes-bodiless", false);
  RawClient c(port_of(w.fakes->picqer_url()));
  ASSERT_TRUE(c.send("POST /api/v1/orders/999/process HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nUser-Agent: curl/8 (hostile test - test@example.com)\r\n\r\n"));
  std::string answer = c.read_response(milliseconds(3000));
  EXPECT_NE(status_of(answer), 0) << "answered without waiting for a body";
  EXPECT_NE(status_of(answer), 400) << answer;
  EXPECT_NE(body_of(answer).find("\"error_message\""), std::string::npos) << "the fake's own answer: " << answer;
}

TEST(HostileFakes, HttpLayerErrorsComeInEachApisShape) {
  LiveWorld w = make_world("fakes-errors", false);
  RawClient picqer(port_of(w.fakes->picqer_url()));
  picqer.send("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n");
  std::string answer = picqer.read_response(milliseconds(3000));
  EXPECT_EQ(status_of(answer), 413) << answer;
  EXPECT_NE(body_of(answer).find("\"error\":true"), std::string::npos) << answer;
  EXPECT_NE(body_of(answer).find("\"error_code\""), std::string::npos) << answer;

  RawClient lightspeed(port_of(w.fakes->lightspeed_url()));
  lightspeed.send("PUT /en/variants/11.json HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  answer = lightspeed.read_response(milliseconds(3000));
  EXPECT_EQ(status_of(answer), 400) << answer;
  EXPECT_NE(body_of(answer).find("{\"error\":{\"code\":400"), std::string::npos) << answer;
  EXPECT_NE(body_of(answer).find("\"request\":\"/en/variants/11.json\""), std::string::npos) << answer;
}

}  // namespace
}  // namespace lpsync::testing
