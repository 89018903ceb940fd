#include "tools/live/live_session.h"

#include <filesystem>

#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "engine/state/store_errors.h"
#include "tools/live/app_install.h"
#include "tools/live/attention_text.h"
#include "tools/live/connection_setup.h"
#include "tools/live/console_settings.h"
#include "tools/live/plan_text.h"
#include "tools/live/report_text.h"
#include "tools/live/session.h"
#include "tools/live/state_snapshot.h"
#include "tools/live/status_file.h"
#include "tools/live/stop_signals.h"
#include "tools/ops/alert_memory.h"
#include "tools/ops/figures_json.h"
#include "tools/ops/health.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;
constexpr Duration kSaveEvery = Duration::seconds(30);
// After an engine callback, the figures of /metrics and /healthz (and the status file) are
// gathered again when they are older than this (they read the state: not after every callback).
constexpr Duration kOpsRefreshEvery = Duration::seconds(2);

std::string_view mode_name(SessionMode m) {
  switch (m) {
    case SessionMode::run: return "run";
    case SessionMode::once: return "once";
    case SessionMode::import_products: return "import-products";
    case SessionMode::plan: return "plan";
    case SessionMode::import_order: return "import-order";
  }
  return "run";
}

// At a stop, each alert target (webhook URL, mail server) gets this long to take what is queued.
constexpr Duration kAlertDrainPerTarget = Duration::seconds(10);

// The alert rules' memory into the state when alerts went out since it was last kept.
void keep_alert_memory(StatusWatch& watch, StateStore& store) {
  if (auto memory = watch.alert_memory_to_keep()) store.put_value(ops::kAlertMemoryKey, *memory);
}

uint64_t fresh_seed() { return std::stoull(system_random_hex(8), nullptr, 16); }

}  // namespace

bool Session::open_store() {
  if (options_.mode == SessionMode::plan) {
    // A copy in memory: plan writes nothing, not even to the state.
    store_ = &memory_;
    if (!fs::exists(config_.state_path)) return true;
    auto opened = SqliteStateStore::open(config_.state_path);
    if (!opened) {
      err_ << "lpsync plan: " << opened.error().message << "\n";
      return false;
    }
    copy_state(*opened.value().store, memory_);
    return true;
  }
  std::string error, note;
  sqlite_ = open_state(config_, error, note);
  if (!sqlite_) {
    err_ << "lpsync: " << error << "\n";
    return false;
  }
  if (!note.empty()) err_ << "lpsync: " << note << "\n";
  store_ = sqlite_.get();
  return true;
}

void Session::start_engine(const Connection& c, const Settings& s) {
  settings_ = s;
  if (listener_) listener_->set_engine_secrets(c.webhook_token, c.lightspeed_webhook_secret);
  uint64_t seed = fresh_seed();
  if (recorder_) {
    recorder_->begin(RecordedStart{seed, std::string(mode_name(options_.mode)), c, s, wall_.now()}, *store_, clock_);
  }
  auto make_secret = [this] {
    // The listener learns the secret now, before the hook that uses it exists: Picqer may
    // deliver as soon as the hook is created, before this engine callback has returned.
    std::string secret = system_random_hex(16);
    redactor_.add_secret("picqer-hook-secret", secret);
    if (listener_) listener_->set_hook_secret(secret);
    return secret;
  };
  EngineEnv env{clock_, *transport_, *store_, trace_, seed, {}, make_secret};
  env.decision_retention.keep = Duration::days(config_.decision_log_days);
  engine_ = std::make_unique<Engine>(std::move(env), c, s);
  // import-order runs its one request and nothing else: no poll, no webhooks, no stock.
  if (options_.mode != SessionMode::import_order) engine_->start();
}

