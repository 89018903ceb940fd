#include "tools/bench/loopback_engine.h"

#include <filesystem>

#include "engine/core/engine.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/stopwatch.h"
#include "engine/state/sqlite_state_store.h"
#include "engine/trace/trace.h"
#include "fakes/wiring/fake_pair.h"
#include "tools/bench/proc_status.h"

namespace lpsync::bench {
namespace {

// As in the single-process bench (bulk_bench.cc): the catalogue is in place an hour before
// the connection is activated; "Import products" is pressed 10 s after.
const Duration kActivatedAfter = Duration::hours(1);
const Duration kPressedAfter = Duration::seconds(10);

// The connection `lpsync run` makes from a config without webhooks (polling only), to the
// fakes' default credentials.
Connection loopback_connection(const LoopbackEngineSetup& setup) {
  return fakes::connection_to_fakes(fakes::FakePairConfig{}, setup.lightspeed_url, setup.picqer_url);
}

}  // namespace

LoopbackEngineFigures run_loopback_engine(const LoopbackEngineSetup& setup, SharedMillis& shared) {
  LoopbackEngineFigures out;
  out.start_rss_kb = resident_kb();
  Stopwatch watch;
  std::filesystem::remove(setup.state_path);
  auto opened = SqliteStateStore::open(setup.state_path);
  if (!opened) return out;
  std::unique_ptr<SqliteStateStore> store = std::move(opened.value().store);
  {
    HttplibTransport http;
    Trace trace(false);
    std::optional<Instant> ended;
    trace.observe([&](const boost::json::object& line) {
      auto d = line.find("decision");
      if (!ended && d != line.end() && d->value().as_string() == "bulk_import_finished") {
        ended = parse_iso8601(line.at("t").as_string());
      }
    });
    Instant start = setup.catalog_written + kActivatedAfter;
    SimClock clock(start);
    shared.store(start.unix_millis());
    Settings settings;
    settings.active = true;
    Engine engine(EngineEnv{clock, http, *store, trace, 1, {}, nullptr}, loopback_connection(setup), settings);
    engine.start();
    Instant pressed = start + kPressedAfter;
    std::string refused;
    clock.call_at(pressed, [&] { refused = engine.import_products(); });
    Instant next;
    while (!ended && refused.empty() && clock.next_deadline(next) && next <= setup.until) {
      publish_and_run_next(clock, shared);
    }
    if (ended) out.import_ms = (*ended - pressed).millis();
    for (int p = 0; p < kPriorities; ++p) {
      out.lightspeed_requests += engine.sent_requests().lightspeed[p];
      out.picqer_requests += engine.sent_requests().picqer[p];
    }
    out.wall_ms = static_cast<int64_t>(watch.seconds() * 1000);
    out.peak_rss_kb = peak_resident_kb();
    engine.stop();
    http.disconnect();
  }
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) std::filesystem::remove(setup.state_path + suffix);
  return out;
}

}  // namespace lpsync::bench
