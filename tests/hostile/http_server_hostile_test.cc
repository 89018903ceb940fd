// lpsync::HttpServer (the listener's and the served fakes' HTTP layer) against hostile
// clients on loopback: oversized and bodiless requests, slow senders, idle connection
// floods, and a stop while slow clients hold connections. Limits and timeouts are set
// short here; every wait is bounded, and time is only asserted as a generous "not stuck".
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "tests/hostile/raw_client.h"

namespace lpsync::testing {
namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

constexpr size_t kLimit = 256 * 1024;

struct Calls {
  std::atomic<int> count = 0;
  std::atomic<size_t> last_body = 0;
};

Response error_shape(const std::string& method, const std::string& path, int status, const std::string& message) {
  return Response{status, {{"Content-Type", "application/json"}},
                  "{\"error\":true,\"status\":" + std::to_string(status) + ",\"method\":\"" + method + "\",\"path\":\"" +
                      path + "\",\"message\":\"" + message + "\"}"};
}

HttpServerOptions hostile_options() {
  HttpServerOptions o;
  o.concurrent = true;
  o.limits.max_body = kLimit;
  o.limits.request_timeout = milliseconds(1000);
  o.limits.idle_timeout = milliseconds(1000);
  o.limits.max_connections = 32;
  o.limits.max_per_client = 24;
  o.error_body = error_shape;
  return o;
}

Handler counting(Calls& calls) {
  return [&calls](const Request& r) -> TransportResult {
    ++calls.count;
    calls.last_body = r.body.size();
    return Response{200, {{"Content-Type", "text/plain"}}, "ok " + r.method + "\n"};
  };
}

// A whole, well-formed request on a new connection; its status (0: no answer within 5 s).
int real_request(int port) {
  RawClient c(port);
  if (!c.connected()) return 0;
  c.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
  return status_of(c.read_response(milliseconds(5000)));
}

TEST(HostileHttp, AnOversizedBodyIsRefusedWith413BeforeItIsSent) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  ASSERT_TRUE(server.ok()) << server.error();
  RawClient c(server.port());
  // A gigabyte announced; not one byte of it is sent: the answer must not wait for it.
  ASSERT_TRUE(c.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n"));
  std::string answer = c.read_response(milliseconds(5000));
  EXPECT_EQ(status_of(answer), 413) << answer;
  EXPECT_NE(body_of(answer).find("\"path\":\"/webhooks/picqer\""), std::string::npos) << "the API's error shape";
  EXPECT_NE(body_of(answer).find("262144"), std::string::npos) << "the message names the limit: " << answer;
  EXPECT_EQ(calls.count, 0) << "the handler (and its signature check) never sees it";
  EXPECT_TRUE(c.closed_within(milliseconds(5000))) << "the rest of the body is not read";
}

TEST(HostileHttp, AChunkedBodyOverTheLimitIsRefusedWith413) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  RawClient c(server.port());
  ASSERT_TRUE(c.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  std::string chunk(64 * 1024, 'x');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  for (int i = 0; i < 8 && c.send(size_line + chunk + "\r\n"); ++i) {
  }
  std::string answer = c.read_response(milliseconds(5000));
  EXPECT_EQ(status_of(answer), 413) << answer;
  EXPECT_EQ(calls.count, 0);
}

TEST(HostileHttp, ABodyWithinTheLimitReachesTheHandler) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  RawClient c(server.port());
  std::string body(kLimit, 'b');
  ASSERT_TRUE(c.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
  EXPECT_EQ(status_of(c.read_response(milliseconds(5000))), 200);
  EXPECT_EQ(calls.last_body, kLimit);
}

TEST(HostileHttp, APerRouteLimitAppliesToItsRouteOnly) {
  Calls calls;
  HttpServerOptions o = hostile_options();
  o.body_limit = [](const std::string&, const std::string& path) -> size_t { return path == "/small" ? 10 : kLimit; };
  HttpServer server(counting(calls), o);
  RawClient small(server.port());
  small.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n01234567890");
  EXPECT_EQ(status_of(small.read_response(milliseconds(5000))), 413);
  RawClient other(server.port());
  other.send("POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n01234567890");
  EXPECT_EQ(status_of(other.read_response(milliseconds(5000))), 200);
}

TEST(HostileHttp, ABodilessPostWithoutContentLengthReachesTheHandler) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
    RawClient c(server.port());
    // As curl -X POST sends it: no body, no Content-Length.
    ASSERT_TRUE(c.send(std::string(method) + " /orders/1/process HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n"));
    std::string answer = c.read_response(milliseconds(3000));
    EXPECT_EQ(status_of(answer), 200) << method << ": " << answer;
    EXPECT_EQ(body_of(answer), "ok " + std::string(method) + "\n");
  }
  EXPECT_EQ(calls.count, 4);
}

