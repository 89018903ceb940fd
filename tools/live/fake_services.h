// Test hook: both fakes served on loopback addresses (port 0) on the wall clock, the way
// `lpsync serve-fakes` serves them, over http or https, so end-to-end tests run the live
// commands against them. Every request, timer and simulator action of the fakes holds one
// lock; use lightspeed()/picqer() to act on them from a test. Webhooks the fakes send go
// out through a real HTTP client.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/env/clock.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "fakes/lightspeed/lightspeed_fake.h"
#include "fakes/picqer/picqer_fake.h"

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

  bool ok() const { return lightspeed_server_->ok() && picqer_server_->ok(); }
  std::string lightspeed_url() const { return lightspeed_server_->base_url(); }
  std::string picqer_url() const { return picqer_server_->base_url(); }
  Instant now() const { return wall_.now(); }

  // Runs `f` with the fake, under the fakes' lock.
  template <typename F>
  auto lightspeed(F f) {
    std::lock_guard lock(mu_);
    return f(*lightspeed_);
  }
  template <typename F>
  auto picqer(F f) {
    std::lock_guard lock(mu_);
    return f(*picqer_);
  }

 private:
  // Timers of the fakes run holding the servers' lock.
  class LockedClock final : public Clock {
   public:
    LockedClock(SystemClock& wall, std::mutex& mu) : wall_(wall), mu_(mu) {}
    Instant now() const override { return wall_.now(); }
    TimerId call_at(Instant when, std::function<void()> fn) override {
      return wall_.call_at(when, [this, fn = std::move(fn)] {
        std::lock_guard lock(mu_);
        fn();
      });
    }
    bool cancel(TimerId id) override { return wall_.cancel(id); }

   private:
    SystemClock& wall_;
    std::mutex& mu_;
  };

  mutable SystemClock wall_;
  std::mutex mu_;
  LockedClock clock_{wall_, mu_};
  HttplibTransport webhooks_;
  std::unique_ptr<fakes::lightspeed::LightspeedFake> lightspeed_;
  std::unique_ptr<fakes::picqer::PicqerFake> picqer_;
  std::unique_ptr<HttpServer> lightspeed_server_, picqer_server_;
  std::thread thread_;
};

}  // namespace lpsync::testing
