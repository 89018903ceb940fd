#include "tools/live/status_watch.h"

#include "tools/ops/alert_memory.h"

namespace lpsync::live {

ops::AlertChannels alert_channels(const AlertsSection& alerts, const std::string& connection, const std::string& ca_file) {
  ops::AlertChannels channels{connection, alerts.webhook_url, alerts.webhook_secret, std::nullopt, ca_file};
  if (alerts.smtp) {
    const SmtpSection& m = *alerts.smtp;
    channels.smtp = ops::SmtpOptions{m.host, m.port, m.from, m.to, m.user, m.password, ca_file};
  }
  return channels;
}

ops::AlertSender::Report log_alert_deliveries(Log& log) {
  return [&log](const std::string& event, const ops::Alert& a, const std::string& connection,
                const std::string& detail) {
    boost::json::object fields{{"connection", connection}, {"alert", a.key()}};
    fields[event == "alert_sent" ? "channel" : "reason"] = detail;
    if (event == "alert_sent") log.info(event, std::move(fields));
    else log.warn(event, std::move(fields));
  };
}

void StatusWatch::observe(const boost::json::object& line, Instant at) {
  const boost::json::value* d = line.if_contains("decision");
  if (d && (*d == "order_poll_failed" || *d == "order_poll_interrupted")) polls_.on_failure(at);
}

ops::OpsFigures StatusWatch::refresh(Engine* engine, const boost::json::object& status, const Settings& settings,
                                     Instant now) {
  ops::OpsFigures f;
  f.gathered_at = now;
  ops::add_state(f, status);
  ops::RunFacts facts{started_at_, settings.active && (settings.import_orders || settings.pushes_stock()), 0, {}};
  Report none;
  const Report* report = &none;
  if (engine) {
    report = &engine->report_as_of(now);
    polls_.on_polls(report->order_polls);
    problem_times_.update(report->problems, now);
  } else {
    facts.polls_expected = false;  // waiting for the app to be installed
  }
  facts.poll_failures = polls_.failures();
  facts.poll_failing_since = polls_.failing_since();
  facts.problem_times = &problem_times_;
  ops::add_run(f, *report, facts);
  board_.publish(f);
  ops::OpsFigures all = board_.snapshot();
  if (rules_ && sender_) {
    for (const ops::Alert& a : rules_->evaluate(all, now)) {
      alerted_ = true;
      if (!sender_->send(a)) log_->warn("alert_dropped", {{"alert", a.key()}, {"reason", "the alert queue is full"}});
    }
  }
  return all;
}

void StatusWatch::alert_with(const AlertsSection& alerts, const std::string& connection, const std::string& ca_file,
                             SystemClock& wall, Log& log, ops::RetryPolicy policy) {
  log_ = &log;
  rules_.emplace(ops::AlertThresholds{alerts.poll_failing_after, alerts.webhook_silent_after, alerts.repeat_after});
  sender_ = std::make_unique<ops::AlertSender>(alert_channels(alerts, connection, ca_file), policy, wall,
                                               log_alert_deliveries(log));
}

void StatusWatch::remember_alerts(const std::string& memory_json) {
  if (rules_) rules_->remember(ops::parse_alert_memory(memory_json));
}

std::optional<std::string> StatusWatch::alert_memory_to_keep() {
  if (!rules_ || !alerted_) return std::nullopt;
  alerted_ = false;
  return ops::alert_memory_json(rules_->remembered());
}

void StatusWatch::drain_alerts(Duration per_target) {
  if (!sender_) return;
  std::vector<ops::Alert> left = sender_->drain(per_target);
  for (const ops::Alert& a : left) rules_->forget(a.key());  // the next run alerts again
  if (!left.empty()) {
    alerted_ = true;
    log_->warn("alerts_not_sent", {{"count", static_cast<int64_t>(left.size())},
                                   {"why", "lpsync stopped first; the next run alerts again about what still holds"}});
  }
}

}  // namespace lpsync::live
