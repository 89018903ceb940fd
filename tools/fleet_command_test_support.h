// What the tests of the fleet commands (connections, migrate-state) share: running a command
// in-process, and one throwaway PostgreSQL per test suite (tools/pg/postgres_suite.h).
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tools/command.h"
#include "tools/pg/postgres_suite.h"

namespace lpsync::cli {

struct Outcome {
  int status;
  std::string out, err;
};

inline Outcome run(const std::vector<std::string>& argv) {
  std::ostringstream out, err;
  int status = run_lpsync(argv, out, err);
  return {status, out.str(), err.str()};
}

using WithPostgres = PostgresSuite;

}  // namespace lpsync::cli
