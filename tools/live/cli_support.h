// What the live commands share on the command line: --config (read and checked, every
// problem printed), and the log format (--log-format json|text; default: text on a terminal).
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "tools/flags.h"
#include "tools/live/config.h"

namespace lpsync::live {

// nullopt after printing why to `err` (a missing --config, the file's problems, or more
// than `arguments` positional arguments).
std::optional<LiveConfig> config_from_args(const cli::Args& args, const std::string& command, std::ostream& err,
                                           const Environment& env = process_environment(), size_t arguments = 0);
// nullopt after printing why: --log-format is neither json nor text.
std::optional<bool> human_log_from_args(const cli::Args& args, const std::string& command, std::ostream& err);

}  // namespace lpsync::live