bool Session::prepare() {
  trace_.observe([this](const bj::object& line) {
    if (options_.mode != SessionMode::import_products || !options_.progress_bar || !line.contains("decision")) {
      log_.trace_line(line);
    }
    if (!line.contains("decision")) return;
    watch_.observe(line, wall_.now());
    if ((line.at("decision") == "order_poll_interrupted" || line.at("decision") == "order_poll_failed") &&
        line.contains("reason")) {
      poll_interrupted_ = std::string(line.at("reason").as_string());
    }
    if (recorder_) recorder_->decision(line);
    if (options_.mode == SessionMode::plan) decisions_.push_back(line);
  });
  // lpsync run alerts as it goes; --once after its pass (the rules run when the status is saved).
  bool alerts = options_.mode == SessionMode::run || options_.mode == SessionMode::once;
  if (alerts && config_.alerts && sqlite_) {
    watch_.alert_with(*config_.alerts, fs::path(config_.file).stem().string(), config_.ca_file, wall_, log_);
    if (auto memory = store_->value(ops::kAlertMemoryKey)) watch_.remember_alerts(*memory);
  }
  bool webhooks = options_.mode == SessionMode::run && config_.webhooks.has_value();
  if (webhooks && !start_listener()) return false;
  ConnectionSetup setup = connection_for(config_, *store_, webhooks, redactor_, options_.mode != SessionMode::plan);
  if (!setup.connection) {
    if (options_.mode == SessionMode::run && webhooks) {
      log_.info("waiting_for_install",
                {{"install_url", listener_->public_address(config_.webhooks->public_url) + "/lightspeed/install"}});
      return true;
    }
    err_ << "lpsync " << mode_name(options_.mode) << ": " << setup.why_not << "\n";
    return false;
  }
  Connection c = *setup.connection;
  if (listener_) c.webhook_url = listener_->public_address(c.webhook_url);

  Settings s = effective_settings(config_, *store_);  // the console's, when it changed them
  if (options_.mode == SessionMode::plan) s.active = true;  // what activating would do
  if (!options_.record_path.empty() && !start_recording()) return false;
  if (options_.mode == SessionMode::plan) {
    guard_ = std::make_unique<WriteGuard>(*transport_, c.lightspeed_api_base(), c.picqer_api_base());
    transport_ = guard_.get();
  }
  log_.info("starting", {{"mode", mode_name(options_.mode)},
                         {"lightspeed", c.lightspeed_api_base()},
                         {"picqer", c.picqer_api_base()},
                         {"state", options_.mode == SessionMode::plan ? "a copy in memory" : config_.state_path}});
  start_engine(c, s);
  return true;
}

void Session::check_quiet() {
  std::optional<Instant> next = clock_.next_deadline();
  if (!next || *next > wall_.now() + options_.once_horizon) wall_.stop();
}

void Session::show_progress(bool final_line) {
  if (!options_.progress_bar) return;
  BulkImport b = store_->bulk_import();
  if (b.done == last_progress_ && !final_line) return;
  last_progress_ = b.done;
  constexpr int kWidth = 30;
  int filled = b.total > 0 ? static_cast<int>(kWidth * std::min(b.done, b.total) / b.total) : 0;
  out_ << "\rImporting products [" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] " << b.done
       << "/" << b.total << " variants" << (final_line ? "\n" : "") << std::flush;
}

void Session::refresh_listener_secrets() {
  std::string secret = store_->value("picqer.hook_secret").value_or("");
  if (!secret.empty()) redactor_.add_secret("picqer-hook-secret", secret);
  if (listener_) listener_->set_hook_secret(secret);
}

void Session::after_callback() {
  switch (options_.mode) {
    case SessionMode::once:
    case SessionMode::plan:
      check_quiet();
      break;
    case SessionMode::import_products: {
      show_progress(false);
      BulkImport b = store_->bulk_import();
      if (!b.running) wall_.stop();
      break;
    }
    case SessionMode::run:
      refresh_listener_secrets();
      refresh_ops();
      break;
    case SessionMode::import_order:
      break;  // the answer stops the clock
  }
}

void Session::save_status() {
  if (!sqlite_) return;
  Instant now = wall_.now();
  bj::object doc = status_document(*store_);
  ops::OpsFigures figures = watch_.refresh(engine_.get(), doc, settings_, now);
  for (auto& p : figures.problems) p.message = redactor_.text(p.message);  // the status file is read by the console
  doc["ops"] = ops::figures_json(figures);
  keep_alert_memory(watch_, *store_);
  last_ops_refresh_ = now;
  ops_stale_ = false;
  ops::sample_history(ops_history_, doc["ops"].as_object(), now);  // the console's charts
  doc["ops_history"] = ops_history_;
  write_status_file(config_.state_path, std::move(doc), engine_ ? &engine_->report_as_is() : nullptr, now);
}

