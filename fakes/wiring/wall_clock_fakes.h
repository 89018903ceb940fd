// Both fakes served on loopback on the wall clock, as `lpsync serve-fakes` serves them and the
// live tests' fake services run them: a FakePair on FakeServers, its timers on a LockedClock
// over a SystemClock, its webhooks sent through a real HTTP client. Every request, timer and
// with() call holds one mutex, so the fakes only ever see one caller. The owner runs the
// wall clock (wall().run(), on a thread of its choosing) and stops it before the fakes go.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "engine/env/clock.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/locked_clock.h"
#include "fakes/wiring/fake_pair.h"
#include "fakes/wiring/fake_servers.h"

namespace lpsync::fakes {

struct WallClockFakesOptions {
  FakeServersOptions servers;
  HttplibOptions webhooks;  // the client the fakes send webhooks with
  FakePairConfig fakes;     // the origins are set to the servers' addresses
};

class WallClockFakes {
 public:
  // Binds the servers; when they listen (ok()), makes the fakes and serves them.
  explicit WallClockFakes(WallClockFakesOptions options);
  ~WallClockFakes();  // stops the servers, then the fakes go
  WallClockFakes(const WallClockFakes&) = delete;
  WallClockFakes& operator=(const WallClockFakes&) = delete;

  bool ok() const { return servers_.ok(); }
  std::string error() const { return servers_.error(); }
  std::string lightspeed_url() const { return servers_.lightspeed_url(); }
  std::string picqer_url() const { return servers_.picqer_url(); }
  SystemClock& wall() { return wall_; }

  // Runs `f` with the pair, holding the fakes' mutex. Only when ok().
  template <typename F>
  auto with(F f) {
    std::lock_guard lock(mutex_);
    return f(*pair_);
  }
  // No request reaches the fakes after this returns.
  void stop_serving() { servers_.stop(); }

 private:
  SystemClock wall_;
  std::mutex mutex_;
  LockedClock clock_{wall_, mutex_};
  HttplibTransport webhooks_;
  FakeServers servers_;
  std::unique_ptr<FakePair> pair_;
};

}  // namespace lpsync::fakes
