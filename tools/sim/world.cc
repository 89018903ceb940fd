#include "tools/sim/world.h"

namespace lpsync::sim {
namespace {

constexpr char kLightspeedOrigin[] = "http://lightspeed.test";
constexpr char kPicqerOrigin[] = "http://picqer.test";
constexpr char kEngineOrigin[] = "http://engine.test";

}  // namespace

World::World(WorldConfig config)
    : config_(std::move(config)),
      clock_(config_.start),
      trace_(config_.keep_trace),
      settings_(config_.settings),
      open_store_(config_.open_store),
      store_(config_.store ? config_.store : &own_store_) {
  if (open_store_) {
    opened_store_ = open_store_();
    store_ = opened_store_.get();
  }
  trace_.write_to(config_.trace_out);
  std::string lightspeed_origin = kLightspeedOrigin, picqer_origin = kPicqerOrigin, engine_origin = kEngineOrigin;
  if (config_.over_http) {
    http_ = std::make_unique<HttplibTransport>();
    transport_ = http_.get();
    fakes::FakeServersOptions options;
    options.api_error_bodies = false;  // the plain-text errors the corpus was recorded with
    fake_servers_ = std::make_unique<fakes::FakeServers>(world_mutex_, options);
    // The engine's receiver runs while the main thread waits in a send: no lock needed.
    engine_server_ = std::make_unique<HttpServer>([this](const Request& r) { return to_engine(r); });
    lightspeed_origin = fake_servers_->lightspeed_url();
    picqer_origin = fake_servers_->picqer_url();
    engine_origin = engine_server_->base_url();
  } else {
    transport_ = &direct_;
    direct_.route(kLightspeedOrigin, [this](const Request& r) { return fakes_->lightspeed().handle(r); });
    direct_.route(kPicqerOrigin, [this](const Request& r) { return fakes_->picqer().handle(r); });
    direct_.route(kEngineOrigin, [this](const Request& r) { return to_engine(r); });
  }
  injector_ = std::make_unique<CrashInjector>(*transport_);
  fakes::FakePairConfig fakes_config{config_.seed, config_.lightspeed, config_.picqer};
  fakes_config.lightspeed.origin = lightspeed_origin;
  fakes_config.picqer.origin = picqer_origin;
  if (config_.lean_fakes) {
    fakes_config.lightspeed.journal = false;
    fakes_config.picqer.journal = false;
    fakes_config.picqer.keep_image_bytes = false;
  }
  fakes_ = std::make_unique<fakes::FakePair>(clock_, *transport_, fakes_config);
  if (fake_servers_) fake_servers_->serve(*fakes_);

  connection_ = fakes::connection_to_fakes(fakes_config, lightspeed_origin, picqer_origin);
  if (!config_.engine_lightspeed_key.empty()) connection_.lightspeed_key = config_.engine_lightspeed_key;
  if (!config_.engine_picqer_key.empty()) connection_.picqer_key = config_.engine_picqer_key;
  connection_.lightspeed_webhook_secret = config_.lightspeed.secret;
  connection_.webhook_url = engine_origin;
  connection_.webhook_token = "sim-webhook-token";
}

World::~World() {
  engine_.reset();
  if (http_) http_->disconnect();
  if (fake_servers_) fake_servers_->stop();
  if (engine_server_) engine_server_->stop();
}

TransportResult World::to_engine(const Request& r) {
  if (!engine_) return TransportError{TransportErrorKind::refused, "the engine is not running"};
  return engine_->receive_webhook(r);
}

void World::start_engine() {
  EngineEnv env{clock_, *injector_, *store_, trace_, config_.seed, config_.tuning, nullptr};
  engine_ = std::make_unique<Engine>(std::move(env), connection_, settings_);
  engine_->start();
}

void World::open_store_with(std::function<std::unique_ptr<StateStore>()> open) {
  open_store_ = std::move(open);
  opened_store_.reset();
  opened_store_ = open_store_();
  store_ = opened_store_.get();
}

void World::stop_process() {
  engine_.reset();
  if (open_store_) {
    // The old connection (and its lock) goes first, as when a process dies.
    store_ = &own_store_;
    opened_store_.reset();
    opened_store_ = open_store_();
    store_ = opened_store_.get();
  }
}

void World::crash() {
  if (restart_) return;  // a process that is down cannot crash
  stop_process();
  ++crashes_;
  start_engine();
}

void World::down(Duration d) {
  if (engine_) stop_process();
  Instant until = clock_.now() + d;
  if (restart_) {
    if (restart_->first >= until) return;
    clock_.cancel(restart_->second);
  }
  TimerId id = clock_.call_at(until, [this] {
    restart_.reset();
    start_engine();
  });
  restart_ = {until, id};
}

void World::injected_crash(const SimulatedCrash& crash) {
  trace_.decision(clock_.now(), "simulated_crash",
                  {{"request", crash.request}, {"moment", to_string(crash.moment)}});
  this->crash();
}

void World::run_until(Instant t) {
  Instant next;
  while (clock_.next_deadline(next) && next <= t) {
    try {
      clock_.run_next();
    } catch (const SimulatedCrash& crash) {
      injected_crash(crash);
      continue;
    } catch (const StateStoreError& e) {
      // Live, the process stops with this message and its supervisor starts it again.
      trace_.decision(clock_.now(), "engine_stopped", {{"reason", e.what()}});
      ++store_failures_;
      this->crash();
      continue;
    }
    if (injector_->crash_due()) injected_crash(injector_->take_due());
  }
  clock_.run_until(t);
}

void World::change_settings(const Settings& s) {
  settings_ = s;
  if (engine_) engine_->change_settings(s);
}

void World::activate() {
  settings_.active = true;
  if (engine_) engine_->activate();
}

std::string World::import_order(const std::string& number) {
  if (!engine_) return "the engine is not running";
  engine_->import_order(number);
  return "";
}

std::string World::import_products() {
  if (!engine_) return "the engine is not running";
  merchant_acting_ = true;
  std::string why;
  try {
    why = engine_->import_products();
  } catch (...) {
    merchant_acting_ = false;
    throw;
  }
  merchant_acting_ = false;
  return why;
}

}  // namespace lpsync::sim
