// lpsync bench [--quick] [--json FILE]
#include <fstream>
#include <ostream>

#include "tools/bench/run_bench.h"
#include "tools/command.h"

namespace lpsync::cli {

int run_bench_command(const Args& args, std::ostream& out, std::ostream& err) {
  bench::BenchOptions options;
  options.quick = args.has("quick");
  std::ofstream json;
  if (auto path = args.value("json")) {
    json.open(*path);
    if (!json) {
      err << "lpsync bench: cannot write " << *path << "\n";
      return kExitUsage;
    }
  }
  bench::Figures figures = bench::run_bench(options, err);
  figures.print(out);
  if (json.is_open()) json << boost::json::serialize(figures.json()) << "\n";
  return kExitOk;
}

}  // namespace lpsync::cli
