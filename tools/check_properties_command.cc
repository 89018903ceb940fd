// lpsync check-properties: a long sweep of the property tests, with figures.
#include <rapidcheck.h>

#include <cstdio>
#include <ostream>

#include "engine/env/stopwatch.h"
#include "tools/command.h"
#include "tools/properties/property.h"

namespace lpsync::cli {

int run_check_properties(const Args& args, std::ostream& out, std::ostream& err) {
  int seeds = 0;
  uint64_t seed = 1;
  try {
    seeds = std::stoi(args.value_or("seeds", "1000"));
    seed = std::stoull(args.value_or("seed", "1"));
  } catch (const std::exception&) {
    err << "lpsync check-properties: --seeds and --seed take whole numbers\n";
    return kExitUsage;
  }
  if (seeds <= 0) {
    err << "lpsync check-properties: --seeds must be at least 1\n";
    return kExitUsage;
  }
  std::string only = args.value_or("property", "");
  std::vector<properties::Property> chosen;
  for (auto p : properties::all_properties()) {
    if (only.empty() || properties::name_of(p) == only) chosen.push_back(p);
  }
  if (chosen.empty()) {
    err << "lpsync check-properties: unknown property \"" << only << "\"; known:";
    for (auto p : properties::all_properties()) err << " " << properties::name_of(p);
    err << "\n";
    return kExitUsage;
  }
  out << "Checking " << chosen.size() << " properties with " << seeds << " histories each (seed " << seed
      << "); counterexamples go to " << properties::counterexample_dir() << "\n";
  bool all_passed = true;
  Stopwatch total;
  for (auto p : chosen) {
    rc::detail::TestParams params;
    params.seed = seed;
    params.maxSuccess = seeds;
    params.maxSize = 100;
    rc::detail::TestMetadata meta{properties::name_of(p), properties::name_of(p)};
    Stopwatch watch;
    auto result = rc::detail::checkTestable([p] { properties::check(p); }, meta, params);
    double seconds = watch.seconds();
    char line[160];
    std::snprintf(line, sizeof line, "%-18s %s in %.1f s (%.0f histories/s)", properties::name_of(p).c_str(),
                  result.is<rc::detail::SuccessResult>() ? "passed" : "FAILED", seconds, seeds / seconds);
    out << line << "\n";
    if (!result.is<rc::detail::SuccessResult>()) {
      all_passed = false;
      rc::detail::printResultMessage(result, out);
      out << "\n";
    }
  }
  const auto& c = properties::coverage();
  double seconds = total.seconds();
  char summary[200];
  std::snprintf(summary, sizeof summary, "%lld histories in %.1f s: %.0f per second, %.0f per minute\n",
                static_cast<long long>(c.histories), seconds, c.histories / seconds, 60 * c.histories / seconds);
  out << summary;
  for (const auto& name : c.never_reached()) out << "  never reached: " << name << "\n";
  return all_passed && c.never_reached().empty() ? kExitOk : kExitFailed;
}

}  // namespace lpsync::cli
