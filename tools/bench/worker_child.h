// A `lpsync worker` process started by `bench --fleet`: the binary that runs the bench (it is
// lpsync), its stderr (the JSON log) in a file that the bench reads as it grows.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace lpsync::bench {

// The path of the running binary (/proc/self/exe resolved).
std::string self_binary();

class WorkerChild {
 public:
  // Runs `binary worker <args>` with stdin and stdout on /dev/null, stderr to `log_file`.
  WorkerChild(const std::string& binary, const std::vector<std::string>& args, std::string log_file);
  ~WorkerChild();  // kills it (SIGKILL) if it still runs
  WorkerChild(const WorkerChild&) = delete;
  WorkerChild& operator=(const WorkerChild&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void kill_now();                  // SIGKILL, then reaped
  bool stop(double seconds);        // SIGTERM; true when it ended within `seconds`
  double cpu_seconds() const;       // user + system so far, from /proc (0 once reaped)

  // Reads the log lines written since the last call.
  void read_log();
  // Connections it logged `connection_started` for (after read_log).
  const std::set<int64_t>& started() const { return started_; }
  // How many lines of `event` it logged (after read_log).
  int64_t count(const std::string& event) const;

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::string log_file_;
  std::streamoff offset_ = 0;
  std::string partial_;
  std::set<int64_t> started_;
  std::map<std::string, int64_t> events_;
};

// Polls `done` every 50 ms for up to `seconds` of wall time; true once it holds.
bool wait_until(const std::function<bool()>& done, double seconds);

}  // namespace lpsync::bench
