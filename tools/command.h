// The subcommands of `lpsync`. Each lives in its own file and registers itself in
// tools/commands.cc; main() dispatches by name.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "tools/flags.h"

namespace lpsync::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // ran, and something did not hold (e.g. an expectation)
inline constexpr int kExitUsage = 2;   // bad arguments, invalid input file, not available

struct Command {
  std::string name;
  std::string summary;     // one line for `lpsync --help`
  std::string arguments;   // e.g. "FILE..." for the usage line
  std::vector<FlagSpec> flags;
  int (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

const std::vector<Command>& commands();

// Entry point used by main() and by tests: argv without the program name.
int run_lpsync(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

}  // namespace lpsync::cli
