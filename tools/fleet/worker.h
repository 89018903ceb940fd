// One fleet worker (sync-rules section 11, docs/fleet.md): at every heartbeat it marks itself
// alive, renews its leases (stopping the engine of each one it lost), claims free connections
// up to its fair share or hands one back above it, and starts an engine for each claim. A claim
// whose previous owner did not hand it back starts only after that owner's last request could
// have arrived (fleet_rules act_on_intents_after). The engines themselves are behind Runner, so
// the orchestration is tested without the APIs.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "engine/env/time.h"
#include "engine/state/pg_fleet.h"

namespace lpsync::fleet {

// When a lease ends by this worker's own monotonic clock: set after each renewal to the time
// the renewal was sent plus one period (the database extends it from a later moment, so this
// is on the safe side). Read by the write guard of the connection's engine.
class LeaseWindow {
 public:
  void set_end(Instant end) { end_ms_.store(end.unix_millis()); }
  Instant end() const { return Instant::from_unix_millis(end_ms_.load()); }

 private:
  std::atomic<int64_t> end_ms_{0};
};

// Runs the engine of one connection; the worker starts and stops them.
class Runner {
 public:
  virtual ~Runner() = default;
  // Starts the connection's engine under `lease`; `window` outlives the engine.
  virtual void start(const LeaseToken& lease, const std::string& config, const LeaseWindow& window) = 0;
  // Stops it and returns once no request of it is in flight.
  virtual void stop(int64_t connection_id) = 0;
};

struct WorkerOptions {
  Duration lease_period = Duration::seconds(30);
  Duration longest_request = Duration::seconds(10);  // the HTTP timeout of the engines' requests
};

class Worker {
 public:
  Worker(pg::Db& db, std::string name, Runner& runner, WorkerOptions options)
      : book_(db, std::move(name), options.lease_period), db_(db), runner_(runner), options_(options) {}

  // One heartbeat at `now` (this worker's monotonic clock). Call at least three times per lease
  // period.
  void tick(Instant now);
  // Stops every engine and hands every lease back (a clean shutdown).
  void stop_all();

  size_t held() const { return held_.size(); }
  size_t running() const;

 private:
  struct Held {
    LeaseToken lease;
    std::unique_ptr<LeaseWindow> window = std::make_unique<LeaseWindow>();
    Instant start_at;  // when its engine may start
    bool started = false;
  };
  void renew(Instant now);
  void rebalance(Instant now);
  void start_due(Instant now);
  void drop(int64_t connection_id, bool hand_back);

  LeaseBook book_;
  pg::Db& db_;
  Runner& runner_;
  WorkerOptions options_;
  std::map<int64_t, Held> held_;  // by connection id
};

}  // namespace lpsync::fleet
