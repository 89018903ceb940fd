#include "tools/live/status_watch.h"

namespace lpsync::live {

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
  } else {
    facts.polls_expected = false;  // waiting for the app to be installed
  }
  facts.poll_failures = polls_.failures();
  facts.poll_failing_since = polls_.failing_since();
  ops::add_run(f, *report, facts);
  board_.publish(f);
  return board_.snapshot();
}

}  // namespace lpsync::live
