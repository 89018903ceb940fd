#include "tools/fleet/worker_process.h"

#include <atomic>

#include "engine/state/pg_db.h"
#include "engine/env/check.h"
#include "engine/env/http_server.h"
#include "tools/fleet/webhook_inbox.h"
#include "tools/live/log.h"
#include "tools/live/redactor.h"
#include "tools/live/stop_signals.h"
#include "tools/ops/health.h"

namespace lpsync::fleet {

int run_worker_process(std::unique_ptr<pg::Db> db, const WorkerProcessOptions& options, std::ostream& err) {
  LPSYNC_CHECK(db != nullptr, "the worker's session is connected");
  SystemClock wall;
  live::Redactor redactor;
  live::Log log(err, options.human_log, wall, redactor);
  // For GET /healthz on the listener (tools/ops/health.h worker_health).
  Instant started = wall.now();
  std::atomic<int64_t> last_beat_ms = -1, leases_held = 0;
  // The webhook listener: queues what arrives for any connection of the fleet.
  std::unique_ptr<WebhookInbox> inbox;
  std::unique_ptr<HttpServer> listener;
  if (options.listen_port >= 0) {
    auto inbox_db = pg::Db::connect(options.database_url);
    if (!inbox_db.ok()) {
      err << "lpsync worker: " << inbox_db.error().message << "\n";
      return 2;
    }
    inbox = std::make_unique<WebhookInbox>(std::move(inbox_db).value());
    HttpServerOptions o;
    o.host = options.listen_host;
    o.port = options.listen_port;
    o.concurrent = true;  // the inbox takes its own lock
    o.limits.max_body = 1024 * 1024;
    listener = std::make_unique<HttpServer>(
        [&](const Request& r) -> TransportResult {
          auto url = parse_url(r.url);
          if (!url || url->path != "/healthz") return inbox->accept(r);
          int64_t beat = last_beat_ms;
          ops::HealthAnswer a = ops::worker_health(beat < 0 ? std::nullopt : std::optional(Instant::from_unix_millis(beat)),
                                                   started, wall.now(), options.lease.lease_period, leases_held);
          return Response{a.status, {{"Content-Type", "application/json"}}, a.body};
        },
        o);
    if (!listener->ok()) {
      err << "lpsync worker: cannot listen for webhooks on " << options.listen_host << ":" << options.listen_port << ": "
          << listener->error() << "\n";
      return 2;
    }
  }
  WorkerWatch watch(wall, log, redactor);  // before the host: its engines' loops use it
  HostOptions host_options = options.host;
  host_options.longest_request = options.lease.longest_request;
  host_options.watch = &watch;
  EngineHost host(options.database_url, host_options, log, redactor);
  Worker worker(*db, options.name, host, options.lease);
  live::StopSignals signals([&] {
    log.info("stopping", {{"why", "SIGINT or SIGTERM: handing every connection back"}});
    wall.stop();
  });
  log.info("worker_started", {{"worker", options.name},
                              {"lease_period", format_duration(options.lease.lease_period)},
                              {"threads", options.host.threads},
                              {"webhooks", listener ? listener->base_url() : std::string("none: polling only")}});
  // Beats four times per lease period: a renewal may fail once and the lease still holds.
  Duration beat = Duration::millis(options.lease.lease_period.millis() / 4);
  size_t last_held = SIZE_MAX;
  std::function<void()> tick = [&] {
    try {
      worker.tick(wall.now());
      last_beat_ms = wall.now().unix_millis();
      leases_held = static_cast<int64_t>(worker.held());
    } catch (const StateStoreError& e) {
      // The database is away: the leases run out unless a later beat reaches it (the session
      // is replaced at the next statement). The engines notice through their fences.
      log.warn("heartbeat_failed", {{"reason", e.what()}});
    }
    if (worker.held() != last_held) {
      last_held = worker.held();
      EngineHost::Counts c = host.counts();
      log.info("leases", {{"held", static_cast<int64_t>(worker.held())},
                          {"running", c.running},
                          {"engine_failures", c.failures}});
    }
    wall.call_after(beat, tick);
  };
  wall.post(tick);
  wall.run();
  try {
    worker.stop_all();
  } catch (const StateStoreError& e) {
    // The leases run out by themselves within one period.
    log.warn("hand_back_failed", {{"reason", e.what()}});
  }
  watch.drain(Duration::seconds(10));  // what is queued, at most 10 s per alert target
  if (listener) listener->stop();
  log.info("worker_stopped", {{"worker", options.name}});
  return 0;
}

}  // namespace lpsync::fleet
