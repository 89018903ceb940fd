// lpsync bench [--quick] [--bulk N[,N...]] [--loopback-memory N] [--json FILE]; lpsync bench --fleet [--quick] [--connections N] [--json FILE]
#include <fstream>
#include <ostream>
#include <sstream>

#include "tools/bench/fleet_bench.h"
#include "tools/bench/run_bench.h"
#include "tools/command.h"

namespace lpsync::cli {

int run_bench_command(const Args& args, std::ostream& out, std::ostream& err) {
  bench::BenchOptions options;
  options.quick = args.has("quick");
  bench::FleetBenchOptions fleet;
  fleet.quick = options.quick;
  fleet.connections = options.quick ? bench::kQuickFleetConnections : bench::kFullFleetConnections;
  if (auto n = args.value("connections")) {
    int parsed = 0;
    try {
      parsed = std::stoi(*n);
    } catch (const std::exception&) {
    }
    if (!args.has("fleet") || parsed < 1 || parsed > 100000) {
      err << "lpsync bench: --connections " << *n << ": expected --fleet and a number from 1 to 100000.\n";
      return kExitUsage;
    }
    fleet.connections = parsed;
  }
  if (auto sizes = args.value("bulk")) {
    // --bulk N[,N...]: only the bulk-import figures at these sizes.
    std::stringstream list(*sizes);
    for (std::string item; std::getline(list, item, ',');) {
      int64_t n = 0;
      try {
        n = std::stoll(item);
      } catch (const std::exception&) {
      }
      if (n < 1 || n > 1'000'000 || args.has("fleet")) {
        err << "lpsync bench: --bulk " << *sizes << ": expected sizes from 1 to 1000000, without --fleet.\n";
        return kExitUsage;
      }
      options.bulk_only.push_back(n);
    }
  }
  if (auto n = args.value("loopback-memory")) {
    // --loopback-memory N: only the engine process importing N products over loopback HTTP.
    int64_t parsed = 0;
    try {
      parsed = std::stoll(*n);
    } catch (const std::exception&) {
    }
    if (parsed < 1 || parsed > 1'000'000 || args.has("fleet") || args.has("bulk")) {
      err << "lpsync bench: --loopback-memory " << *n << ": expected a size from 1 to 1000000, without --fleet or --bulk.\n";
      return kExitUsage;
    }
    options.loopback_memory = parsed;
  }
  std::ofstream json;
  if (auto path = args.value("json")) {
    json.open(*path);
    if (!json) {
      err << "lpsync bench: cannot write " << *path << "\n";
      return kExitUsage;
    }
  }
  bench::Figures figures;
  if (args.has("fleet")) {
    try {
      figures = bench::run_fleet_bench(fleet, err);
    } catch (const std::exception& e) {
      err << "lpsync bench --fleet: " << e.what() << "\n";
      return kExitFailed;
    }
  } else {
    figures = bench::run_bench(options, err);
  }
  figures.print(out);
  if (json.is_open()) json << boost::json::serialize(figures.json()) << "\n";
  return kExitOk;
}

}  // namespace lpsync::cli
