// Runs a scenario with the engine's state in SQLite and crashes injected at chosen HTTP
// exchanges (tools/sim/crash_injector.h), and sweeps crash points: run once without a
// crash to count the steps, then once per (step, moment), each time restarting the engine
// on the same database, and compare each end with the crash-free one.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/state/state_store.h"
#include "fakes/common/fault_plan.h"
#include "tools/scenario/scenario.h"
#include "tools/sim/crash_injector.h"

namespace lpsync::crash {

struct CrashPoint {
  int64_t request;  // the engine's HTTP exchange, from 1
  sim::CrashMoment moment;
};
std::string describe(const CrashPoint& p);

struct CrashRun {
  std::vector<std::string> state;       // final_state() at run_until
  std::vector<std::string> violations;  // at_most_once_violations()
  std::vector<std::string> requests;    // "picqer POST /api/v1/orders" per engine exchange, in order
  std::vector<std::string> errors;      // scenario actions the fakes refused
  int64_t crashes = 0;                  // injected crashes that happened (not engine.crash events)
  int64_t store_writes = 0;             // state-store writes attempted
  int64_t store_failures = 0;           // engine stops on a refused write
};

// Fault rules added to the fakes before the engine starts, on top of the scenario's own, and
// a store write to refuse (failing_store.h; 0: none).
struct ExtraFaults {
  std::vector<fakes::FaultRule> lightspeed, picqer;
  int64_t fail_store_write = 0;
};

// Opens the run's durable store, at the start and after every crash, as a new process would.
using StoreOpener = std::function<std::unique_ptr<StateStore>()>;
// A fresh, empty durable store for one run called `name`, and how to remove it afterwards.
struct FreshStore {
  StoreOpener open;
  std::function<void()> remove;
};
using StoreMaker = std::function<FreshStore(const std::string& name)>;
// SQLite: a database file per run under `dir`.
StoreMaker sqlite_stores(const std::string& dir);

// One run; `db_path` must not exist yet (the run creates it).
CrashRun run_with_crashes(const scenario::Scenario& s, const std::vector<CrashPoint>& crashes,
                          const std::string& db_path, const ExtraFaults& faults = {});
// One run on a store of any kind; `name` names its trace (LPSYNC_CRASH_TRACE_DIR).
CrashRun run_with_store(const scenario::Scenario& s, const std::vector<CrashPoint>& crashes, const std::string& name,
                        const StoreOpener& open, const ExtraFaults& faults = {});
// The same run on the in-memory store, without crashes.
CrashRun run_in_memory(const scenario::Scenario& s);

struct SweepResult {
  int64_t steps = 0;           // engine exchanges of the crash-free run
  int64_t points_checked = 0;  // crash runs compared with it
  std::vector<std::string> failures;  // one paragraph per crash point that ended differently
};

// Crashes at every step in `steps` (all of them when empty) at both moments, on SQLite.
SweepResult sweep(const scenario::Scenario& s, const std::string& work_dir, const std::vector<int64_t>& steps = {});
// The same on the stores `make` gives (e.g. PostgreSQL, tests/crash/pg_crash_points_test.cc).
SweepResult sweep_on(const scenario::Scenario& s, const StoreMaker& make, const std::vector<int64_t>& steps = {});
// Refuses each store write in turn (as a full disk would): the engine stops on it and is
// started again; every run must end like the undisturbed one. `steps` counts store writes.
SweepResult sweep_store_failures(const scenario::Scenario& s, const std::string& work_dir);

// Loads tests/crash/scenarios/NAME.json from the runfiles (or a path as given).
scenario::Scenario load_crash_scenario(const std::string& name);
// A directory under $TEST_TMPDIR for this run's databases, created empty.
std::string work_dir(const std::string& name);

}  // namespace lpsync::crash
