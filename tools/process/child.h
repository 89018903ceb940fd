// A program started as a child process, the way an operator or a service manager starts it:
// stdin on /dev/null, stdout and stderr in files (or closed, or /dev/null), extra environment
// variables, and bounded waits for it to end. Used by the fleet bench (`lpsync worker`
// processes) and by the tests that run the real binary.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lpsync::process {

struct ChildOptions {
  bool close_stdout = false;
  bool close_stderr = false;
  std::string out_file, err_file;  // where stdout and stderr go when open ("" = /dev/null)
  std::string binary;              // the program (required)
  std::vector<std::string> env;    // "NAME=value" added to this process's environment
};

class Child {
 public:
  // Starts `options.binary` with `args` (not counting argv[0]); throws when it cannot fork.
  Child(const ChildOptions& options, const std::vector<std::string>& args);
  ~Child();  // kills the child (SIGKILL) if it still runs
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // The exit code once it has ended (-1 for a signal), nullopt while it runs.
  std::optional<int> poll();
  // Waits (polling) up to `seconds` for it to end; its exit code, or nullopt.
  std::optional<int> wait(double seconds);
  void signal(int sig);
  // SIGKILL, then reaped.
  void kill_now();
  // True once the child has stopped (SIGSTOP), within `seconds`.
  bool wait_stopped(double seconds);
  // Its user + system CPU seconds so far, from /proc (0 once it has ended).
  double cpu_seconds();

 private:
  pid_t pid_ = -1;
  std::optional<int> code_;
};

// Polls `done` every `every_ms` for up to `seconds` of wall time; true once it holds. Polling
// a condition, not waiting for time.
bool eventually(const std::function<bool()>& done, double seconds, int every_ms = 5);

// The path of the running program (/proc/self/exe resolved).
std::string self_binary();

}  // namespace lpsync::process
