#include "tools/process/child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "engine/env/clock.h"

extern char** environ;

namespace lpsync::process {
namespace {

// In the child, between fork and exec: only async-signal-safe calls.
void redirect(int fd, const std::string& file, bool close_it) {
  if (close_it) {
    ::close(fd);
    return;
  }
  int to = ::open(file.empty() ? "/dev/null" : file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (to < 0) ::_exit(126);
  if (to != fd) {
    ::dup2(to, fd);
    ::close(to);
  }
}

int code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

Child::Child(const ChildOptions& options, const std::vector<std::string>& args) {
  std::string binary = options.binary;
  std::vector<std::string> copy = args;
  std::vector<char*> argv{binary.data()};
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The environment is made before fork: the child may only make async-signal-safe calls.
  std::vector<std::string> env_copy = options.env;
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  for (auto& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("cannot start " + binary + ": fork failed");
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

Child::~Child() { kill_now(); }

std::optional<int> Child::poll() {
  if (code_) return code_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) code_ = code_of(status);
  return code_;
}

std::optional<int> Child::wait(double seconds) {
  eventually([this] { return poll().has_value(); }, seconds);
  return code_;
}

void Child::signal(int sig) {
  if (!code_) ::kill(pid_, sig);
}

void Child::kill_now() {
  if (poll()) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  code_ = code_of(status);
}

bool Child::wait_stopped(double seconds) {
  bool stopped = false;
  eventually(
      [&] {
        int status = 0;
        if (code_) return true;
        pid_t r = ::waitpid(pid_, &status, WNOHANG | WUNTRACED);
        if (r == pid_ && WIFSTOPPED(status)) stopped = true;
        if (r == pid_ && !WIFSTOPPED(status)) code_ = code_of(status);
        return stopped;
      },
      seconds);
  return stopped;
}

double Child::cpu_seconds() {
  if (poll()) return 0;
  std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The fields after the command name (in parentheses, which may hold spaces): utime and
  // stime are the 12th and 13th of them.
  size_t close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 1; i <= 13 && fields >> field; ++i) {
    if (i >= 12) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

bool eventually(const std::function<bool()>& done, double seconds, int every_ms) {
  SystemClock wall;
  Instant until = wall.now() + Duration::millis(static_cast<int64_t>(seconds * 1000));
  while (!done()) {
    if (wall.now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(every_ms));  // polling a condition, not waiting for time
  }
  return true;
}

std::string self_binary() {
  char path[4096];
  ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) throw std::runtime_error("cannot read /proc/self/exe");
  return std::string(path, static_cast<size_t>(n));
}

}  // namespace lpsync::process
