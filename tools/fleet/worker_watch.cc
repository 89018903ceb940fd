#include "tools/fleet/worker_watch.h"

#include "tools/live/report_text.h"
#include "tools/live/status_watch.h"
#include "tools/ops/alert_memory.h"
#include "tools/ops/figures_json.h"

namespace lpsync::fleet {

WorkerWatch::WorkerWatch(SystemClock& wall, live::Log& log, live::Redactor& redactor, Duration every,
                         ops::RetryPolicy policy)
    : wall_(wall),
      log_(log),
      redactor_(redactor),
      every_(every),
      sender_(policy, wall, live::log_alert_deliveries(log)) {}

void WorkerWatch::watch(SystemClock& loop, int64_t connection_id, const live::LiveConfig& config, Current current) {
  Watched w;
  if (config.alerts) {
    const live::AlertsSection& a = *config.alerts;
    w.rules = ops::AlertRules(ops::AlertThresholds{a.poll_failing_after, a.webhook_silent_after, a.repeat_after});
    w.channels = live::alert_channels(a, "connection " + std::to_string(connection_id), config.ca_file);
  }
  w.started = wall_.now();
  w.polls_expected = config.settings.active && (config.settings.import_orders || config.settings.pushes_stock());
  if (Running r = current(); r.store) {
    if (auto memory = r.store->value(ops::kAlertMemoryKey); memory && w.rules) {
      w.rules->remember(ops::parse_alert_memory(*memory));
    }
    // The charts go on where the connection's previous worker left them.
    if (auto kept = r.store->value(kFiguresKey)) {
      boost::system::error_code ec;
      boost::json::value v = boost::json::parse(*kept, ec);
      const boost::json::value* h = !ec && v.is_object() ? v.as_object().if_contains("ops_history") : nullptr;
      if (h && h->is_array()) w.history = h->as_array();
    }
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

void WorkerWatch::observe(int64_t connection_id, const boost::json::object& line, Instant at) {
  const boost::json::value* d = line.if_contains("decision");
  if (!d || (*d != "order_poll_failed" && *d != "order_poll_interrupted")) return;
  std::lock_guard lock(mu_);
  auto it = watched_.find(connection_id);
  if (it != watched_.end()) it->second.polls.on_failure(at);
}

void WorkerWatch::webhook_answered(int64_t connection_id, const Request& r, int status) {
  std::lock_guard lock(mu_);
  auto it = watched_.find(connection_id);
  if (it == watched_.end()) return;
  if (status == 200) it->second.webhooks->arrived(ops::webhook_topic(r), wall_.now());
  if (status == 401) it->second.webhooks->refused();
}

void WorkerWatch::evaluate(SystemClock& loop, int64_t connection_id, uint64_t generation, const Current& current) {
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
    // The state's part only for the rules: the console reads the state itself.
    bool alerting = it->second.rules.has_value();
    if (alerting) ops::add_state(f, live::status_document(*r.store));
    const Report& report = r.engine->report_as_of(now);
    lock.lock();
    Watched& w = it->second;
    w.polls.on_polls(report.order_polls);
    w.problems.update(report.problems, now);
    f.webhook_arrivals = w.webhooks->counts();
    f.webhook_last_arrival = w.webhooks->last_arrivals();
    f.webhooks_refused = w.webhooks->refusals();
    ops::RunFacts facts{w.started, w.polls_expected, w.polls.failures(), w.polls.failing_since()};
    facts.problem_times = &w.problems;
    ops::add_run(f, report, facts);
    if (w.rules) {
      due = w.rules->evaluate(f, now);
      for (const ops::Alert& a : due) {
        if (!sender_.send_for(w.channels, a)) {
          log_.warn("alert_dropped",
                    {{"connection", connection_id}, {"alert", a.key()}, {"reason", "the alert queue is full"}});
        }
      }
    }
    std::string memory = w.rules ? ops::alert_memory_json(w.rules->remembered()) : "";
    for (auto& p : f.problems) p.message = redactor_.text(p.message);
    boost::json::object ops = ops::figures_json(f);
    ops::sample_history(w.history, ops, now);
    // Compared without the time they were gathered; serialized only when they are written.
    boost::json::object timeless = ops;
    timeless.erase("gathered_at");
    boost::json::object compared{{"ops", std::move(timeless)}, {"ops_history", w.history}};
    bool write_figures = kept_figures_due(w.kept, compared, now);
    std::string figures;
    if (write_figures) figures = boost::json::serialize(boost::json::object{{"ops", ops}, {"ops_history", w.history}});
    lock.unlock();
    if (write_figures || !due.empty()) {
      r.store->atomically([&] {
        if (write_figures) r.store->put_value(kFiguresKey, figures);
        if (!due.empty()) r.store->put_value(ops::kAlertMemoryKey, memory);
      });
    }
    if (write_figures) {
      lock.lock();
      it->second.kept = std::pair{std::move(compared), now};  // only once written
      lock.unlock();
    }
  } catch (const std::exception& e) {
    // The state could not be read or written now (the database away, the lease gone): the
    // engine meets it too and says so; the next evaluation tries again.
    if (lock.owns_lock()) lock.unlock();
    log_.warn("connection_not_watched", {{"connection", connection_id}, {"reason", e.what()}});
  }
  loop.call_after(every_, [this, &loop, connection_id, generation, current] {
    evaluate(loop, connection_id, generation, current);
  });
}

bool kept_figures_due(const std::optional<std::pair<boost::json::object, Instant>>& kept,
                      const boost::json::object& now_figures, Instant now) {
  return !kept || kept->first != now_figures || now - kept->second >= kKeptFiguresRefresh;
}

void WorkerWatch::drain(Duration per_target) {
  std::vector<ops::Alert> left = sender_.drain(per_target);
  if (!left.empty()) {
    log_.warn("alerts_not_sent", {{"count", static_cast<int64_t>(left.size())},
                                  {"why", "the worker stopped first; the worker that takes the connection over alerts "
                                          "again about what still holds after repeat_minutes"}});
  }
}

}  // namespace lpsync::fleet
