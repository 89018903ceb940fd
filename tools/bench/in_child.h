// Runs work in a forked child process, so that its peak memory and its RapidCheck state
// are its own. The child reports one number back through a pipe.
#pragma once

#include <sys/types.h>

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

// A child started and not waited for yet, for a parent with work of its own meanwhile (it
// must not throw out of `work`: the child would run on in the parent's code).
struct StartedChild {
  pid_t pid = -1;  // -1: it could not be started
  int fd = -1;     // where it reports
};
StartedChild start_child(const std::function<int64_t()>& work);
// Waits for it to end; nullopt as for run_in_child.
std::optional<ChildResult> finish_child(const StartedChild& child);

}  // namespace lpsync::bench
