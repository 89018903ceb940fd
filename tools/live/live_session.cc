#include "tools/live/live_session.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>

#include "engine/core/engine.h"
#include "engine/env/crypto.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/json.h"
#include "engine/state/store_errors.h"
#include "engine/webhooks/receiver.h"
#include "tools/live/app_install.h"
#include "tools/live/cassette.h"
#include "tools/live/connection_setup.h"
#include "tools/live/live_clock.h"
#include "tools/live/log.h"
#include "tools/live/plan_text.h"
#include "tools/live/recording_transport.h"
#include "tools/live/report_text.h"
#include "tools/live/state_snapshot.h"
#include "tools/live/stop_signals.h"
#include "tools/live/write_guard.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;
constexpr Duration kSaveEvery = Duration::minutes(1);
// How long an HTTP thread waits for the engine's thread to answer an install callback.
constexpr int kAnswerWaitSteps = 300;  // x 100 ms
constexpr size_t kWebhookBodyLimit = 256 * 1024;

std::string_view mode_name(SessionMode m) {
  switch (m) {
    case SessionMode::run: return "run";
    case SessionMode::once: return "once";
    case SessionMode::import_products: return "import-products";
    case SessionMode::plan: return "plan";
  }
  return "run";
}

uint64_t fresh_seed() { return std::stoull(system_random_hex(8), nullptr, 16); }

Response text_answer(int status, const std::string& text) {
  return Response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, text + "\n"};
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "http://127.0.0.1:0" -> "http://127.0.0.1:PORT" (see WebhooksSection::public_url).
std::string with_port(std::string url, int port) {
  if (size_t at = url.find(":0/"); at != std::string::npos) return url.replace(at, 3, ":" + std::to_string(port) + "/");
  if (ends_with(url, ":0")) return url.substr(0, url.size() - 1) + std::to_string(port);
  return url;
}

Connection without_secrets(Connection c) {
  c.lightspeed_key.clear();
  c.lightspeed_secret.clear();
  c.picqer_key.clear();
  c.webhook_token.clear();
  c.lightspeed_webhook_secret.clear();
  return c;
}

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
        trace_(false) {
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
  int finish(int code);
  void stop_recording(const std::string& why);

  bool start_listener();
  TransportResult on_request(const Request& r);          // HTTP server threads
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

  std::unique_ptr<SqliteStateStore> sqlite_;
  MemoryStateStore memory_;
  StateStore* store_ = nullptr;

  std::unique_ptr<CassetteWriter> cassette_;
  bool recording_ = false;
  std::unique_ptr<RecordingTransport> recorder_;
  std::unique_ptr<WriteGuard> guard_;
  Transport* transport_ = &http_;

  Settings settings_;
  std::unique_ptr<Engine> engine_;
  std::vector<bj::object> decisions_;
  std::string poll_interrupted_;  // why the last order poll stopped early, if it did
  int64_t last_progress_ = -1;

  std::unique_ptr<HttpServer> listener_;
  std::atomic<bool> stopping_ = false;
  std::mutex listener_mu_;
  std::string hook_secret_, webhook_token_, lightspeed_webhook_secret_;  // copies for the listener's threads
};

