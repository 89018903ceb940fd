// The fleet's write guard: writes stop before the lease ends, reads never do.
#include "tools/fleet/lease_guard.h"

#include <gtest/gtest.h>

namespace lpsync::fleet {
namespace {

const Instant kStart = Instant::from_unix_millis(1'790'000'000'000);
constexpr Duration kMargin = Duration::seconds(10);

struct CountingTransport final : Transport {
  int sent = 0;
  TransportResult send(const Request&) override {
    ++sent;
    return Response{200, {}, "{}"};
  }
};

struct Guarded {
  SimClock clock{kStart};
  LeaseWindow window;
  CountingTransport inner;
  LeaseGuard guard{inner, window, clock, kMargin};
};

Request request(const char* method) { return Request{method, "https://shop.example/en/variants/1.json", {}, "{}"}; }

TEST(LeaseGuard, WritesGoOutOnlyWithAClearMarginLeft) {
  Guarded g;
  g.window.set_end(kStart + Duration::seconds(30));
  EXPECT_TRUE(g.guard.send(request("PUT")).ok());
  g.clock.advance(Duration::seconds(19));  // 11 s left
  EXPECT_TRUE(g.guard.send(request("POST")).ok());
  g.clock.advance(Duration::seconds(2));  // 9 s left: a write could outlive the lease
  TransportResult held = g.guard.send(request("DELETE"));
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, TransportErrorKind::refused) << "certainly not applied: the engine retries";
  EXPECT_NE(held.error().message.find("9s left"), std::string::npos) << held.error().message;
  EXPECT_EQ(g.inner.sent, 2);
  EXPECT_EQ(g.guard.held_back(), 1);
}

TEST(LeaseGuard, ReadsGoOutEvenAfterTheLeaseEnded) {
  Guarded g;
  g.window.set_end(kStart);
  EXPECT_TRUE(g.guard.send(request("GET")).ok());
  EXPECT_FALSE(g.guard.send(request("PUT")).ok());
  EXPECT_EQ(g.inner.sent, 1);
}

TEST(LeaseGuard, ARenewedLeaseLetsWritesThroughAgain) {
  Guarded g;
  g.window.set_end(kStart + Duration::seconds(5));
  EXPECT_FALSE(g.guard.send(request("POST")).ok());
  g.window.set_end(kStart + Duration::seconds(35));  // the heartbeat renewed it
  EXPECT_TRUE(g.guard.send(request("POST")).ok());
  EXPECT_EQ(g.inner.sent, 1);
}

}  // namespace
}  // namespace lpsync::fleet
