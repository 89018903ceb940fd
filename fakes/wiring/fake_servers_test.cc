#include "fakes/wiring/fake_servers.h"

#include <gtest/gtest.h>

#include <mutex>

#include "engine/env/httplib_transport.h"
#include "fakes/wiring/wall_clock_fakes.h"

namespace lpsync::fakes {
namespace {

int status_of(Transport& client, const std::string& url) {
  TransportResult r = client.send(Request{"GET", url, {}, ""});
  return r.ok() ? r.value().status : -1;
}

TEST(FakeServers, AnswerStartingUntilThePairIsServedThenReachIt) {
  std::mutex mutex;
  FakeServers servers(mutex, {});
  ASSERT_TRUE(servers.ok()) << servers.error();
  HttplibTransport client;
  std::string ls = servers.lightspeed_url() + "/en/orders.json", pq = servers.picqer_url() + "/api/v1/orders";
  EXPECT_EQ(status_of(client, ls), 503);
  EXPECT_EQ(status_of(client, pq), 503);

  SimClock clock(Instant::from_unix_seconds(1'800'000'000));
  FakePairConfig config;
  config.lightspeed.origin = servers.lightspeed_url();
  config.picqer.origin = servers.picqer_url();
  FakePair pair(clock, client, config);
  servers.serve(pair);
  // Without credentials both fakes refuse: the answer comes from the fakes, not the servers.
  EXPECT_EQ(status_of(client, ls), 401);
  EXPECT_EQ(status_of(client, pq), 401);
  client.disconnect();
}

TEST(FakeServers, RunBeforeEachRequestThatReachesAFakeHoldingTheirLock) {
  std::mutex mutex;
  int calls = 0;
  bool locked = false;
  FakeServersOptions options;
  options.before_each = [&] {
    ++calls;
    locked = !mutex.try_lock();
    if (!locked) mutex.unlock();
  };
  FakeServers servers(mutex, options);
  ASSERT_TRUE(servers.ok()) << servers.error();
  HttplibTransport client;
  std::string ls = servers.lightspeed_url() + "/en/orders.json", pq = servers.picqer_url() + "/api/v1/orders";
  EXPECT_EQ(status_of(client, ls), 503);
  EXPECT_EQ(calls, 0);  // not served yet: no fake to prepare

  SimClock clock(Instant::from_unix_seconds(1'800'000'000));
  FakePairConfig config;
  FakePair pair(clock, client, config);
  servers.serve(pair);
  EXPECT_EQ(status_of(client, ls), 401);
  EXPECT_EQ(status_of(client, pq), 401);
  {
    std::lock_guard lock(mutex);  // written by the servers' threads under it
    EXPECT_EQ(calls, 2);
    EXPECT_TRUE(locked);
  }
  client.disconnect();
}

TEST(WallClockFakes, ServesBothFakesAtTheirOwnOrigins) {
  WallClockFakes fakes({});
  ASSERT_TRUE(fakes.ok()) << fakes.error();
  fakes.with([&](FakePair& pair) {
    EXPECT_EQ(pair.lightspeed().config().origin, fakes.lightspeed_url());
    EXPECT_EQ(pair.picqer().config().origin, fakes.picqer_url());
  });
  HttplibTransport client;
  EXPECT_EQ(status_of(client, fakes.picqer_url() + "/api/v1/orders"), 401);
  client.disconnect();
}

}  // namespace
}  // namespace lpsync::fakes
