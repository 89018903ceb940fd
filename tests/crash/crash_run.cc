#include "tests/crash/crash_run.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "engine/state/sqlite_state_store.h"
#include "tests/crash/failing_store.h"
#include "tests/crash/final_state.h"
#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/sim/world.h"

namespace lpsync::crash {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<StateStore> open_or_throw(const std::string& path) {
  // A simulated crash kills the process, not the machine: commits need not reach the
  // platter, only the operating system.
  auto opened = SqliteStateStore::open(path, {SqliteOptions::Durability::process});
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(opened.value().store);
}

CrashRun run(const scenario::Scenario& s, const std::vector<CrashPoint>& crashes, const std::string& name,
             const StoreOpener* open, const ExtraFaults& faults) {
  CrashRun out;
  auto writes = std::make_shared<WriteFailure>();
  writes->fail_at = faults.fail_store_write;
  scenario::RunOptions options;
  // LPSYNC_CRASH_TRACE_DIR=DIR writes each run's trace to DIR/<database name>.jsonl.
  std::ofstream trace;
  if (const char* trace_dir = std::getenv("LPSYNC_CRASH_TRACE_DIR"); trace_dir && open) {
    trace.open(std::string(trace_dir) + "/" + name + ".jsonl");
    options.trace_out = &trace;
  }
  options.observe = [&](const boost::json::object& line) {
    if (auto http = line.if_contains("http")) {
      out.requests.push_back(std::string(http->as_string()) + " " + std::string(line.at("method").as_string()) + " " +
                             std::string(line.at("target").as_string()));
    }
  };
  options.before_start = [&](sim::World& w) {
    writes->counts = [&w] { return !w.merchant_acting(); };
    if (open) {
      w.open_store_with([open = *open, writes] {
        return std::unique_ptr<StateStore>(std::make_unique<FailingStore>(open(), writes));
      });
    }
    for (const auto& c : crashes) w.crash_at_request(c.request, c.moment);
    for (const auto& f : faults.lightspeed) w.lightspeed().faults().add(f);
    for (const auto& f : faults.picqer) w.picqer().add_fault(f);
  };
  options.after_run = [&](sim::World& w) {
    out.state = final_state(w);
    out.violations = at_most_once_violations(w);
    out.crashes = w.injected_crashes();
    out.store_failures = w.store_failures();
    out.store_writes = writes->writes;
  };
  auto result = scenario::run_scenario(s, options);
  out.errors = result.errors;
  return out;
}

}  // namespace

std::string describe(const CrashPoint& p) {
  return "crash " + std::string(sim::to_string(p.moment)) + " of step " + std::to_string(p.request);
}

StoreMaker sqlite_stores(const std::string& dir) {
  return [dir](const std::string& name) {
    std::string path = dir + "/" + name + ".db";
    return FreshStore{[path] { return open_or_throw(path); },
                      [path] {
                        for (const char* suffix : {"", "-wal", "-shm", ".lock"}) fs::remove(path + suffix);
                      }};
  };
}

CrashRun run_with_crashes(const scenario::Scenario& s, const std::vector<CrashPoint>& crashes,
                          const std::string& db_path, const ExtraFaults& faults) {
  StoreOpener open = [db_path] { return open_or_throw(db_path); };
  return run(s, crashes, fs::path(db_path).stem().string(), &open, faults);
}

CrashRun run_with_store(const scenario::Scenario& s, const std::vector<CrashPoint>& crashes, const std::string& name,
                        const StoreOpener& open, const ExtraFaults& faults) {
  return run(s, crashes, name, &open, faults);
}

CrashRun run_in_memory(const scenario::Scenario& s) { return run(s, {}, "memory", nullptr, {}); }

SweepResult sweep(const scenario::Scenario& s, const std::string& dir, const std::vector<int64_t>& steps) {
  return sweep_on(s, sqlite_stores(dir), steps);
}

