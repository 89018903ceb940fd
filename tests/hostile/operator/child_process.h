// The real lpsync binary (a data dependency of the test) started as a child process, the
// way an operator or a service manager starts it: with some standard descriptors closed if
// asked, its output in files, and bounded waits for it to end.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lpsync::testing {

// The path of the lpsync binary in the test's runfiles.
std::string lpsync_binary();
// The path of another binary of the workspace in the test's runfiles ("tests/fleet/x").
std::string runfile(const std::string& path);

struct ChildOptions {
  bool close_stdout = false;
  bool close_stderr = false;
  std::string out_file, err_file;  // where stdout and stderr go when open ("" = /dev/null)
  std::string binary;              // "" = lpsync_binary()
  std::vector<std::string> env;    // "NAME=value" added to the test's environment
};

class Child {
 public:
  Child(const std::vector<std::string>& args, const ChildOptions& options);
  ~Child();  // kills the child if it still runs
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // The exit code once it has ended (-1 for a signal), nullopt while it runs.
  std::optional<int> poll();
  // Waits (polling) up to `seconds` for it to end; its exit code, or nullopt.
  std::optional<int> wait(double seconds);
  void signal(int sig);
  // True once the child has stopped (SIGSTOP), within `seconds`.
  bool wait_stopped(double seconds);

 private:
  pid_t pid_ = -1;
  std::optional<int> code_;
};

// Polls `done` every few milliseconds for up to `seconds`; true once it holds.
bool eventually(const std::function<bool()>& done, double seconds);

}  // namespace lpsync::testing
