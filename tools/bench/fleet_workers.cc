#include "tools/bench/fleet_workers.h"

#include <memory>

#include "engine/env/stopwatch.h"
#include "engine/state/pg_fleet.h"
#include "fakes/wiring/fake_fleet.h"
#include "tools/bench/fleet_day.h"
#include "tools/bench/worker_child.h"
#include "tools/fleet/fleet_shops.h"

namespace lpsync::bench {
namespace {

std::vector<std::string> worker_args(const std::string& url, const std::string& name, Duration period,
                                     Duration longest) {
  return {"--database", url, "--name", name, "--threads", "8", "--lease-period", format_duration(period),
          "--longest-request", format_duration(longest), "--log-format", "json"};
}

// A fake fleet of typical shops, each with its own Picqer account and one paid order
// waiting, and a connection for each in the database.
std::unique_ptr<fakes::FakeFleet> typical_fleet(pg::Db& admin, int shops, const TypicalLoad& load) {
  auto fleet = std::make_unique<fakes::FakeFleet>(fakes::FakeFleetOptions{shops, shops, 7, 1024});
  if (!fleet->ok()) throw std::runtime_error("the fake fleet's servers did not start");
  fleet->with([&](fakes::FakeFleet& f) {
    DayTally tally;
    for (int s = 0; s < shops; ++s) {
      stock_typical_shop(f.shop(s), f.account(s), s, load);
      apply_event({Instant(), ShopEvent::Kind::order, 0, 0}, f.shop(s), f.account(s), s, load, tally);
    }
    return 0;
  });
  for (int s = 0; s < shops; ++s) {
    auto id = fleet::add_connection(admin, "shop-" + std::to_string(s), fleet::connection_config(fleet->lightspeed_url(), fleet->picqer_url(), s, s, load.poll_seconds));
    if (!id.ok()) throw std::runtime_error(id.error().message);
  }
  return fleet;
}

std::unique_ptr<pg::Db> connect(const std::string& url) {
  auto db = pg::Db::connect(url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  return std::move(db).value();
}

}  // namespace

LiveRun run_live_worker(const std::string& url, int connections, const TypicalLoad& load, double settle_seconds,
                        const std::string& logs) {
  LiveRun out;
  out.connections = connections;
  out.settle_seconds = settle_seconds;
  try {
    auto admin = connect(url);
    // The worker first runs with no connection: its own resident set, without engines.
    WorkerChild worker(process::self_binary(), worker_args(url, "bench-live", Duration::seconds(30), Duration::seconds(10)),
                       logs + "/live-worker.log");
    if (!wait_until([&] { worker.read_log(); return worker.count("leases") > 0; }, 60)) {
      throw std::runtime_error("the worker did not beat within 60 s (log: " + logs + "/live-worker.log)");
    }
    wait_until([] { return false; }, 1);
    out.idle_rss_kb = resident_kb(worker.pid());
    auto fleet = typical_fleet(*admin, connections, load);
    Stopwatch watch;
    // It claims them at its next beat (a quarter of its lease period) and starts each engine.
    bool all = wait_until(
        [&] {
          worker.read_log();
          return static_cast<int>(worker.started().size()) >= connections || !worker.running();
        },
        120 + connections * 0.2);
    out.start_seconds = watch.seconds();
    if (!all || !worker.running()) throw std::runtime_error("not every engine started (log: " + logs + "/live-worker.log)");
    double cpu_before = worker.cpu_seconds();
    wait_until([] { return false; }, settle_seconds);
    out.settle_cpu_seconds = worker.cpu_seconds() - cpu_before;
    out.rss_kb = resident_kb(worker.pid());
    worker.read_log();
    out.started = static_cast<int64_t>(worker.started().size());
    out.engine_failures = worker.count("engine_stopped");
    out.orders_imported = fleet->with([&](fakes::FakeFleet& f) {
      int64_t n = 0;
      for (int s = 0; s < connections; ++s) n += static_cast<int64_t>(f.account(s).orders().size());
      return n;
    });
    worker.stop(30);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

FailoverRun run_failover(const std::string& url, int connections, Duration lease_period, Duration longest_request,
                         const std::string& logs) {
  FailoverRun out;
  out.connections = connections;
  out.lease_period = lease_period;
  out.longest_request = longest_request;
  try {
    auto admin = connect(url);
    auto fleet = typical_fleet(*admin, connections, TypicalLoad{});
    double patience = 3 * static_cast<double>(lease_period.seconds() + longest_request.seconds()) + 60;
    WorkerChild a(process::self_binary(), worker_args(url, "bench-a", lease_period, longest_request), logs + "/worker-a.log");
    if (!wait_until([&] { a.read_log(); return static_cast<int>(a.started().size()) >= connections; }, patience)) {
      throw std::runtime_error("worker a did not start every engine (log: " + logs + "/worker-a.log)");
    }
    WorkerChild b(process::self_binary(), worker_args(url, "bench-b", lease_period, longest_request), logs + "/worker-b.log");
    // Once b has beaten (and found nothing free), a is killed before it hands b a fair share.
    if (!wait_until([&] { b.read_log(); return b.count("leases") > 0; }, patience)) {
      throw std::runtime_error("worker b did not beat (log: " + logs + "/worker-b.log)");
    }
    std::set<int64_t> held;
    auto rows = admin->exec("a's leases", "SELECT connection_id FROM leases WHERE worker = 'bench-a'");
    for (int r = 0; r < rows.size(); ++r) held.insert(rows.integer(r, 0));
    a.kill_now();
    Stopwatch watch;
    out.moved = static_cast<int64_t>(held.size());
    auto moved = [&] {
      b.read_log();
      for (int64_t id : held) {
        if (!b.started().count(id)) return false;
      }
      // Every one of them leased by b, live.
      int64_t live = admin
                         ->exec("b's live leases",
                                "SELECT count(*) FROM leases WHERE worker = 'bench-b' AND expires_at > clock_timestamp()")
                         .integer(0, 0);
      return live >= static_cast<int64_t>(held.size());
    };
    bool done = wait_until(moved, patience);
    out.seconds = watch.seconds();
    if (!done) throw std::runtime_error("worker b did not take over within " + std::to_string(patience) + " s");
    b.stop(30);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace lpsync::bench