TEST(HostileHttp, ErrorsOfTheHttpLayerCarryTheApisErrorBody) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  RawClient bad(server.port());
  bad.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  std::string answer = bad.read_response(milliseconds(3000));
  EXPECT_EQ(status_of(answer), 400) << answer;
  EXPECT_NE(body_of(answer).find("\"error\":true"), std::string::npos) << answer;
  RawClient odd(server.port());
  odd.send("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n");
  answer = odd.read_response(milliseconds(3000));
  EXPECT_GE(status_of(answer), 400) << answer;
  EXPECT_NE(body_of(answer).find("\"error\":true"), std::string::npos) << answer;
  EXPECT_EQ(calls.count, 0);
}

// Slow senders: a header line now and then, never a whole request.
std::vector<RawClient> slow_clients(int port, int n) {
  std::vector<RawClient> slow;
  for (int i = 0; i < n; ++i) {
    slow.emplace_back(port);
    slow.back().send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\n");
  }
  return slow;
}

TEST(HostileHttp, SlowHeaderSendersDoNotStopTheServerForOthers) {
  Calls calls;
  HttpServer server(counting(calls), hostile_options());
  std::vector<RawClient> slow = slow_clients(server.port(), 12);
  for (int round = 0; round < 3; ++round) {
    for (auto& c : slow) c.send("X-Slow: " + std::to_string(round) + "\r\n");
    EXPECT_EQ(real_request(server.port()), 200) << "round " << round;
  }
  // The request deadline (1 s here) ends them: each is closed although it keeps sending.
  int closed = 0;
  for (auto& c : slow) closed += c.closed_within(milliseconds(5000)) ? 1 : 0;
  EXPECT_EQ(closed, 12);
}

TEST(HostileHttp, AHundredIdleConnectionsDoNotDelayARealRequest) {
  Calls calls;
  HttpServerOptions o = hostile_options();
  o.limits.request_timeout = milliseconds(20000);  // the flood would hold them this long
  o.limits.idle_timeout = milliseconds(20000);
  HttpServer server(counting(calls), o);
  std::vector<RawClient> idle;
  for (int i = 0; i < 100; ++i) idle.emplace_back(server.port());
  auto start = Steady::now();
  EXPECT_EQ(real_request(server.port()), 200);
  EXPECT_LT(Steady::now() - start, std::chrono::seconds(4)) << "a real request is not kept waiting behind the flood";
  EXPECT_EQ(calls.count, 1);
}

TEST(HostileHttp, OneClientsConnectionsAreCappedOldestIdleFirst) {
  Calls calls;
  HttpServerOptions o = hostile_options();
  o.limits.max_per_client = 4;
  o.limits.request_timeout = milliseconds(20000);
  o.limits.idle_timeout = milliseconds(20000);
  HttpServer server(counting(calls), o);
  std::vector<RawClient> idle;
  for (int i = 0; i < 4; ++i) {
    idle.emplace_back(server.port());
    EXPECT_FALSE(idle.back().closed_within(milliseconds(100))) << "within the cap: " << i;
  }
  EXPECT_EQ(real_request(server.port()), 200) << "a fifth connection gets in";
  EXPECT_TRUE(idle.front().closed_within(milliseconds(3000))) << "the longest-idle one made room";
}

TEST(HostileHttp, StopEndsPromptlyWhateverSlowClientsDo) {
  Calls calls;
  HttpServerOptions o = hostile_options();
  o.limits.request_timeout = milliseconds(60000);
  o.limits.idle_timeout = milliseconds(60000);
  HttpServer server(counting(calls), o);
  std::vector<RawClient> slow = slow_clients(server.port(), 10);
  std::vector<RawClient> idle;
  for (int i = 0; i < 10; ++i) idle.emplace_back(server.port());
  ASSERT_EQ(real_request(server.port()), 200);
  auto start = Steady::now();
  server.stop();
  EXPECT_LT(Steady::now() - start, std::chrono::seconds(5)) << "stop does not wait for slow clients";
  for (auto& c : slow) EXPECT_TRUE(c.closed_within(milliseconds(1000)));
}

}  // namespace
}  // namespace lpsync::testing
