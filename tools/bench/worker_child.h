// A `lpsync worker` process started by `bench --fleet` (tools/process/child.h): the binary that
// runs the bench (it is lpsync), its stderr (the JSON log) in a file that the bench reads as it
// grows.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tools/process/child.h"

namespace lpsync::bench {

class WorkerChild {
 public:
  // Runs `binary worker <args>` with stdin and stdout on /dev/null, stderr to `log_file`.
  WorkerChild(const std::string& binary, const std::vector<std::string>& args, std::string log_file);

  pid_t pid() const { return child_.pid(); }
  bool running() { return !child_.poll().has_value(); }
  void kill_now() { child_.kill_now(); }
  bool stop(double seconds);                         // SIGTERM; true when it ended within `seconds`
  double cpu_seconds() { return child_.cpu_seconds(); }  // user + system so far (0 once ended)

  // Reads the log lines written since the last call.
  void read_log();
  // Connections it logged `connection_started` for (after read_log).
  const std::set<int64_t>& started() const { return started_; }
  // How many lines of `event` it logged (after read_log).
  int64_t count(const std::string& event) const;

 private:
  std::string log_file_;
  process::Child child_;
  std::streamoff offset_ = 0;
  std::string partial_;
  std::set<int64_t> started_;
  std::map<std::string, int64_t> events_;
};

// Polls `done` every 50 ms for up to `seconds` of wall time; true once it holds.
inline bool wait_until(const std::function<bool()>& done, double seconds) {
  return process::eventually(done, seconds, 50);
}

}  // namespace lpsync::bench
