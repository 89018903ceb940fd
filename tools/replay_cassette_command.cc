// lpsync replay-cassette FILE: runs the engine again on a recorded live run's answers,
// strictly, and checks that it takes the recorded decisions (tools/live/replay_run.h).
#include <fstream>
#include <ostream>

#include "tools/command.h"
#include "tools/live/replay_run.h"

namespace lpsync::cli {

int run_replay_cassette(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().size() != 1) {
    err << "lpsync replay-cassette: name one cassette file (recorded with lpsync run --record FILE)\n";
    return kExitUsage;
  }
  const std::string& file = args.positional().front();
  auto loaded = live::load_cassette(file);
  if (!loaded.ok()) {
    err << "lpsync replay-cassette: " << loaded.error().message << "\n";
    return kExitUsage;
  }
  std::ofstream trace_file;
  if (auto path = args.value("trace")) {
    trace_file.open(*path);
    if (!trace_file) {
      err << "lpsync replay-cassette: cannot write the trace to " << *path << "\n";
      return kExitUsage;
    }
  }
  live::ReplayOutcome outcome = live::replay_cassette(loaded.value(), trace_file.is_open() ? &trace_file : nullptr);
  if (!outcome.same) {
    out << "FAIL " << file << ": " << outcome.failure << "\n";
    return kExitFailed;
  }
  out << "PASS " << file << ": " << outcome.exchanges << " exchanges, " << outcome.inbound << " webhooks, "
      << outcome.decisions << " decisions: the same decisions as the recorded run\n";
  return kExitOk;
}

}  // namespace lpsync::cli
