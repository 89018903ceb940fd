// The session behind tools/live/live_session.h: one engine on the wall clock with what its
// mode adds (the listener, the recorder, the write guard of plan, the status file, the
// progress bar of import-products). Internal to the live commands; run_session() runs one.
#pragma once

#include <boost/json.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/core/engine.h"
#include "engine/env/clock.h"
#include "engine/env/httplib_transport.h"
#include "engine/state/sqlite_state_store.h"
#include "engine/state/state_store.h"
#include "engine/trace/trace.h"
#include "tools/live/command_box.h"
#include "tools/live/command_runner.h"
#include "tools/live/config.h"
#include "tools/live/listener.h"
#include "engine/env/live_clock.h"
#include "tools/live/live_session.h"
#include "tools/live/log.h"
#include "tools/live/recorder.h"
#include "tools/live/redactor.h"
#include "tools/live/status_watch.h"
#include "tools/live/write_guard.h"

namespace lpsync::live {

class Session {
 public:
  Session(const LiveConfig& config, const SessionOptions& options, std::ostream& out, std::ostream& err)
      : config_(config),
        options_(options),
        out_(out),
        err_(err),
        redactor_(options.redact_personal),
        log_(err, options.human_log, wall_, redactor_),
        clock_(wall_),
        http_(HttplibOptions{config.ca_file}),
        trace_(false),
        watch_(wall_.now()) {
    log_.set_verbose(options.verbose);
    for (const auto& [name, value] : config.secrets()) redactor_.add_secret(name, value);
  }

  int run();

 private:
  bool open_store();
  bool prepare();
  void start_engine(const Connection& c, const Settings& s);
  void after_callback();
  void check_quiet();
  void show_progress(bool final_line);
  void refresh_listener_secrets();
  void save_periodically();
  void save_status();
  void refresh_ops();
  int finish(int code);
  void stop_recording(const std::string& why);
  bool start_recording();
  void print_report(const Report& report, const std::string& unfinished);
  int finish_import_order(int code);
  void finish_alerts();  // sends what is queued (bounded) and keeps the rules' memory

  // The console's commands (command_box.h), taken every second in run mode.
  void take_commands();
  void carry_out(const BoxCommand& command);
  CommandTarget command_target();

  bool start_listener();
  TransportResult app_callback(const Request& r, bool install);  // the clock's thread
  void deliver_webhook(const Request& r);                // an engine callback

  const LiveConfig& config_;
  SessionOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  Redactor redactor_;
  SystemClock wall_;
  Log log_;
  LiveClock clock_;
  HttplibTransport http_;
  Trace trace_;
  StatusWatch watch_;  // the operator's figures: /healthz, /metrics, the status file
  Instant last_ops_refresh_;
  bool ops_stale_ = false;  // engine work since the status file was last written

  std::unique_ptr<SqliteStateStore> sqlite_;
  MemoryStateStore memory_;
  StateStore* store_ = nullptr;

  std::unique_ptr<Recorder> recorder_;
  std::unique_ptr<WriteGuard> guard_;
  Transport* transport_ = &http_;

  Settings settings_;
  std::unique_ptr<Engine> engine_;
  std::vector<boost::json::object> decisions_;
  std::string poll_interrupted_;  // why the last order poll stopped early, if it did
  std::optional<ByHandAnswer> answer_;  // import-order: the engine's answer
  int64_t last_progress_ = -1;

  std::unique_ptr<Listener> listener_;
  std::unique_ptr<CommandBox> commands_;
  boost::json::array ops_history_;       // samples of the APIs' counts for the console's charts
};

}  // namespace lpsync::live
