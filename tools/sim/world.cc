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
      store_(config_.store ? config_.store : &own_store_) {
  trace_.write_to(config_.trace_out);
  std::string lightspeed_origin = kLightspeedOrigin, picqer_origin = kPicqerOrigin, engine_origin = kEngineOrigin;
  if (config_.over_http) {
    http_ = std::make_unique<HttplibTransport>();
    transport_ = http_.get();
    HttpServerOptions options;
    options.serialize = &world_mutex_;
    lightspeed_server_ = std::make_unique<HttpServer>([this](const Request& r) { return lightspeed_->handle(r); }, options);
    picqer_server_ = std::make_unique<HttpServer>([this](const Request& r) { return picqer_->handle(r); }, options);
    // The engine's receiver runs while the main thread waits in a send: no lock needed.
    engine_server_ = std::make_unique<HttpServer>([this](const Request& r) { return to_engine(r); });
    lightspeed_origin = lightspeed_server_->base_url();
    picqer_origin = picqer_server_->base_url();
    engine_origin = engine_server_->base_url();
  } else {
    transport_ = &direct_;
    direct_.route(kLightspeedOrigin, [this](const Request& r) { return lightspeed_->handle(r); });
    direct_.route(kPicqerOrigin, [this](const Request& r) { return picqer_->handle(r); });
    direct_.route(kEngineOrigin, [this](const Request& r) { return to_engine(r); });
  }
  config_.lightspeed.origin = lightspeed_origin;
  config_.picqer.origin = picqer_origin;
  Random random(config_.seed);
  lightspeed_ = std::make_unique<fakes::lightspeed::LightspeedFake>(clock_, *transport_, random.stream("fake.lightspeed"),
                                                                    config_.lightspeed);
  picqer_ = std::make_unique<fakes::picqer::PicqerFake>(clock_, *transport_, random.stream("fake.picqer"),
                                                        config_.picqer);

  connection_.lightspeed_url = lightspeed_origin;
  connection_.language = config_.lightspeed.languages.front();
  connection_.lightspeed_key = config_.lightspeed.key;
  connection_.lightspeed_secret = config_.lightspeed.secret;
  connection_.shop_id = config_.lightspeed.shop_id;
  connection_.picqer_url = picqer_origin;
  connection_.picqer_key = config_.picqer.api_key;
  connection_.webhook_url = engine_origin;
  connection_.webhook_token = "sim-webhook-token";
}

World::~World() {
  engine_.reset();
  if (http_) http_->disconnect();
  if (lightspeed_server_) lightspeed_server_->stop();
  if (picqer_server_) picqer_server_->stop();
  if (engine_server_) engine_server_->stop();
}

TransportResult World::to_engine(const Request& r) {
  if (!engine_) return TransportError{TransportErrorKind::refused, "the engine is not running"};
  return engine_->receive_webhook(r);
}

void World::start_engine() {
  EngineEnv env{clock_, *transport_, *store_, trace_, config_.seed, nullptr};
  engine_ = std::make_unique<Engine>(std::move(env), connection_, settings_);
  engine_->start();
}

void World::crash() {
  if (restart_) return;  // a process that is down cannot crash
  engine_.reset();
  ++crashes_;
  start_engine();
}

void World::down(Duration d) {
  engine_.reset();
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

void World::change_settings(const Settings& s) {
  settings_ = s;
  if (engine_) engine_->change_settings(s);
}

void World::activate() {
  settings_.active = true;
  if (engine_) engine_->activate();
}

std::string World::import_products() {
  if (!engine_) return "the engine is not running";
  return engine_->import_products();
}

}  // namespace lpsync::sim