void Session::refresh_ops() {
  // After engine work: written now, or by the next command tick once kOpsRefreshEvery is over.
  ops_stale_ = true;
  if (wall_.now() - last_ops_refresh_ >= kOpsRefreshEvery) save_status();
}

void Session::save_periodically() {
  save_status();
  wall_.call_after(kSaveEvery, [this] { save_periodically(); });
}

bool Session::start_recording() {
  recorder_ = std::make_unique<Recorder>(options_.record_path, redactor_, options_.redact_personal, http_, wall_);
  if (!recorder_->ok()) {
    err_ << "lpsync: cannot write the cassette " << options_.record_path << "\n";
    return false;
  }
  transport_ = &recorder_->transport();
  return true;
}

void Session::stop_recording(const std::string& why) {
  if (recorder_) recorder_->end(clock_, why, log_);
}

bool Session::start_listener() {
  ListenerCalls calls{[this](const Request& r, bool install) { return app_callback(r, install); },
                      [this](const Request& r) { deliver_webhook(r); }};
  listener_ = std::make_unique<Listener>(config_, wall_, clock_, log_, redactor_, std::move(calls));
  listener_->serve_ops(&watch_.board(), ops::default_max_poll_age(config_.settings.poll_interval));
  return listener_->start(err_);
}

void Session::deliver_webhook(const Request& r) {
  if (!engine_) return;
  std::string signature = "missing";
  if (auto header = r.headers.get("X-Picqer-Signature")) {
    std::string secret = store_->value("picqer.hook_secret").value_or("");
    signature = !secret.empty() && constant_time_equals(picqer_signature(r.body, secret), *header) ? "valid" : "invalid";
  }
  TransportResult result = engine_->receive_webhook(r);
  if (recorder_) recorder_->inbound(r, clock_.callbacks(), signature, result.ok() ? result.value().status : 0);
}

TransportResult Session::app_callback(const Request& r, bool install) {
  auto url = parse_url(r.url);
  QueryParams q = parse_query(url ? url->query : "");
  AppCallbacks callbacks(*store_, config_.lightspeed.secret, config_.lightspeed.shop_id);
  CallbackVerdict v = install ? callbacks.install(q, wall_.now()) : callbacks.uninstall(q, wall_.now());
  if (!v.accepted) {
    log_.warn("app_callback_refused", {{"callback", install ? "install" : "uninstall"},
                                       {"status", v.status},
                                       {"reason", v.message}});
    return text_answer(v.status, v.message);
  }
  stop_recording(install ? "the app was installed again" : "the app was uninstalled");
  if (engine_) {
    engine_->stop();
    engine_.reset();
  }
  if (install) {
    auto installed = stored_installation(*store_);
    log_.info("app_installed", {{"shop_id", installed ? installed->shop_id : 0}, {"active", false}});
    ConnectionSetup setup = connection_for(config_, *store_, true, redactor_);
    if (setup.connection) {
      Connection c = *setup.connection;
      c.webhook_url = listener_->public_address(c.webhook_url);
      // Section 9: a new connection starts inactive, with the default settings.
      start_engine(c, Settings{});
    }
  } else {
    log_.info("app_uninstalled", {});
  }
  save_status();
  return text_answer(v.status, v.message);
}

