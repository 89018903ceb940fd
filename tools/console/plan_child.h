// The wizard's summary runs `lpsync plan --config FILE` as a child process of the console (the
// plan session takes the process's signals and clock for itself), with its output read back,
// bounded in size and time.
#pragma once

#include <string>

namespace lpsync::console {

inline constexpr size_t kMaxPlanOutput = 256 * 1024;
inline constexpr int kPlanSeconds = 180;

// `binary plan --config FILE`: its standard output and error (cut at kMaxPlanOutput), or why
// it did not finish (killed after `seconds`).
std::string run_plan_child(const std::string& binary, const std::string& config_file, int seconds = kPlanSeconds);

}  // namespace lpsync::console
