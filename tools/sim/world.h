// A simulated world: a SimClock, the fake Lightspeed shop, the fake Picqer account, and the
// real engine, wired through one transport: in-process calls (DirectTransport), or real
// HTTP on loopback servers (port 0) with the same handlers. Webhooks of both fakes reach
// the engine's receiver through the same transport. The engine can crash (it loses its
// memory and keeps its store) or be down for a while; the fakes carry on. A crash can also
// be injected at any HTTP exchange of the engine (crash_injector.h), for crash-point tests.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>

#include "engine/core/engine.h"
#include "engine/env/clock.h"
#include "engine/env/direct_transport.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/state/state_store.h"
#include "engine/state/store_errors.h"
#include "engine/trace/trace.h"
#include "fakes/lightspeed/lightspeed_fake.h"
#include "fakes/picqer/picqer_fake.h"
#include "fakes/wiring/fake_pair.h"
#include "fakes/wiring/fake_servers.h"
#include "tools/sim/crash_injector.h"

namespace lpsync::sim {

struct WorldConfig {
  uint64_t seed = 0;
  Instant start;
  Settings settings;          // the merchant's settings when the engine starts
  bool over_http = false;     // loopback HTTP instead of in-process calls
  bool keep_trace = true;     // keep trace lines in memory (for determinism checks)
  std::ostream* trace_out = nullptr;
  StateStore* store = nullptr;  // the engine's durable state (default: in memory)
  // Opens the engine's durable state (e.g. a SqliteStateStore on a file): at start and again
  // at every restart, as a restarted process reopens its database. Overrides `store`.
  std::function<std::unique_ptr<StateStore>()> open_store;
  fakes::lightspeed::LightspeedConfig lightspeed;
  fakes::picqer::PicqerConfig picqer;
  std::string engine_picqer_key;  // the key the engine is given; "" = the fake's own (tests of a wrong key)
  std::string engine_lightspeed_key;  // likewise for the Lightspeed API key
  Tuning tuning;  // the engine's benchmark switches (defaults: the engine's behaviour)
  bool lean_fakes = false;  // the fakes keep no journal and no image bytes (memory benchmarks)
};

class World {
 public:
  explicit World(WorldConfig config);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  SimClock& clock() { return clock_; }
  fakes::lightspeed::LightspeedFake& lightspeed() { return fakes_->lightspeed(); }
  fakes::picqer::PicqerFake& picqer() { return fakes_->picqer(); }
  StateStore& store() { return *store_; }
  Trace& trace() { return trace_; }
  // The running engine, or nullptr while it is down.
  Engine* engine() { return engine_.get(); }
  const Connection& connection() const { return connection_; }

  // Starts the engine (again) with the merchant's current settings.
  void start_engine();
  // The process dies and restarts at once: memory lost, store kept.
  void crash();
  // From now on the engine's state is opened with `open`, now and at every restart (see
  // WorldConfig::open_store); call before the engine starts.
  void open_store_with(std::function<std::unique_ptr<StateStore>()> open);
  // The engine is not running for `d`, then starts (a second downtime while down lasts
  // until the later of the two ends).
  void down(Duration d);
  // The merchant's settings: applied to the running engine (next tick) and kept for restarts.
  void change_settings(const Settings& s);
  const Settings& settings() const { return settings_; }
  // "Activate webshop" / "Import products" (returns "" or why not).
  void activate();
  std::string import_products();
  // A person asks for one order to be imported now (Engine::import_order); the answer comes
  // into the engine's report. Returns "" or why not (the engine is down).
  std::string import_order(const std::string& number);

  // Runs the clock to `t`, performing injected crashes as they happen (the crashed engine is
  // destroyed and a new one started on the same store). A StateStoreError out of the engine
  // (a write the disk refused) stops the engine the same way, as a supervisor would restart
  // the process that stopped on it.
  void run_until(Instant t);

  // Crash injection: the engine dies at its `request`-th HTTP exchange (counted over the
  // whole run, from 1) at `moment`. Each call adds a crash point.
  void crash_at_request(int64_t request, CrashMoment moment) { injector_->arm(request, moment); }
  int64_t injected_crashes() const { return injector_->fired(); }
  // Engine stops on a StateStoreError so far.
  int64_t store_failures() const { return store_failures_; }
  // True while the engine handles a merchant's click (Import products), not its own work.
  bool merchant_acting() const { return merchant_acting_; }
  // HTTP exchanges the engine made so far (the steps of a crash-point enumeration).
  int64_t engine_requests() const { return injector_->requests(); }

  int64_t crashes() const { return crashes_; }

 private:
  TransportResult to_engine(const Request& r);
  // Destroys the engine (its scheduler's timers go with it) and reopens the store if the
  // world opens it.
  void stop_process();
  void injected_crash(const SimulatedCrash& crash);
  // Holds the lock that serialises the fakes against the HTTP server threads, if any.
  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(world_mutex_); }

  WorldConfig config_;
  SimClock clock_;
  Trace trace_;
  Settings settings_;
  Connection connection_;
  std::mutex world_mutex_;
  MemoryStateStore own_store_;
  std::function<std::unique_ptr<StateStore>()> open_store_;
  std::unique_ptr<StateStore> opened_store_;
  StateStore* store_;

  DirectTransport direct_;
  std::unique_ptr<HttplibTransport> http_;
  Transport* transport_;
  std::unique_ptr<CrashInjector> injector_;  // the engine's transport: transport_ with crash injection
  std::unique_ptr<fakes::FakeServers> fake_servers_;
  std::unique_ptr<HttpServer> engine_server_;

  std::unique_ptr<fakes::FakePair> fakes_;
  std::unique_ptr<Engine> engine_;
  int64_t crashes_ = 0;
  std::optional<std::pair<Instant, TimerId>> restart_;  // while down: when it starts again
  int64_t store_failures_ = 0;
  bool merchant_acting_ = false;
};

}  // namespace lpsync::sim
