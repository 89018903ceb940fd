// Test hook: both fakes served on loopback addresses (port 0) on the wall clock, the way
// `lpsync serve-fakes` serves them (fakes/wiring/wall_clock_fakes.h), over http or https, so
// end-to-end tests run the live commands against them. Every request, timer and simulator
// action of the fakes holds one lock; use lightspeed()/picqer() to act on them from a test.
// Webhooks the fakes send go out through a real HTTP client.
#pragma once

#include <string>
#include <thread>

#include "engine/env/clock.h"
#include "fakes/wiring/wall_clock_fakes.h"

namespace lpsync::testing {

struct FakeServicesOptions {
  std::string cert_file, key_file;  // both set: https
  fakes::lightspeed::LightspeedConfig lightspeed;
  fakes::picqer::PicqerConfig picqer;
  uint64_t seed = 1;
};

class FakeServices {
 public:
  explicit FakeServices(FakeServicesOptions options = {});
  ~FakeServices();
  FakeServices(const FakeServices&) = delete;
  FakeServices& operator=(const FakeServices&) = delete;

  bool ok() const { return fakes_.ok(); }
  std::string lightspeed_url() const { return fakes_.lightspeed_url(); }
  std::string picqer_url() const { return fakes_.picqer_url(); }
  Instant now() { return fakes_.wall().now(); }

  // Runs `f` with the fake, under the fakes' lock.
  template <typename F>
  auto lightspeed(F f) {
    return fakes_.with([&f](fakes::FakePair& pair) { return f(pair.lightspeed()); });
  }
  template <typename F>
  auto picqer(F f) {
    return fakes_.with([&f](fakes::FakePair& pair) { return f(pair.picqer()); });
  }

 private:
  fakes::WallClockFakes fakes_;
  std::thread thread_;  // runs the wall clock: the fakes' timers and webhooks
};

}  // namespace lpsync::testing
