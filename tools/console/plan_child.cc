#include "tools/console/plan_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

namespace lpsync::console {

std::string run_plan_child(const std::string& binary, const std::string& config_file, int seconds) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return "Could not start lpsync plan (no pipe).";
  // Its log (standard error) is kept aside: only its messages are shown, when it fails.
  std::FILE* log = std::tmpfile();
  pid_t pid = log ? ::fork() : -1;
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    if (log) std::fclose(log);
    return "Could not start lpsync plan (fork failed).";
  }
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(fds[1], 1);
    ::dup2(::fileno(log), 2);
    std::vector<const char*> argv{"lpsync", "plan", "--config", config_file.c_str(), nullptr};
    ::execv(binary.c_str(), const_cast<char* const*>(argv.data()));
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string out;
  constexpr int kSliceMs = 100;
  bool open = true, cut = false;
  // Bounded by slices of poll's own timeout: no clock is read.
  for (int slice = 0; open && slice < seconds * (1000 / kSliceMs); ++slice) {
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, kSliceMs) <= 0) continue;
    char buf[8192];
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) {
      open = false;
    } else if (out.size() < kMaxPlanOutput) {
      out.append(buf, static_cast<size_t>(n));
    } else {
      cut = true;
    }
  }
  ::close(fds[0]);
  if (open) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::fclose(log);
    return out + "\n(lpsync plan did not finish within " + std::to_string(seconds) +
           " s and was stopped: run it on the command line to see all: lpsync plan --config " + config_file + ")\n";
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    // Its messages ("lpsync plan: ..."), not the JSON log lines.
    std::rewind(log);
    char line[4096];
    for (size_t n = 0; n < kMaxPlanOutput && std::fgets(line, sizeof line, log);) {
      if (line[0] == '{') continue;
      out += line;
      n += std::char_traits<char>::length(line);
    }
  }
  std::fclose(log);
  if (cut) out += "\n(the rest is cut: run lpsync plan --config " + config_file + " to see all)\n";
  return out;
}

}  // namespace lpsync::console
