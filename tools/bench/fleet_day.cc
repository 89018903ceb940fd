#include "tools/bench/fleet_day.h"

#include <sys/resource.h>

#include <ctime>
#include <map>
#include <memory>

#include "engine/core/engine.h"
#include "engine/env/clock.h"
#include "engine/env/direct_transport.h"
#include "engine/env/stopwatch.h"
#include "engine/state/pg_fleet.h"
#include "engine/state/pg_shared_pending.h"
#include "engine/state/pg_state_store.h"
#include "engine/trace/trace.h"
#include "fakes/wiring/fake_fleet.h"
#include "tools/fleet/fleet_shops.h"
#include "tools/fleet/lease_guard.h"
#include "tools/live/config.h"
#include "tools/live/connection_setup.h"

namespace lpsync::bench {
namespace {

// Loopback origins (a config allows plain http only there), routed in process: no socket.
constexpr char kLightspeed[] = "http://127.0.0.1:1";
constexpr char kPicqer[] = "http://127.0.0.1:2";

// CPU time, never the wall clock. The fakes' share: std::clock, the process's CPU time to the
// microsecond (the run has one thread, so it is that thread's), read around each call into
// them; getrusage's per-thread figure moves in scheduler ticks, too coarse for calls of
// microseconds.
double precise_cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
double process_cpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

bool has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// The fakes of the day: shop i and its own Picqer account i, on the simulated clock.
class Fakes {
 public:
  Fakes(SimClock& clock, int shops, const TypicalLoad& load) : load_(load) {
    Random random(2026);
    for (int i = 0; i < shops; ++i) {
      fakes::lightspeed::LightspeedConfig c;
      c.origin = kLightspeed;
      c.key = fakes::FakeFleet::lightspeed_key(i);
      c.secret = fakes::FakeFleet::lightspeed_secret(i);
      c.shop_id = i + 1;
      c.journal = false;  // a day of a thousand shops would keep millions of entries: counted below
      shop_by_key_[c.key] = shops_.size();
      shops_.push_back(std::make_unique<fakes::lightspeed::LightspeedFake>(
          clock, hooks_, random.stream("fake.lightspeed." + std::to_string(i)), c));
      fakes::picqer::PicqerConfig p;
      p.origin = kPicqer;
      p.api_key = fakes::FakeFleet::picqer_key(i);
      p.journal = false;
      account_by_key_[p.api_key] = accounts_.size();
      accounts_.push_back(
          std::make_unique<fakes::picqer::PicqerFake>(clock, hooks_, random.stream("fake.picqer." + std::to_string(i)), p));
      stock_typical_shop(*shops_.back(), *accounts_.back(), i, load);
    }
    api_.route(kLightspeed, [this](const Request& r) { return to_shop(r); });
    api_.route(kPicqer, [this](const Request& r) { return to_account(r); });
  }

  Transport& api() { return api_; }
  // Runs `f` with its CPU counted as the fakes'.
  template <typename F>
  auto timed(F f) {
    double before = precise_cpu();
    auto result = f();
    cpu_ += precise_cpu() - before;
    return result;
  }
  void apply(int shop, const ShopEvent& e, DayTally& tally) {
    timed([&] {
      apply_event(e, *shops_[static_cast<size_t>(shop)], *accounts_[static_cast<size_t>(shop)], shop, load_, tally);
      return 0;
    });
  }
  double cpu() const { return cpu_; }
  int64_t lightspeed_requests = 0, picqer_requests = 0, stock_pushes = 0, shipments_pushed = 0;
  int64_t picqer_orders() const {
    int64_t n = 0;
    for (const auto& a : accounts_) n += static_cast<int64_t>(a->orders().size());
    return n;
  }

 private:
  TransportResult to_shop(const Request& r) {
    ++lightspeed_requests;
    auto it = shop_by_key_.find(fakes::basic_auth_user(r));
    TransportResult answer = timed([&] { return shops_[it == shop_by_key_.end() ? 0 : it->second]->handle(r); });
    if (r.method == "PUT" && answer.ok() && answer.value().status < 300) {
      stock_pushes += has(r.url, "/variants/");
      shipments_pushed += has(r.url, "/shipments/");
    }
    return answer;
  }
  TransportResult to_account(const Request& r) {
    ++picqer_requests;
    auto it = account_by_key_.find(fakes::basic_auth_user(r));
    return timed([&] { return accounts_[it == account_by_key_.end() ? 0 : it->second]->handle(r); });
  }

