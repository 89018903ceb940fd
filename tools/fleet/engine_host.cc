#include "tools/fleet/engine_host.h"

#include <future>

#include "engine/core/engine.h"
#include "engine/env/check.h"
#include "engine/env/crypto.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/live_clock.h"
#include "engine/state/pg_db.h"
#include "engine/state/pg_shared_limit.h"
#include "engine/state/pg_shared_pending.h"
#include "engine/state/pg_state_store.h"
#include "engine/trace/trace.h"
#include "tools/fleet/console_commands.h"
#include "tools/fleet/lease_guard.h"
#include "tools/fleet/webhook_inbox.h"
#include "tools/live/command_runner.h"
#include "tools/live/config.h"
#include "tools/live/connection_setup.h"
#include "tools/live/console_settings.h"

namespace lpsync::fleet {

// One thread with its clock, and what its engines share: the database session and the HTTP
// clients (one per CA file), touched only on this thread.
struct EngineHost::Loop {
  SystemClock wall;
  std::thread thread;
  std::shared_ptr<pg::Db> db;
  std::map<std::string, std::unique_ptr<HttplibTransport>> http;  // by CA file
  std::map<int64_t, std::unique_ptr<Hosted>> hosted;              // by connection id
};

// One connection on a loop. `engine` and what it uses exist while it runs; the lease, the
// config and the window stay until the worker stops it.
struct EngineHost::Hosted {
  LeaseToken lease;
  std::string config;
  const LeaseWindow* window = nullptr;
  std::optional<TimerId> restart;
  std::unique_ptr<LiveClock> clock;
  std::unique_ptr<PgStateStore> store;
  std::unique_ptr<PgSharedPending> pending;        // shared with the shops on its Picqer account
  std::unique_ptr<PgSharedRateLimit> picqer_limit;  // likewise
  std::unique_ptr<LeaseGuard> guard;
  std::unique_ptr<Transport> wrapped;
  std::unique_ptr<Trace> trace;
  std::unique_ptr<live::LiveConfig> parsed;       // as the engine started with it
  std::unique_ptr<PgCommands> commands;           // the console's (console_commands.h)
  std::unique_ptr<Engine> engine;

