// The alerts of a fleet worker (docs/operators.md): for every connection it runs, the alert
// rules with that connection's own `alerts` config, evaluated on the connection's loop every
// `every` from its state and its engine's report, and one AlertSender (one outbox, one thread)
// for the whole worker. Each connection's memory of what it alerted is kept in its state, as
// `lpsync run` keeps it, so a connection moving to another worker is not alerted twice.
// Not watched in the fleet: webhook topics gone silent (the fleet's listener has no tally
// per connection yet).
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "engine/core/engine.h"
#include "engine/env/clock.h"
#include "engine/state/state_store.h"
#include "tools/live/config.h"
#include "tools/live/log.h"
#include "tools/ops/alert_rules.h"
#include "tools/ops/alert_sender.h"
#include "tools/ops/gather.h"

namespace lpsync::fleet {

class WorkerAlerts {
 public:
  // The engine and the state of a running connection, or two nullptr when it no longer runs.
  struct Running {
    Engine* engine = nullptr;
    StateStore* store = nullptr;
  };
  using Current = std::function<Running()>;

  WorkerAlerts(SystemClock& wall, live::Log& log, Duration every = Duration::minutes(1), ops::RetryPolicy policy = {});

  // A connection's engine has started (on its loop's thread, `loop`): its rules as its config
  // says (nothing without an `alerts` section), evaluated every `every` while `current` gives
  // its engine; a later watch of the same connection (a restart) replaces this one.
  void watch(SystemClock& loop, int64_t connection_id, const live::LiveConfig& config, Current current);
  // A trace line of the connection's engine: failed order polls (on its loop's thread).
  void observe(int64_t connection_id, const boost::json::object& line, Instant at);
  // At the worker's stop: sends what is queued, each target for at most `per_target`.
  void drain(Duration per_target);
  ops::AlertSender::Stats stats() const { return sender_.stats(); }

 private:
  struct Watched {
    uint64_t generation = 0;
    ops::AlertRules rules{{}};
    ops::PollWatch polls;
    ops::AlertChannels channels;
    Instant started;
    bool polls_expected = false;
  };
  void evaluate(SystemClock& loop, int64_t connection_id, uint64_t generation, const Current& current);

  SystemClock& wall_;
  live::Log& log_;
  Duration every_;
  std::mutex mu_;
  uint64_t generations_ = 0;
  std::map<int64_t, Watched> watched_;  // the connections this worker runs, with alerts
  ops::AlertSender sender_;
};

}  // namespace lpsync::fleet