  TypicalLoad load_;
  DirectTransport hooks_;  // no receivers: a worker's engines poll (docs/fleet.md)
  DirectTransport api_;
  std::vector<std::unique_ptr<fakes::lightspeed::LightspeedFake>> shops_;
  std::vector<std::unique_ptr<fakes::picqer::PicqerFake>> accounts_;
  std::map<std::string, size_t> shop_by_key_, account_by_key_;
  double cpu_ = 0;
};

// One connection's engine and what it holds, as EngineHost::Hosted has them.
struct Hosted {
  std::unique_ptr<PgStateStore> store;
  std::unique_ptr<PgSharedPending> pending;
  std::unique_ptr<fleet::LeaseGuard> guard;
  std::unique_ptr<Trace> trace;
  std::unique_ptr<Engine> engine;
  std::vector<ShopEvent> day;
  size_t next = 0;
};

void start_engine(Hosted& h, std::shared_ptr<pg::Db> session, const LeaseToken& lease, int shop,
                  SimClock& clock, Fakes& fakes, const fleet::LeaseWindow& window, live::Redactor& redactor,
                  int poll_seconds) {
  std::string name = "shop-" + std::to_string(shop);
  live::ConfigResult parsed =
      live::parse_config(fleet::connection_config(kLightspeed, kPicqer, shop, shop, poll_seconds), name,
                         live::process_environment());
  if (!parsed) throw std::runtime_error(name + ": the config is refused: " + parsed.errors.front());
  auto store = PgStateStore::open_shared(std::move(session), lease);
  if (!store.ok()) throw std::runtime_error(name + ": " + store.error().message);
  h.store = std::move(store).value();
  live::ConnectionSetup setup = live::connection_for(*parsed.config, *h.store, false, redactor);
  if (!setup.connection) throw std::runtime_error(name + ": " + setup.why_not);
  h.pending = std::make_unique<PgSharedPending>(*h.store, setup.connection->picqer_account());
  h.guard = std::make_unique<fleet::LeaseGuard>(fakes.api(), window, clock, Duration::seconds(10));
  h.trace = std::make_unique<Trace>(false);
  EngineEnv env{clock, *h.guard, *h.store, *h.trace, static_cast<uint64_t>(1000 + shop), {}, {}, h.pending.get()};
  h.engine = std::make_unique<Engine>(std::move(env), *setup.connection, parsed.config->settings);
  h.engine->start();
}

// Plays the shop's day on the clock, one timer at a time (a thousand shops' days at once
// would be half a million timers).
void play_next(Hosted& h, int shop, SimClock& clock, Fakes& fakes, DayTally& tally) {
  if (h.next >= h.day.size()) return;
  clock.call_at(h.day[h.next].at, [&h, shop, &clock, &fakes, &tally] {
    fakes.apply(shop, h.day[h.next++], tally);
    play_next(h, shop, clock, fakes, tally);
  });
}

}  // namespace

CpuSeconds FleetDayRun::day() const {
  double rest = static_cast<double>(24 - span.warmup_hours) / span.measured_hours;
  return {warmup.process + measured.process * rest, warmup.fakes + measured.fakes * rest,
          warmup.server + measured.server * rest};
}

FleetDayRun run_fleet_day(const std::string& database_url, int connections, const TypicalLoad& load,
                          const DaySpan& span, const std::function<double()>& server_cpu, int sessions) {
  FleetDayRun out;
  out.connections = connections;
  out.span = span;
  Instant start = *parse_iso8601("2026-11-02T00:00:00Z");
  SimClock clock(start);
  try {
    auto admin = pg::Db::connect(database_url);
    if (!admin.ok()) throw std::runtime_error(admin.error().message);
    std::vector<LeaseToken> leases;
    for (int i = 0; i < connections; ++i) {
      // Held for two days of the database's (wall) clock: the fence holds through the run.
      auto lease = fleet::add_connection_held(*admin.value(), "shop-" + std::to_string(i),
                                              fleet::connection_config(kLightspeed, kPicqer, i, i, load.poll_seconds), "bench-worker",
                                              Duration::hours(48));
      if (!lease.ok()) throw std::runtime_error(lease.error().message);
      leases.push_back(lease.value());
    }
    std::vector<std::shared_ptr<pg::Db>> shared;
    for (int s = 0; s < sessions; ++s) {
      auto db = pg::Db::connect(database_url);
      if (!db.ok()) throw std::runtime_error(db.error().message);
      shared.push_back(std::shared_ptr<pg::Db>(std::move(db).value()));
    }
    Fakes fakes(clock, connections, load);
    fleet::LeaseWindow window;
    window.set_end(start + Duration::hours(24 * 30));  // the guard never holds a write back here
    live::Redactor redactor;
    std::vector<std::unique_ptr<Hosted>> hosted;
    out.rss_before_kb = resident_kb();
    Stopwatch watch;
    auto sample = [&] { return CpuSeconds{process_cpu(), fakes.cpu(), server_cpu()}; };
    auto since = [&](const CpuSeconds& from) {
      CpuSeconds now = sample();
      return CpuSeconds{now.process - from.process, now.fakes - from.fakes, now.server - from.server};
    };
    CpuSeconds at_start = sample();
    for (int i = 0; i < connections; ++i) {
      hosted.push_back(std::make_unique<Hosted>());
      Hosted& h = *hosted.back();
      h.day = typical_day(i, start, load, Random(static_cast<uint64_t>(7 + i)));
      start_engine(h, shared[static_cast<size_t>(i % sessions)], leases[static_cast<size_t>(i)], i, clock, fakes,
                   window, redactor, load.poll_seconds);
      play_next(h, i, clock, fakes, out.tally);
    }
    clock.run_until(start + Duration::hours(span.warmup_hours));
    out.warmup = since(at_start);
    CpuSeconds at_steady = sample();
    clock.run_until(start + Duration::hours(span.warmup_hours + span.measured_hours));
    out.measured = since(at_steady);
    out.wall_seconds = watch.seconds();
    out.rss_after_kb = resident_kb();
    out.orders_imported = fakes.picqer_orders();
    out.stock_pushes = fakes.stock_pushes;
    out.shipments_pushed = fakes.shipments_pushed;
    out.lightspeed_requests = fakes.lightspeed_requests;
    out.picqer_requests = fakes.picqer_requests;
    for (auto& h : hosted) h->engine.reset();  // before the fakes and the clock they use
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace lpsync::bench