int Session::finish(int code) {
  if (listener_) listener_->stop();
  if (engine_) engine_->stop();
  stop_recording("the run ended");
  http_.disconnect();
  if (recorder_ && !recorder_->ok()) {
    err_ << "lpsync: could not write the cassette " << recorder_->path()
         << " (the disk may be full): it is incomplete and cannot be replayed. Free space or choose another "
            "path, and record again.\n";
    code = kExitFailed;
  }
  if (code != kExitOk || !engine_) finish_alerts();
  if (code != kExitOk) return code;
  if (options_.mode == SessionMode::import_products) show_progress(true);
  if (!engine_) {
    log_.info("stopped", {});
    return code;
  }
  const Report& report = engine_->report();
  if (sqlite_) {
    store_->put_value(kLastRunKey, json::serialize(usage_json(report, wall_.now())));
    save_status();  // --once: the alert rules' one evaluation
  }
  finish_alerts();
  if (options_.mode == SessionMode::import_order) return finish_import_order(code);
  // A run that could not poll the orders once did not do its main job: say so, and (once,
  // plan) fail, so a cron job or a script notices.
  bool polls = settings_.active && (settings_.import_orders || settings_.pushes_stock());
  std::string unfinished;
  if (polls && report.order_polls == 0) {
    unfinished = "The order poll did not finish in this run" +
                 (poll_interrupted_.empty() ? std::string(" (the log says why)") : ": " + poll_interrupted_) +
                 ". Nothing is lost: the next run polls again.\n";
    if (options_.mode == SessionMode::once || options_.mode == SessionMode::plan) code = kExitFailed;
  }
  print_report(report, unfinished);
  log_.info("stopped", {});
  return code;
}

void Session::finish_alerts() {
  watch_.drain_alerts(kAlertDrainPerTarget);
  if (sqlite_) keep_alert_memory(watch_, *store_);
}

int Session::finish_import_order(int code) {
  log_.info("stopped", {});
  if (!answer_) {
    err_ << "lpsync import-order: stopped before the answer for order " << options_.order_number
         << " (the log says why); nothing is lost: ask again\n";
    return kExitFailed;
  }
  out_ << redactor_.text(by_hand_text(*answer_, settings_));
  if (settings_.read_only && answer_->result == ByHandResult::imported) {
    out_ << "read_only is on: the order went to Picqer only; nothing was written to the shop.\n";
  }
  bool imported = answer_->result == ByHandResult::imported || answer_->result == ByHandResult::already_imported;
  return imported ? code : kExitFailed;
}

void Session::print_report(const Report& report, const std::string& unfinished) {
  if (options_.mode == SessionMode::plan) {
    PlanFacts facts{decisions_, report, guard_->writes(), guard_->reads_sent(), config_.settings,
                    config_.settings.active, wall_.now()};
    out_ << plan_text(facts, redactor_) << redactor_.text(unfinished);
    return;
  }
  out_ << report_text(report, wall_.now()) << redactor_.text(unfinished);
  if (!settings_.active) {
    out_ << "The connection is not active (settings.active is false): nothing was written. "
            "`lpsync plan` shows what it would do; then set \"active\": true in the config.\n";
  }
}

int Session::run() {
  // First: a signal that comes while starting up stops the run cleanly too.
  StopSignals signals([this] {
    log_.info("stopping", {{"why", "SIGINT or SIGTERM: finishing the request in flight"}});
    wall_.stop();
  });
  if (!open_store()) return kExitUsage;
  if (!prepare()) return finish(kExitUsage);
  if (options_.mode == SessionMode::import_order) {
    engine_->import_order(options_.order_number, [this](const ByHandAnswer& a) {
      answer_ = a;
      wall_.stop();
    });
  }
  if (options_.mode == SessionMode::import_products) {
    std::string why = engine_->import_products();
    if (!why.empty()) {
      err_ << "lpsync import-products: " << why << "\n";
      return finish(kExitUsage);
    }
  }
  clock_.after_each_callback([this] { after_callback(); });
  if (options_.mode == SessionMode::once || options_.mode == SessionMode::plan) wall_.post([this] { check_quiet(); });
  if (options_.mode == SessionMode::run) {
    refresh_listener_secrets();
    save_periodically();
    commands_ = std::make_unique<CommandBox>(config_.state_path);
    take_commands();
  }
  int code = kExitOk;
  try {
    wall_.run();
  } catch (const StateStoreError& e) {
    log_.error("engine_stopped", {{"reason", e.what()}});
    err_ << "lpsync: " << e.what() << "\n";
    code = kExitFailed;
  } catch (const std::exception& e) {
    log_.error("engine_stopped", {{"reason", e.what()}});
    err_ << "lpsync: stopped on an unexpected error (please report it): " << redactor_.text(e.what()) << "\n";
    code = kExitFailed;
  }
  return finish(code);
}

int run_session(const LiveConfig& config, const SessionOptions& options, std::ostream& out, std::ostream& err) {
  Session session(config, options, out, err);
  return session.run();
}

}  // namespace lpsync::live
