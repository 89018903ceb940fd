#include "tools/bench/in_child.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lpsync::bench {

StartedChild start_child(const std::function<int64_t()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return {};
  }
  if (pid == 0) {
    close(fds[0]);
    ChildResult r;
    r.value = work();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    r.peak_rss_kb = usage.ru_maxrss;
    ssize_t written = write(fds[1], &r, sizeof r);
    _exit(written == static_cast<ssize_t>(sizeof r) ? 0 : 1);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

std::optional<ChildResult> finish_child(const StartedChild& c) {
  if (c.pid < 0) return std::nullopt;
  ChildResult r;
  ssize_t got = read(c.fd, &r, sizeof r);
  close(c.fd);
  int status = 0;
  waitpid(c.pid, &status, 0);
  if (got != static_cast<ssize_t>(sizeof r) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return r;
}

std::optional<ChildResult> run_in_child(const std::function<int64_t()>& work) { return finish_child(start_child(work)); }

std::vector<std::optional<ChildResult>> run_in_children(int n, const std::function<int64_t(int)>& work) {
  std::vector<StartedChild> children;
  for (int i = 0; i < n; ++i) children.push_back(start_child([&work, i] { return work(i); }));
  std::vector<std::optional<ChildResult>> out;
  for (const auto& c : children) out.push_back(finish_child(c));
  return out;
}

}  // namespace lpsync::bench
