// What a fleet worker watches of each connection it runs, on the connection's loop every
// `every`:
// - the run's figures (requests, 429s and budgets per API, polls, open problems with the time
//   each was first seen, and a sample of the APIs' counts every quarter hour for 24 hours),
//   kept in the connection's state (kFiguresKey) for the console, which reads the fleet's
//   states (docs/console.md), as `lpsync run` keeps them in its status file;
// - its alerts (docs/operators.md): the alert rules with the connection's own `alerts` config,
//   from its state and its engine's report, sent through one AlertSender (one outbox, one
//   thread) for the whole worker. Each connection's memory of what it alerted is kept in its
//   state, as `lpsync run` keeps it, so a connection moving to another worker is not alerted
//   twice. Its webhooks are counted by topic as its engine accepts them (webhook_answered),
//   so a topic gone silent is alerted about as in `lpsync run`.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <string>

#include "engine/core/engine.h"
#include "engine/env/clock.h"
#include "engine/state/state_store.h"
#include "tools/live/config.h"
#include "tools/live/log.h"
#include "tools/live/redactor.h"
#include "tools/ops/alert_rules.h"
#include "tools/ops/alert_sender.h"
#include "tools/ops/gather.h"
#include "tools/ops/webhook_tally.h"

namespace lpsync::fleet {

// Whether a connection's figures are written to its state now: when they changed since the
// last write (`kept` and `now` leave out the time they were gathered), or when the last write
// is kKeptFiguresRefresh old, so a page still shows when the worker last looked. Unchanged
// figures every minute were a database write per connection per minute for nothing.
inline constexpr Duration kKeptFiguresRefresh = Duration::minutes(15);
bool kept_figures_due(const std::optional<std::pair<boost::json::object, Instant>>& kept,
                      const boost::json::object& now_figures, Instant now);

class WorkerWatch {
 public:
  // The state's value of the run's figures: {"ops": figures_json, "ops_history": [...]}.
  static constexpr char kFiguresKey[] = "console.ops";

  // The engine and the state of a running connection, or two nullptr when it no longer runs.
  struct Running {
    Engine* engine = nullptr;
    StateStore* store = nullptr;
  };
  using Current = std::function<Running()>;

  // `redactor`: the secrets the worker knows (a problem's message is kept in the state).
  WorkerWatch(SystemClock& wall, live::Log& log, live::Redactor& redactor, Duration every = Duration::minutes(1),
              ops::RetryPolicy policy = {});

  // A connection's engine has started (on its loop's thread, `loop`): watched every `every`
  // while `current` gives its engine, with its alert rules as its config says (none without an
  // `alerts` section); a later watch of the same connection (a restart) replaces this one.
  void watch(SystemClock& loop, int64_t connection_id, const live::LiveConfig& config, Current current);
  // The connection's engine answered a webhook the worker handed it (on the engine's thread):
  // 200 is counted by topic, 401 as refused.
  void webhook_answered(int64_t connection_id, const Request& r, int status);
  // A trace line of the connection's engine: failed order polls (on its loop's thread).
  void observe(int64_t connection_id, const boost::json::object& line, Instant at);
  // At the worker's stop: sends what is queued, each target for at most `per_target`.
  void drain(Duration per_target);
  ops::AlertSender::Stats stats() const { return sender_.stats(); }

 private:
  struct Watched {
    uint64_t generation = 0;
    std::optional<ops::AlertRules> rules;  // with an `alerts` section
    ops::PollWatch polls;
    ops::AlertChannels channels;
    ops::ProblemTimes problems;
    boost::json::array history;  // the console's charts (ops::sample_history)
    std::optional<std::pair<boost::json::object, Instant>> kept;  // the figures last written (no time), when
    std::shared_ptr<ops::WebhookTally> webhooks = std::make_shared<ops::WebhookTally>();
    Instant started;
    bool polls_expected = false;
  };
  void evaluate(SystemClock& loop, int64_t connection_id, uint64_t generation, const Current& current);

  SystemClock& wall_;
  live::Log& log_;
  live::Redactor& redactor_;
  Duration every_;
  std::mutex mu_;
  uint64_t generations_ = 0;
  std::map<int64_t, Watched> watched_;  // the connections this worker runs
  ops::AlertSender sender_;
};

}  // namespace lpsync::fleet
