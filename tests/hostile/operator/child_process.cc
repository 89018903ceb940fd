#include "tests/hostile/operator/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <thread>

#include "engine/env/clock.h"

namespace lpsync::testing {
namespace {

// In the child, between fork and exec: only async-signal-safe calls.
void redirect(int fd, const std::string& file, bool close_it) {
  if (close_it) {
    ::close(fd);
    return;
  }
  int to = ::open(file.empty() ? "/dev/null" : file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (to < 0) ::_exit(126);
  if (to != fd) {
    ::dup2(to, fd);
    ::close(to);
  }
}

}  // namespace

std::string lpsync_binary() {
  const char* root = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (!root || !workspace) throw std::runtime_error("TEST_SRCDIR/TEST_WORKSPACE not set: run under bazel test");
  return std::string(root) + "/" + workspace + "/tools/lpsync";
}

Child::Child(const std::vector<std::string>& args, const ChildOptions& options) {
  std::string binary = lpsync_binary();
  std::vector<char*> argv;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int null_in = ::open("/dev/null", O_RDONLY);
    if (null_in > 0) {
      ::dup2(null_in, 0);
      ::close(null_in);
    }
    redirect(1, options.out_file, options.close_stdout);
    redirect(2, options.err_file, options.close_stderr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
}

Child::~Child() {
  if (!poll()) {
    signal(SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::optional<int> Child::poll() {
  if (code_) return code_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return code_;
}

std::optional<int> Child::wait(double seconds) {
  eventually([this] { return poll().has_value(); }, seconds);
  return code_;
}

void Child::signal(int sig) {
  if (!code_) ::kill(pid_, sig);
}

bool eventually(const std::function<bool()>& done, double seconds) {
  SystemClock wall;
  Instant until = wall.now() + Duration::millis(static_cast<int64_t>(seconds * 1000));
  while (!done()) {
    if (wall.now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // polling a condition, not waiting for time
  }
  return true;
}

}  // namespace lpsync::testing
