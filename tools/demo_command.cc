#include <ostream>

#include "tools/command.h"

namespace lpsync::cli {

int run_demo(const Args& args, std::ostream& out, std::ostream& err) {
  err << "lpsync demo: the sync engine is not built yet, so there is nothing to demonstrate.\n"
         "It arrives with the engine (issue 5); until then `./test` runs what exists.\n";
  return kExitUsage;
}

}  // namespace lpsync::cli