bool Session::open_store() {
  if (options_.mode == SessionMode::plan) {
    // A copy in memory: plan writes nothing, not even to the state.
    store_ = &memory_;
    if (!fs::exists(config_.state_path)) return true;
    SqliteOpenResult opened = SqliteStateStore::open(config_.state_path);
    if (!opened) {
      err_ << "lpsync plan: " << opened.error->message << "\n";
      return false;
    }
    copy_state(*opened.store, memory_);
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
  {
    std::lock_guard lock(listener_mu_);
    webhook_token_ = c.webhook_token;
    lightspeed_webhook_secret_ = c.lightspeed_webhook_secret;
  }
  uint64_t seed = fresh_seed();
  if (cassette_ && recording_) {
    CassetteHeader h;
    h.start = wall_.now();
    h.seed = seed;
    h.mode = std::string(mode_name(options_.mode));
    h.connection = without_secrets(c);
    h.settings = s;
    h.redact_personal = options_.redact_personal;
    h.state = state_snapshot(*store_);
    cassette_->header(h);
    clock_.record_readings([this](Instant t) { cassette_->reading(t); });
  }
  auto make_secret = [this] {
    // The listener learns the secret now, before the hook that uses it exists: Picqer may
    // deliver as soon as the hook is created, before this engine callback has returned.
    std::string secret = system_random_hex(16);
    redactor_.add_secret("picqer-hook-secret", secret);
    std::lock_guard lock(listener_mu_);
    hook_secret_ = secret;
    return secret;
  };
  EngineEnv env{clock_, *transport_, *store_, trace_, seed, {}, make_secret};
  engine_ = std::make_unique<Engine>(std::move(env), c, s);
  engine_->start();
}

bool Session::prepare() {
  trace_.observe([this](const bj::object& line) {
    if (options_.mode != SessionMode::import_products || !options_.progress_bar || !line.contains("decision")) {
      log_.trace_line(line);
    }
    if (!line.contains("decision")) return;
    if ((line.at("decision") == "order_poll_interrupted" || line.at("decision") == "order_poll_failed") &&
        line.contains("reason")) {
      poll_interrupted_ = std::string(line.at("reason").as_string());
    }
    if (cassette_ && recording_) cassette_->decision(line);
    if (options_.mode == SessionMode::plan) decisions_.push_back(line);
  });
  bool webhooks = options_.mode == SessionMode::run && config_.webhooks.has_value();
  if (webhooks && !start_listener()) return false;
  ConnectionSetup setup = connection_for(config_, *store_, webhooks, redactor_, options_.mode != SessionMode::plan);
  if (!setup.connection) {
    if (options_.mode == SessionMode::run && webhooks) {
      log_.info("waiting_for_install", {{"install_url", with_port(config_.webhooks->public_url, listener_->port()) +
                                                            "/lightspeed/install"}});
      return true;
    }
    err_ << "lpsync " << mode_name(options_.mode) << ": " << setup.why_not << "\n";
    return false;
  }
  Connection c = *setup.connection;
  if (listener_) c.webhook_url = with_port(c.webhook_url, listener_->port());

  Settings s = config_.settings;
  if (options_.mode == SessionMode::plan) s.active = true;  // what activating would do
  if (!options_.record_path.empty()) {
    cassette_ = std::make_unique<CassetteWriter>(options_.record_path, redactor_);
    if (!cassette_->ok()) {
      err_ << "lpsync: cannot write the cassette " << options_.record_path << "\n";
      return false;
    }
    recording_ = true;
    recorder_ = std::make_unique<RecordingTransport>(http_, *cassette_, wall_);
    transport_ = recorder_.get();
  }
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
  std::lock_guard lock(listener_mu_);
  hook_secret_ = secret;
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
      break;
  }
}

void Session::save_status() {
  if (!sqlite_) return;
  bj::object doc = status_document(*store_);
  doc["written_at"] = format_iso8601(wall_.now());
  doc["pid"] = static_cast<int64_t>(::getpid());
  if (engine_) {
    const Report& r = engine_->core().report;
    doc["this_run"] = bj::object{{"orders_imported", static_cast<int64_t>(r.imported.size())},
                                 {"stock_pushes", r.stock_pushes},
                                 {"shipments_pushed", r.shipments_pushed},
                                 {"problems", static_cast<int64_t>(r.problems.size())}};
  }
  std::string path = config_.state_path + ".status.json", tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << json::serialize(doc) << "\n";
    if (!f) return;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
}

void Session::save_periodically() {
  save_status();
  wall_.call_after(kSaveEvery, [this] { save_periodically(); });
}

void Session::stop_recording(const std::string& why) {
  if (!cassette_ || !recording_) return;
  clock_.record_readings(nullptr);
  cassette_->end(clock_.callbacks());
  recording_ = false;
  log_.info("recording_ended", {{"cassette", cassette_->path()}, {"why", why}});
}

bool Session::start_listener() {
  HttpServerOptions o;
  o.host = config_.webhooks->listen_host;
  o.port = config_.webhooks->listen_port;
  o.concurrent = true;  // on_request is thread-safe, and an install callback waits for the engine's thread
  // Webhook payloads are hints of a few KB: a larger body is refused (413) before it is read
  // and before its signature is checked. The app callbacks are GETs without a body.
  o.body_limit = [](const std::string&, const std::string& path) -> size_t {
    return path.find("/webhooks/") != std::string::npos ? kWebhookBodyLimit : 0;
  };
  o.error_body = [](const std::string&, const std::string&, int status, const std::string& message) {
    return text_answer(status, message);
  };
  listener_ = std::make_unique<HttpServer>([this](const Request& r) { return on_request(r); }, o);
  if (!listener_->ok()) {
    err_ << "lpsync run: webhooks.listen " << o.host << ":" << o.port << ": " << listener_->error() << "\n";
    return false;
  }
  log_.info("listening", {{"address", o.host + ":" + std::to_string(listener_->port())},
                          {"public_url", with_port(config_.webhooks->public_url, listener_->port())}});
  return true;
}

