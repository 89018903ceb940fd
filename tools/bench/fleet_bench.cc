#include "tools/bench/fleet_bench.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/env/clock.h"
#include "engine/state/pg_schema.h"
#include "tools/bench/fleet_day.h"
#include "tools/bench/fleet_workers.h"
#include "tools/bench/machine.h"
#include "tools/pg/throwaway_postgres.h"

namespace lpsync::bench {
namespace {

// Assumptions of the derived capacity (BENCHMARKS.md says them too).
constexpr double kCores = 2;
constexpr double kBusy = 0.5;             // a worker at most half busy: room for peaks and restarts
constexpr double kWorkerMemoryKb = 4.0 * 1024 * 1024;  // a 2-core machine with 4 GiB ...
constexpr double kMemoryShare = 0.5;      // ... of which the engines may use half
constexpr double kDaySeconds = 86400;

std::string fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// CPU seconds of the server's processes (the postmaster and its children) so far.
double server_cpu_seconds(const ThrowawayPostgres& pg) {
  std::ifstream pidfile(pg.directory() + "/data/postmaster.pid");
  long postmaster = 0;
  if (!(pidfile >> postmaster)) return 0;
  double ticks = 0;
  DIR* proc = opendir("/proc");
  if (!proc) return 0;
  while (dirent* e = readdir(proc)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 2));
    std::vector<std::string> f;
    for (std::string x; f.size() < 13 && fields >> x;) f.push_back(x);
    if (f.size() < 13) continue;
    long pid = std::atol(e->d_name), ppid = std::atol(f[1].c_str());
    if (pid == postmaster || ppid == postmaster) ticks += std::stod(f[11]) + std::stod(f[12]);
  }
  closedir(proc);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string database(const ThrowawayPostgres& pg, const std::string& name) {
  std::string error;
  if (!pg.create_database(name, error)) throw std::runtime_error("cannot create database " + name + ": " + error);
  std::string url = pg.url(name);
  auto db = pg::Db::connect(url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  pg::migrate(*db.value());
  return url;
}

struct Capacity {
  double cpu_per_connection_day = 0;     // seconds, the engines' own
  double server_per_connection_day = 0;  // seconds, PostgreSQL's
  double kb_per_connection = 0;          // a live worker's
};

Capacity day_figures(const ThrowawayPostgres& pg, int n, bool quick, Figures& out, std::ostream& progress) {
  TypicalLoad load;
  DaySpan span;
  progress << "fleet: " << n << " connections at the typical load (" << load.orders << " orders and "
           << load.stock_changes << " stock changes a day, " << load.products << " products, polls every "
           << load.poll_seconds << " s), " << span.warmup_hours << " + " << span.measured_hours
           << " simulated hours, state on PostgreSQL ...\n";
  std::string url = database(pg, "fleet_day");
  FleetDayRun d = run_fleet_day(url, n, load, span, [&pg] { return server_cpu_seconds(pg); });
  if (!d.error.empty()) throw std::runtime_error("the simulated fleet run failed: " + d.error);
  CpuSeconds day = d.day();
  double engines = day.engines() / n;
  std::string hours = std::to_string(span.warmup_hours + span.measured_hours);
  out.add({"fleet_engine_cpu_ms_per_connection_day", "F1. engine CPU per connection-day", engines * 1000, "ms",
           std::nullopt, true,
           "this process's CPU less the CPU inside the in-process fakes, with the PostgreSQL round trips of 8 shared "
           "sessions: the first " + std::to_string(span.warmup_hours) + " simulated hours (engines starting) " +
               fixed(d.warmup.engines()) + " s, the next " + std::to_string(span.measured_hours) + " " +
               fixed(d.measured.engines()) + " s, for " + std::to_string(n) + " connections (" +
               fixed(d.wall_seconds) + " s wall; the fakes took " + fixed(d.warmup.fakes + d.measured.fakes) +
               " s); a day = the first hours + the rest at the later rate. In those " + hours + " hours: " +
               std::to_string(d.tally.orders_placed) + " orders placed, " + std::to_string(d.orders_imported) +
               " imported, " + std::to_string(d.tally.shipped) + " shipped and " + std::to_string(d.shipments_pushed) +
               " shipments pushed, " + std::to_string(d.tally.stock_set) + " stock counts and " +
               std::to_string(d.stock_pushes) + " stock levels pushed; " + std::to_string(d.lightspeed_requests) +
               " Lightspeed and " + std::to_string(d.picqer_requests) + " Picqer requests"});
  out.add({"fleet_postgres_cpu_ms_per_connection_day", "F1. PostgreSQL server CPU per connection-day",
           day.server * 1000 / n, "ms", std::nullopt, true,
           "the server's processes over the same hours, counted the same way (the database machine, not the worker; "
           "fsync off in the throwaway server)"});
  out.add({"fleet_sim_rss_kb_per_connection", "F1. simulated run: process growth per connection",
           static_cast<double>(d.rss_after_kb - d.rss_before_kb) / n, "kB", std::nullopt, true,
           "the engines with their state and the in-process fakes' orders; from " + fixed(d.rss_before_kb / 1024.0, 0) +
               " MB to " + fixed(d.rss_after_kb / 1024.0, 0) + " MB"});
  return {engines, day.server / n, 0};
}

double live_figures(const ThrowawayPostgres& pg, int n, bool quick, const std::string& logs, Figures& out,
                    std::ostream& progress) {
  double settle = quick ? 5 : 60;
  progress << "fleet: one lpsync worker (8 threads) running " << n << " connections for " << settle
           << " s on loopback HTTP ...\n";
  LiveRun r = run_live_worker(database(pg, "fleet_live"), n, TypicalLoad{}, settle, logs);
  if (!r.error.empty()) throw std::runtime_error("the live worker run failed: " + r.error);
  out.add({"fleet_worker_kb_per_connection", "F2. worker memory per connection", r.kb_per_connection(), "kB",
           std::nullopt, true,
           "a live lpsync worker's resident set: " + fixed(r.idle_rss_kb / 1024.0) + " MB holding no connection, " +
               fixed(r.rss_kb / 1024.0) + " MB with " + std::to_string(r.started) + " engines started (in " +
               fixed(r.start_seconds) + " s) and run " + fixed(settle, 0) + " s; " +
               std::to_string(r.orders_imported) + " of " + std::to_string(n) + " waiting orders imported; " +
               std::to_string(r.engine_failures) + " engine failures; worker CPU in that time " +
               fixed(r.settle_cpu_seconds, 2) + " s"});
  return r.kb_per_connection();
}

void capacity_figure(const Capacity& c, Figures& out) {
  double by_cpu = c.cpu_per_connection_day > 0 ? kCores * kDaySeconds * kBusy / c.cpu_per_connection_day : 0;
  double by_memory = c.kb_per_connection > 0 ? kWorkerMemoryKb * kMemoryShare / c.kb_per_connection : by_cpu;
  out.add({"fleet_connections_per_worker", "F3. connections per 2-core worker", std::min(by_cpu, by_memory),
           "connections", 1000, false,
           "the lesser of CPU (" + fixed(by_cpu, 0) + ": 2 cores x 86,400 s at most 50 % busy / engine CPU per "
               "connection-day) and memory (" + fixed(by_memory, 0) +
               ": half of an assumed 4 GiB / worker memory per connection); were PostgreSQL on the same 2 cores, "
               "the CPU bound would be " +
               fixed(kCores * kDaySeconds * kBusy / (c.cpu_per_connection_day + c.server_per_connection_day), 0)});
}

void failover_figure(const ThrowawayPostgres& pg, bool quick, const std::string& logs, Figures& out,
                     std::ostream& progress) {
  int n = quick ? 10 : 20;
  Duration period = quick ? Duration::seconds(4) : Duration::seconds(30);
  Duration longest = quick ? Duration::seconds(2) : Duration::seconds(10);
  progress << "fleet: failover of " << n << " connections, leases of " << format_duration(period)
           << ", longest request " << format_duration(longest) << " (two lpsync workers, one killed) ...\n";
  FailoverRun f = run_failover(database(pg, "fleet_failover"), n, period, longest, logs);
  if (!f.error.empty()) throw std::runtime_error("the failover run failed: " + f.error);
  out.add({"fleet_failover_seconds", "F4. failover after kill -9", f.seconds, "s", 60, true,
           std::string(quick ? "QUICK RUN: leases of 4 s, not the default 30 s; " : "") + "lease period " +
               format_duration(period) + ", longest request " + format_duration(longest) + ": from the SIGKILL of " +
               "the worker holding " + std::to_string(f.moved) + " connections until the other worker held a live " +
               "lease of each and had started its engine (at most a period + the longest request + a beat)"});
}

}  // namespace

Figures run_fleet_bench(const FleetBenchOptions& o, std::ostream& progress) {
  Figures out = figures_of_today(o.quick ? "fleet, quick" : "fleet");
  auto pg = ThrowawayPostgres::start();
  if (!pg.ok()) throw std::runtime_error("cannot start a throwaway PostgreSQL: " + pg.error().message);
  char dir[] = "/tmp/lpsync-fleet-bench-XXXXXX";
  if (!mkdtemp(dir)) throw std::runtime_error("cannot create a directory in /tmp");
  Capacity c = day_figures(*pg.value(), o.connections, o.quick, out, progress);
  c.kb_per_connection = live_figures(*pg.value(), o.connections, o.quick, dir, out, progress);
  capacity_figure(c, out);
  failover_figure(*pg.value(), o.quick, dir, out, progress);
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);  // kept when a part failed: the workers' logs
  return out;
}

}  // namespace lpsync::bench