SweepResult sweep_on(const scenario::Scenario& s, const StoreMaker& make, const std::vector<int64_t>& steps) {
  SweepResult result;
  FreshStore base = make("baseline");
  CrashRun baseline = run_with_store(s, {}, "baseline", base.open);
  result.steps = static_cast<int64_t>(baseline.requests.size());
  if (!baseline.errors.empty()) {
    result.failures.push_back(s.name + ": the scenario is invalid: " + baseline.errors.front());
    return result;
  }
  if (!baseline.violations.empty()) {
    result.failures.push_back(s.name + ": the crash-free run already breaks at-most-once: " + baseline.violations.front());
  }
  std::vector<int64_t> chosen = steps;
  if (chosen.empty()) {
    for (int64_t k = 1; k <= result.steps; ++k) chosen.push_back(k);
  }
  for (int64_t k : chosen) {
    for (auto moment : {sim::CrashMoment::before_response, sim::CrashMoment::after_response}) {
      CrashPoint point{k, moment};
      std::string name = std::to_string(k) + "-" + std::string(sim::to_string(moment));
      FreshStore store = make(name);
      CrashRun crashed = run_with_store(s, {point}, name, store.open);
      ++result.points_checked;
      std::string problems;
      if (crashed.crashes != 1) problems += "  the crash did not happen (" + std::to_string(crashed.crashes) + ")\n";
      for (const auto& v : crashed.violations) problems += "  at most once: " + v + "\n";
      std::string d = diff(baseline.state, crashed.state);
      if (!d.empty()) problems += "  final state differs from the crash-free run (- expected, + actual):\n" + d;
      if (!problems.empty()) {
        std::string step = k <= result.steps ? baseline.requests[static_cast<size_t>(k - 1)] : "?";
        result.failures.push_back(s.name + ": " + describe(point) + " (" + step + "):\n" + problems);
      }
      store.remove();
    }
  }
  base.remove();
  return result;
}

SweepResult sweep_store_failures(const scenario::Scenario& s, const std::string& dir) {
  SweepResult result;
  CrashRun baseline = run_with_crashes(s, {}, dir + "/baseline.db");
  result.steps = baseline.store_writes;
  for (int64_t k = 1; k <= result.steps; ++k) {
    std::string db = dir + "/write-" + std::to_string(k) + ".db";
    ExtraFaults refuse;
    refuse.fail_store_write = k;
    CrashRun r = run_with_crashes(s, {}, db, refuse);
    ++result.points_checked;
    std::string problems;
    if (r.store_failures != 1) problems += "  the engine did not stop on the refused write\n";
    for (const auto& v : r.violations) problems += "  at most once: " + v + "\n";
    std::string d = diff(baseline.state, r.state);
    if (!d.empty()) problems += "  final state differs from the undisturbed run (- expected, + actual):\n" + d;
    if (!problems.empty()) {
      result.failures.push_back(s.name + ": store write " + std::to_string(k) + " refused:\n" + problems);
    }
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) fs::remove(db + suffix);
  }
  return result;
}

scenario::Scenario load_crash_scenario(const std::string& name) {
  std::string file = name;
  if (!fs::exists(file)) {
    // Under `bazel test` the runfiles are in TEST_SRCDIR; under `bazel run` beside the binary.
    const char* srcdir = std::getenv("TEST_SRCDIR");
    const char* workspace = std::getenv("TEST_WORKSPACE");
    std::error_code ec;
    fs::path runfiles = srcdir ? fs::path(srcdir) : fs::path(fs::read_symlink("/proc/self/exe", ec).string() + ".runfiles");
    fs::path root = runfiles / (workspace ? workspace : "lpsync");
    file = (root / "tests/crash/scenarios" / (name + ".json")).string();
  }
  auto parsed = scenario::load_scenario_file(file);
  if (!parsed) throw std::runtime_error(file + ": " + parsed.error().to_string());
  return parsed.scenario();
}

std::string work_dir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(tmp ? tmp : "/tmp") / ("crash-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace lpsync::crash
