// `lpsync worker`: what it refuses before it touches the database, each in words. (The
// worker at work: //tools/fleet:engine_host_test and //tests/fleet:fleet_simulation_test.)
#include <gtest/gtest.h>

#include "tools/fleet_command_test_support.h"

namespace lpsync::cli {
namespace {

struct Refusal {
  std::vector<std::string> flags;
  std::string says;
};

TEST(WorkerCommand, RefusesWhatCannotWorkAndSaysWhy) {
  std::vector<Refusal> refusals = {
      {{}, "--database is required"},
      {{"--database", "x", "--threads", "0"}, "expected a number from 1 to 256"},
      {{"--database", "x", "--lease-period", "soon"}, "expected a duration such as 30s"},
      {{"--database", "x", "--lease-period", "10s", "--longest-request", "6s"}, "at most half the lease period"},
      {{"--database", "x", "--listen", "0.0.0.0:8080"}, "--listen and --public-url go together"},
      {{"--database", "x", "--listen", "8080", "--public-url", "https://sync.example.com"}, "expected HOST:PORT"},
      {{"--database", "x", "--listen", "0.0.0.0:8080", "--public-url", "https://sync.example.com/hooks"},
       "without a path"},
      {{"--database", "env:LPSYNC_TEST_NO_SUCH_VARIABLE"}, "is not set"},
  };
  for (const auto& r : refusals) {
    std::vector<std::string> argv = {"worker"};
    argv.insert(argv.end(), r.flags.begin(), r.flags.end());
    Outcome o = run(argv);
    EXPECT_EQ(o.status, kExitUsage) << r.says;
    EXPECT_NE(o.err.find(r.says), std::string::npos) << "expected \"" << r.says << "\" in: " << o.err;
  }
}

}  // namespace
}  // namespace lpsync::cli
