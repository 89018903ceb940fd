#include <fstream>
#include <ostream>

#include "tools/scenario/scenario_writer.h"

#include "tools/command.h"
#include "tools/demo/demo_run.h"
#include "tools/demo/demo_scenario.h"

namespace lpsync::cli {

int run_demo(const Args& args, std::ostream& out, std::ostream& err) {
  if (auto path = args.value("write-scenario")) {
    std::ofstream file(*path);
    file << scenario::write_scenario(demo::demo_scenario());
    if (!file) {
      err << "lpsync demo: cannot write " << *path << "\n";
      return kExitUsage;
    }
    out << "The demo day is in " << *path << "; replay it with: lpsync replay " << *path << "\n";
    return kExitOk;
  }
  std::ofstream trace;
  if (auto path = args.value("trace")) {
    trace.open(*path);
    if (!trace) {
      err << "lpsync demo: cannot write the trace to " << *path << "\n";
      return kExitUsage;
    }
  }
  return demo::run_demo(out, err, trace.is_open() ? &trace : nullptr) == 0 ? kExitOk : kExitFailed;
}

}  // namespace lpsync::cli
