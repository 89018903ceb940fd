// Runs work in a forked child process, so that its peak memory and its RapidCheck state
// are its own. The child reports one number back through a pipe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace lpsync::bench {

// Not Result<T, Kind>: what a child reported, not a value-or-error (a failed child is nullopt).
struct ChildResult {
  int64_t value = 0;         // what `work` returned
  int64_t peak_rss_kb = 0;   // the child's peak resident set size
};

// nullopt when the child could not be started or did not report.
std::optional<ChildResult> run_in_child(const std::function<int64_t()>& work);
// `n` children at once, child i running work(i); the results in order.
std::vector<std::optional<ChildResult>> run_in_children(int n, const std::function<int64_t(int)>& work);

}  // namespace lpsync::bench
