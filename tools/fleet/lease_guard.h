// The transport of a fleet worker's engine (sync-rules section 11): a request that writes (any
// method but GET) goes out only while the connection's lease has a clear margin left
// (fleet_rules may_start_write, the margin being the longest a request can take), so no write
// of this worker can still be in flight when its lease ends and another worker takes over. A
// write held back is not sent and is answered as a refused connection: certainly not applied,
// so the engine backs off and tries again, by when the lease is renewed or the engine stopped.
// The database fence cannot do this: it guards the state, not a request already on its way.
#pragma once

#include <atomic>
#include <cstdint>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "tools/fleet/worker.h"

namespace lpsync::fleet {

class LeaseGuard final : public Transport {
 public:
  // `monotonic`: the clock the worker sets `window` by.
  LeaseGuard(Transport& inner, const LeaseWindow& window, const Clock& monotonic, Duration margin)
      : inner_(inner), window_(window), clock_(monotonic), margin_(margin) {}

  TransportResult send(const Request& request) override;

  int64_t held_back() const { return held_back_.load(); }

 private:
  Transport& inner_;
  const LeaseWindow& window_;
  const Clock& clock_;
  Duration margin_;
  std::atomic<int64_t> held_back_{0};
};

}  // namespace lpsync::fleet