  // Engine first: it holds references to everything else.
  void drop_engine() {
    engine.reset();
    commands.reset();
    parsed.reset();
    trace.reset();
    wrapped.reset();
    guard.reset();
    picqer_limit.reset();
    pending.reset();
    store.reset();
    clock.reset();
  }
};

namespace {

// Picqer limits requests per API key (reference/picqer-api.md section 3): the connections that
// use one key share its limit. The database sees a fingerprint of the key, never the key.
std::string picqer_limit_name(const Connection& c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string mac = hmac_sha256("lpsync shared rate limit", c.picqer_key);
  std::string fingerprint;
  for (size_t i = 0; i < 8 && i < mac.size(); ++i) {
    fingerprint += kHex[static_cast<unsigned char>(mac[i]) >> 4];
    fingerprint += kHex[static_cast<unsigned char>(mac[i]) & 15];
  }
  return "picqer:" + c.picqer_account() + ":" + fingerprint;
}

HttplibOptions http_options(const std::string& ca_file, Duration longest) {
  // Connect, send and answer within `longest` in all, the margin the lease guard keeps.
  HttplibOptions o;
  o.ca_file = ca_file;
  o.connect_timeout = Duration::millis(longest.millis() / 4);
  o.write_timeout = Duration::millis(longest.millis() / 4);
  o.read_timeout = Duration::millis(longest.millis() / 2);
  return o;
}

}  // namespace

EngineHost::EngineHost(std::string url, HostOptions options, live::Log& log, live::Redactor& redactor)
    : url_(std::move(url)), options_(std::move(options)), log_(log), redactor_(redactor) {
  LPSYNC_CHECK(options_.threads >= 1 && options_.threads <= 256, "a host has 1..256 threads");
  for (int i = 0; i < options_.threads; ++i) {
    auto loop = std::make_unique<Loop>();
    Loop* l = loop.get();
    if (!options_.public_url.empty()) l->wall.post([this, l] { hand_over_webhooks(*l); });
    l->wall.post([this, l] { hand_over_commands(*l); });
    l->thread = std::thread([l] { l->wall.run(); });
    loops_.push_back(std::move(loop));
  }
}

EngineHost::~EngineHost() {
  for (auto& loop : loops_) {
    std::promise<void> done;
    loop->wall.post([&] {
      for (auto& [id, h] : loop->hosted) {
        if (h->restart) loop->wall.cancel(*h->restart);
        h->drop_engine();
      }
      loop->hosted.clear();
      loop->http.clear();
      loop->db.reset();
      done.set_value();
    });
    done.get_future().wait();
    loop->wall.stop();
    loop->thread.join();
  }
}

EngineHost::Loop& EngineHost::loop_of(int64_t connection_id) {
  return *loops_[static_cast<size_t>(connection_id) % loops_.size()];
}

void EngineHost::start(const LeaseToken& lease, const std::string& config, const LeaseWindow& window) {
  Loop& loop = loop_of(lease.connection_id);
  loop.wall.post([this, &loop, lease, config, &window] {
    auto h = std::make_unique<Hosted>();
    h->lease = lease;
    h->config = config;
    h->window = &window;
    LPSYNC_CHECK(!loop.hosted.count(lease.connection_id), "one engine per connection on a worker");
    loop.hosted.emplace(lease.connection_id, std::move(h));
    start_on(loop, lease.connection_id);
  });
}

void EngineHost::stop(int64_t connection_id) {
  Loop& loop = loop_of(connection_id);
  std::promise<void> done;
  // On the loop's thread, between two callbacks: no request of this engine is in flight.
  loop.wall.post([&] {
    auto it = loop.hosted.find(connection_id);
    if (it != loop.hosted.end()) {
      if (it->second->restart) loop.wall.cancel(*it->second->restart);
      drop_running(*it->second);
      loop.hosted.erase(it);
    }
    done.set_value();
  });
  done.get_future().wait();
}

void EngineHost::start_on(Loop& loop, int64_t connection_id) {
  auto it = loop.hosted.find(connection_id);
  if (it == loop.hosted.end()) return;
  Hosted& h = *it->second;
  h.restart.reset();
  std::string name = "connection " + std::to_string(connection_id);
  live::ConfigResult parsed = live::parse_config(h.config, name, live::process_environment());
  if (!parsed) {
    std::string problems;
    for (const auto& e : parsed.errors) problems += (problems.empty() ? "" : "; ") + e;
    return failed(loop, connection_id, "its config is refused: " + problems);
  }
  live::LiveConfig& config = *parsed.config;
  bool webhooks = !options_.public_url.empty();
  if (webhooks) config.webhooks = live::WebhooksSection{"", 0, connection_webhook_url(options_.public_url, connection_id)};
  for (const auto& [secret_name, value] : config.secrets()) redactor_.add_secret(secret_name, value);
  if (!loop.db) {
    auto db = pg::Db::connect(url_);
    if (!db.ok()) return failed(loop, connection_id, db.error().message);
    loop.db = std::shared_ptr<pg::Db>(std::move(db).value());
  }
  auto store = PgStateStore::open_shared(loop.db, h.lease);
  if (!store.ok()) return failed(loop, connection_id, store.error().message);
  h.store = std::move(store).value();
  live::ConnectionSetup setup;
  try {
    setup = live::connection_for(config, *h.store, webhooks, redactor_);
  } catch (const std::exception& e) {
    h.drop_engine();
    return failed(loop, connection_id, e.what());
  }
  if (!setup.connection) {
    h.drop_engine();
    return failed(loop, connection_id, setup.why_not);
  }
  run_engine(loop, h, config, *setup.connection);
}

void EngineHost::run_engine(Loop& loop, Hosted& h, const live::LiveConfig& config, const Connection& connection) {
  int64_t connection_id = h.lease.connection_id;
  auto& http = loop.http[config.ca_file];
  if (!http) http = std::make_unique<HttplibTransport>(http_options(config.ca_file, options_.longest_request));
  h.clock = std::make_unique<LiveClock>(loop.wall);
  h.guard = std::make_unique<LeaseGuard>(*http, *h.window, loop.wall, options_.longest_request);
  Transport* transport = h.guard.get();
  if (options_.wrap_transport) {
    h.wrapped = options_.wrap_transport(*h.guard);
    transport = h.wrapped.get();
  }
  h.trace = std::make_unique<Trace>(false);
  h.trace->observe([this, &loop, connection_id](const boost::json::object& line) {
    if (!line.contains("decision")) return;
    if (options_.watch) options_.watch->observe(connection_id, line, loop.wall.now());
    boost::json::object fields = line;
    fields["connection"] = connection_id;
    log_.trace_line(fields);
  });
  h.clock->on_error([this, &loop, connection_id](const std::exception& e) {
    std::string why = e.what();
    // After this callback, not inside it: the engine's own callback is still on the stack.
    loop.wall.post([this, &loop, connection_id, why] {
      auto found = loop.hosted.find(connection_id);
      if (found == loop.hosted.end() || !found->second->engine) return;
      drop_running(*found->second);
      failed(loop, connection_id, why);
    });
  });
  uint64_t seed = std::stoull(system_random_hex(8), nullptr, 16);
  auto make_secret = [this] {
    std::string secret = system_random_hex(16);
    redactor_.add_secret("picqer-hook-secret", secret);
    return secret;
  };
  h.pending = std::make_unique<PgSharedPending>(*h.store, connection.picqer_account());
  h.picqer_limit = std::make_unique<PgSharedRateLimit>(*h.store, picqer_limit_name(connection), picqer_limits().at(0),
                                                       kSharedPicqerWindow);
  EngineEnv env{*h.clock, *transport, *h.store, *h.trace, seed, {}, make_secret, h.pending.get(), h.picqer_limit.get()};
  h.parsed = std::make_unique<live::LiveConfig>(config);
  h.commands = std::make_unique<PgCommands>(*loop.db, connection_id);
  try {
    // The console's saved settings (in the state) win over the config's.
    h.engine = std::make_unique<Engine>(std::move(env), connection, live::effective_settings(config, *h.store));
  } catch (const std::exception& e) {
    h.drop_engine();
    return failed(loop, connection_id, e.what());
  }
  {
    std::lock_guard lock(mu_);
    ++counts_.running;
  }
  log_.info("connection_started", {{"connection", connection_id}, {"token", h.lease.token}});
  // The first jobs run in a callback of the engine's clock, so an error there stops it alone.
  Hosted* hosted = &h;
  h.clock->post([hosted] { hosted->engine->start(); });
  if (options_.watch) options_.watch->watch(loop.wall, connection_id, config, [&loop, connection_id] {
    auto found = loop.hosted.find(connection_id);
    if (found == loop.hosted.end() || !found->second->engine) return WorkerWatch::Running{};
    return WorkerWatch::Running{found->second->engine.get(), found->second->store.get()};
  });
}

void EngineHost::drop_running(Hosted& h) {
  if (!h.engine) return;
  h.drop_engine();
  std::lock_guard lock(mu_);
  --counts_.running;
}

void EngineHost::failed(Loop& loop, int64_t connection_id, const std::string& why) {
  {
    std::lock_guard lock(mu_);
    ++counts_.failures;
  }
  log_.warn("engine_stopped", {{"connection", connection_id},
                               {"reason", why},
                               {"restart_in", format_duration(options_.restart_after)}});
  auto it = loop.hosted.find(connection_id);
  if (it == loop.hosted.end()) return;
  it->second->restart = loop.wall.call_after(options_.restart_after, [this, &loop, connection_id] {
    start_on(loop, connection_id);
  });
}

std::vector<int64_t> EngineHost::running_on(const Loop& loop) {
  std::vector<int64_t> running;
  for (const auto& [id, h] : loop.hosted) {
    if (h->engine) running.push_back(id);
  }
  return running;
}

void EngineHost::hand_over_webhooks(Loop& loop) {
  loop.wall.call_after(options_.webhook_check, [this, &loop] { hand_over_webhooks(loop); });
  std::vector<int64_t> running = running_on(loop);
  if (running.empty() || !loop.db) return;
  std::vector<std::pair<int64_t, Request>> queued;
  try {
    queued = take_webhooks(*loop.db, running, 200);
  } catch (const StateStoreError& e) {
    log_.warn("webhooks_not_taken", {{"reason", e.what()}});  // the next check tries again
    return;
  }
  for (auto& [id, request] : queued) {
    Hosted& h = *loop.hosted.at(id);
    Engine* engine = h.engine.get();
    // As a callback of the engine's clock: a failure there stops that engine alone.
    h.clock->post([engine, id, watch = options_.watch, r = std::move(request)] {
      TransportResult answer = engine->receive_webhook(r);
      if (watch && answer.ok()) watch->webhook_answered(id, r, answer.value().status);
    });
  }
}

void EngineHost::hand_over_commands(Loop& loop) {
  loop.wall.call_after(options_.command_check, [this, &loop] { hand_over_commands(loop); });
  std::vector<int64_t> running = running_on(loop);
  if (running.empty() || !loop.db) return;
  std::vector<std::pair<int64_t, live::BoxCommand>> taken;
  try {
    taken = take_console_commands(*loop.db, running, 50);
  } catch (const StateStoreError& e) {
    log_.warn("console_commands_not_taken", {{"reason", e.what()}});  // the next check tries again
    return;
  }
  for (auto& [id, command] : taken) {
    Hosted& h = *loop.hosted.at(id);
    live::CommandTarget target;
    target.engine = h.engine.get();
    target.store = h.store.get();
    target.config = h.parsed.get();
    target.log = &log_;
    target.redactor = &redactor_;
    target.queue = h.commands.get();
    target.log_fields = {{"connection", id}};
    if (live::reads_only(command)) {
      live::carry_out_command(command, target, loop.wall.now());  // between two callbacks: reads only
      continue;
    }
    // As a callback of the engine's clock: a failure there stops that engine alone.
    LiveClock* clock = h.clock.get();
    clock->post([target = std::move(target), c = std::move(command), clock] {
      live::carry_out_command(c, target, clock->now());
    });
  }
}

EngineHost::Counts EngineHost::counts() const {
  std::lock_guard lock(mu_);
  return counts_;
}

}  // namespace lpsync::fleet
