#include "tools/fleet/worker_alerts.h"

#include "tools/live/report_text.h"
#include "tools/live/status_watch.h"
#include "tools/ops/alert_memory.h"

namespace lpsync::fleet {

WorkerAlerts::WorkerAlerts(SystemClock& wall, live::Log& log, Duration every, ops::RetryPolicy policy)
    : wall_(wall),
      log_(log),
      every_(every),
      sender_(policy, wall, live::log_alert_deliveries(log)) {}

void WorkerAlerts::watch(SystemClock& loop, int64_t connection_id, const live::LiveConfig& config, Current current) {
  if (!config.alerts) return;
  const live::AlertsSection& a = *config.alerts;
  Watched w;
  w.rules = ops::AlertRules(ops::AlertThresholds{a.poll_failing_after, a.webhook_silent_after, a.repeat_after});
  w.channels = live::alert_channels(a, "connection " + std::to_string(connection_id), config.ca_file);
  w.started = wall_.now();
  w.polls_expected = config.settings.active && (config.settings.import_orders || config.settings.pushes_stock());
  if (Running r = current(); r.store) {
    if (auto memory = r.store->value(ops::kAlertMemoryKey)) w.rules.remember(ops::parse_alert_memory(*memory));
  }
  uint64_t generation;
  {
    std::lock_guard lock(mu_);
    generation = w.generation = ++generations_;
    watched_[connection_id] = std::move(w);
  }
  loop.call_after(every_, [this, &loop, connection_id, generation, current] {
    evaluate(loop, connection_id, generation, current);
  });
}

void WorkerAlerts::observe(int64_t connection_id, const boost::json::object& line, Instant at) {
  const boost::json::value* d = line.if_contains("decision");
  if (!d || (*d != "order_poll_failed" && *d != "order_poll_interrupted")) return;
  std::lock_guard lock(mu_);
  auto it = watched_.find(connection_id);
  if (it != watched_.end()) it->second.polls.on_failure(at);
}

void WorkerAlerts::evaluate(SystemClock& loop, int64_t connection_id, uint64_t generation, const Current& current) {
  Running r = current();
  std::unique_lock lock(mu_);
  auto it = watched_.find(connection_id);
  if (it == watched_.end() || it->second.generation != generation) return;  // replaced by a restart
  if (!r.engine || !r.store) {
    watched_.erase(it);  // stopped: the worker no longer runs it
    return;
  }
  lock.unlock();
  Instant now = wall_.now();
  ops::OpsFigures f;
  f.gathered_at = now;
  std::vector<ops::Alert> due;
  try {
    ops::add_state(f, live::status_document(*r.store));
    const Report& report = r.engine->report_as_of(now);
    lock.lock();
    Watched& w = it->second;
    w.polls.on_polls(report.order_polls);
    ops::add_run(f, report, ops::RunFacts{w.started, w.polls_expected, w.polls.failures(), w.polls.failing_since()});
    due = w.rules.evaluate(f, now);
    for (const ops::Alert& a : due) {
      if (!sender_.send_for(w.channels, a)) {
        log_.warn("alert_dropped", {{"connection", connection_id}, {"alert", a.key()}, {"reason", "the alert queue is full"}});
      }
    }
    std::string memory = ops::alert_memory_json(w.rules.remembered());
    lock.unlock();
    if (!due.empty()) r.store->put_value(ops::kAlertMemoryKey, memory);
  } catch (const std::exception& e) {
    // The state could not be read or written now (the database away, the lease gone): the
    // engine meets it too and says so; the next evaluation tries again.
    if (lock.owns_lock()) lock.unlock();
    log_.warn("alerts_not_evaluated", {{"connection", connection_id}, {"reason", e.what()}});
  }
  loop.call_after(every_, [this, &loop, connection_id, generation, current] {
    evaluate(loop, connection_id, generation, current);
  });
}

void WorkerAlerts::drain(Duration per_target) {
  std::vector<ops::Alert> left = sender_.drain(per_target);
  if (!left.empty()) {
    log_.warn("alerts_not_sent", {{"count", static_cast<int64_t>(left.size())},
                                  {"why", "the worker stopped first; the worker that takes the connection over alerts "
                                          "again about what still holds after repeat_minutes"}});
  }
}

}  // namespace lpsync::fleet