TransportResult Session::on_request(const Request& r) {
  auto url = parse_url(r.url);
  std::string path = url ? url->path : "";
  bool install = ends_with(path, "/lightspeed/install"), uninstall = ends_with(path, "/lightspeed/uninstall");
  if (install || uninstall) {
    if (config_.lightspeed.auth != LightspeedAuth::app) {
      return text_answer(404, "this connection logs in to Lightspeed with an API key (lightspeed.auth api_key): there "
                              "is no app to install");
    }
    if (r.method != "GET") return text_answer(405, "the App Store calls this address with GET");
    auto answer = std::make_shared<std::promise<TransportResult>>();
    std::future<TransportResult> done = answer->get_future();
    wall_.post([this, r, install, answer] { answer->set_value(app_callback(r, install)); });
    for (int step = 0; done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready; ++step) {
      if (stopping_ || step >= kAnswerWaitSteps) return text_answer(503, "lpsync is busy or stopping: try again soon");
    }
    return done.get();
  }
  if (path.find("/webhooks/") != std::string::npos) {
    // Answered at once on this thread (a sender must never wait for the engine, which may
    // itself be waiting for that sender's API); the work goes to the engine's thread.
    WebhookTargets check;
    {
      std::lock_guard lock(listener_mu_);
      check.picqer_secret = [secret = hook_secret_] { return secret; };
      check.lightspeed_token = webhook_token_;
      check.lightspeed_signing_secret = lightspeed_webhook_secret_;
    }
    TransportResult verdict = receive_webhook(r, check);
    if (verdict.ok() && verdict.response().status == 200 && !stopping_) {
      clock_.post([this, r] { deliver_webhook(r); });
    } else if (verdict.ok()) {
      log_.warn("webhook_refused", {{"path", redactor_.url(path)}, {"status", verdict.response().status}});
    }
    return verdict;
  }
  return text_answer(404, "nothing here: lpsync receives webhooks under /webhooks/ and the app callbacks at "
                          "/lightspeed/install and /lightspeed/uninstall");
}

void Session::deliver_webhook(const Request& r) {
  if (!engine_) return;
  std::string signature = "missing";
  if (auto header = r.headers.get("X-Picqer-Signature")) {
    std::string secret = store_->value("picqer.hook_secret").value_or("");
    signature = !secret.empty() && constant_time_equals(picqer_signature(r.body, secret), *header) ? "valid" : "invalid";
  }
  TransportResult result = engine_->receive_webhook(r);
  if (cassette_ && recording_) {
    cassette_->inbound(r, clock_.callbacks(), signature, result.ok() ? result.response().status : 0);
  }
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
      c.webhook_url = with_port(c.webhook_url, listener_->port());
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
  stopping_ = true;
  if (listener_) listener_->stop();
  if (engine_) engine_->stop();
  stop_recording("the run ended");
  http_.disconnect();
  if (cassette_ && !cassette_->ok()) {
    err_ << "lpsync: could not write the cassette " << cassette_->path()
         << " (the disk may be full): it is incomplete and cannot be replayed. Free space or choose another "
            "path, and record again.\n";
    code = kExitFailed;
  }
  if (code != kExitOk) return code;
  if (options_.mode == SessionMode::import_products) show_progress(true);
  if (!engine_) {
    log_.info("stopped", {});
    return code;
  }
  const Report& report = engine_->report();
  if (sqlite_) {
    store_->put_value(kLastRunKey, json::serialize(usage_json(report, wall_.now())));
    save_status();
  }
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
  if (options_.mode == SessionMode::plan) {
    PlanFacts facts{decisions_, report, guard_->writes(), guard_->reads_sent(), config_.settings,
                    config_.settings.active};
    out_ << plan_text(facts, redactor_) << redactor_.text(unfinished);
  } else {
    out_ << report_text(report) << redactor_.text(unfinished);
    if (!settings_.active) {
      out_ << "The connection is not active (settings.active is false): nothing was written. "
              "`lpsync plan` shows what it would do; then set \"active\": true in the config.\n";
    }
  }
  log_.info("stopped", {});
  return code;
}

int Session::run() {
  // First: a signal that comes while starting up stops the run cleanly too.
  StopSignals signals([this] {
    log_.info("stopping", {{"why", "SIGINT or SIGTERM: finishing the request in flight"}});
    wall_.stop();
  });
  if (!open_store()) return kExitUsage;
  if (!prepare()) return finish(kExitUsage);
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

}  // namespace

int run_session(const LiveConfig& config, const SessionOptions& options, std::ostream& out, std::ostream& err) {
  Session session(config, options, out, err);
  return session.run();
}

}  // namespace lpsync::live
