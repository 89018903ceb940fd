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

std::string runfile(const std::string& path) {
  const char* root = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (!root || !workspace) throw std::runtime_error("TEST_SRCDIR/TEST_WORKSPACE not set: run under bazel test");
  return std::string(root) + "/" + workspace + "/" + path;
}

std::string lpsync_binary() { return runfile("tools/lpsync"); }

Child::Child(const std::vector<std::string>& args, const ChildOptions& options) {
  std::string binary = options.binary.empty() ? lpsync_binary() : options.binary;
  std::vector<char*> argv;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The environment is made before fork: the child may only make async-signal-safe calls.
  std::vector<std::string> env_copy = options.env;
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  for (auto& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);
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
    ::execve(binary.c_str(), argv.data(), envp.data());
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

bool Child::wait_stopped(double seconds) {
  bool stopped = false;
  eventually(
      [&] {
        int status = 0;
        if (code_) return true;
        pid_t r = ::waitpid(pid_, &status, WNOHANG | WUNTRACED);
        if (r == pid_ && WIFSTOPPED(status)) stopped = true;
        if (r == pid_ && !WIFSTOPPED(status)) code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return stopped;
      },
      seconds);
  return stopped;
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
