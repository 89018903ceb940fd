// The exhaustive crash-point sweep: every HTTP exchange of every scenario in
// tests/crash/scenarios (and of any scenario file given as an argument), a crash before and
// after each answer, a restart on the same SQLite database, and the crash-free end state
// with nothing created twice; then every state-store write of each, refused as by a full
// disk. Prints each scenario's counts and the totals.
//
//   bazel run //tests/crash:exhaustive                      # prints as it goes
//   bazel run //tests/crash:exhaustive -- $PWD/scenarios/x.json
//   bazel test //tests/crash:exhaustive --test_output=all   # the same, as a (manual) test
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "engine/env/stopwatch.h"
#include "tests/crash/crash_run.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> crash_scenarios() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  std::error_code ec;
  fs::path runfiles = srcdir ? fs::path(srcdir) : fs::path(fs::read_symlink("/proc/self/exe", ec).string() + ".runfiles");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  fs::path dir = runfiles / (workspace ? workspace : "lpsync") / "tests/crash/scenarios";
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", s);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lpsync;
  std::vector<std::string> files = crash_scenarios();
  for (int i = 1; i < argc; ++i) files.push_back(argv[i]);
  Stopwatch total;
  int64_t points = 0, writes = 0, failed = 0;
  for (const auto& file : files) {
    Stopwatch watch;
    scenario::Scenario s = crash::load_crash_scenario(file);
    crash::SweepResult r = crash::sweep(s, crash::work_dir(s.name));
    points += r.points_checked;
    failed += static_cast<int64_t>(r.failures.size());
    for (const auto& f : r.failures) std::cout << "FAIL " << f << "\n";
    std::cout << (r.failures.empty() ? "PASS " : "FAIL ") << s.name << ": " << r.points_checked
              << " crash points (" << r.steps << " steps x 2 moments), " << r.failures.size() << " failed, "
              << seconds(watch.seconds()) << std::endl;
    watch.restart();
    crash::SweepResult w = crash::sweep_store_failures(s, crash::work_dir(s.name + "-writes"));
    writes += w.points_checked;
    failed += static_cast<int64_t>(w.failures.size());
    for (const auto& f : w.failures) std::cout << "FAIL " << f << "\n";
    std::cout << (w.failures.empty() ? "PASS " : "FAIL ") << s.name << ": " << w.points_checked
              << " refused store writes, " << w.failures.size() << " failed, " << seconds(watch.seconds())
              << std::endl;
  }
  std::cout << "exhaustive crash sweep: " << points << " crash points and " << writes
            << " refused store writes checked over " << files.size() << " scenarios in " << seconds(total.seconds())
            << ": "
            << (failed == 0 ? "every one recovered to the crash-free end" : std::to_string(failed) + " failed")
            << std::endl;
  return failed == 0 ? 0 : 1;
}
