// What `lpsync run` keeps for the operator, on the engine's thread: it watches the trace for
// failed order polls, and every time the status is saved it gathers the figures (the state's
// status document and the engine's report, tools/ops/gather.h), leaves them on the board that
// the listener's /healthz and /metrics read, and writes the status file with them.
#pragma once

#include <boost/json.hpp>

#include <memory>
#include <optional>
#include <string>

#include "engine/core/engine.h"
#include "tools/live/config.h"
#include "tools/live/log.h"
#include "tools/ops/alert_rules.h"
#include "tools/ops/alert_sender.h"
#include "tools/ops/gather.h"
#include "tools/ops/ops_board.h"

namespace lpsync::live {

// The alert channels of a config's `alerts` section, naming `connection` in every alert.
ops::AlertChannels alert_channels(const AlertsSection& alerts, const std::string& connection, const std::string& ca_file);
// Logs each delivery of an alert sender (alert_sent as info, the rest as warnings).
ops::AlertSender::Report log_alert_deliveries(Log& log);

class StatusWatch {
 public:
  explicit StatusWatch(Instant started_at) : started_at_(started_at) {}

  ops::OpsBoard& board() { return board_; }
  // Sends alerts as the config says (`connection` names this connection in them); each
  // delivery is logged. `policy`: the retries (tests make them quick).
  void alert_with(const AlertsSection& alerts, const std::string& connection, const std::string& ca_file,
                  SystemClock& wall, Log& log, ops::RetryPolicy policy = {});
  const ops::AlertSender* alert_sender() const { return sender_.get(); }
  // The rules' memory from the state (ops/alert_memory.h), and what to keep of it there when
  // alerts were sent since it was last asked (nullopt: nothing new).
  void remember_alerts(const std::string& memory_json);
  std::optional<std::string> alert_memory_to_keep();
  // At a stop: sends what is queued, each target for at most `per_target`, and logs what
  // was not sent (alert_sender.h drain). Nothing without alerts.
  void drain_alerts(Duration per_target);
  // A trace line: order_poll_failed and order_poll_interrupted count as failed polls.
  void observe(const boost::json::object& line, Instant at);
  // Gathers the figures from the state's status document (report_text.h) and the engine
  // (null: none is running), publishes them on the board and returns them (with the
  // listener's webhook tally). Reads the engine's report as of `now` (the wall clock).
  ops::OpsFigures refresh(Engine* engine, const boost::json::object& status, const Settings& settings, Instant now);

 private:
  Instant started_at_;
  ops::PollWatch polls_;
  ops::ProblemTimes problem_times_;
  ops::OpsBoard board_;
  std::optional<ops::AlertRules> rules_;
  std::unique_ptr<ops::AlertSender> sender_;
  bool alerted_ = false;  // since alert_memory_to_keep()
  Log* log_ = nullptr;
};

}  // namespace lpsync::live
