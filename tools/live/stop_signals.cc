#include "tools/live/stop_signals.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace lpsync::live {
namespace {

int pipe_fds[2] = {-1, -1};

void on_signal(int) {
  char c = 's';
  int saved = errno;
  [[maybe_unused]] ssize_t n = ::write(pipe_fds[1], &c, 1);
  errno = saved;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  if (pipe_fds[0] != -1) throw std::logic_error("StopSignals: one at a time");
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("StopSignals: cannot create a pipe");
  // Never on 0-2: in a process started with stdout or stderr closed the pipe would get
  // those numbers, and every log line would be read as a stop request.
  for (int& fd : pipe_fds) {
    if (fd > 2) continue;
    int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (moved < 0) throw std::runtime_error("StopSignals: cannot move the pipe above descriptor 2");
    ::close(fd);
    fd = moved;
  }
  watcher_ = std::thread([this] {
    char c = 0;
    while (true) {
      ssize_t n = ::read(pipe_fds[0], &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0 || c == 'q') return;
      if (on_stop_) on_stop_();
    }
  });
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &old_int_);
  sigaction(SIGTERM, &action, &old_term_);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  char c = 'q';
  [[maybe_unused]] ssize_t n = ::write(pipe_fds[1], &c, 1);
  watcher_.join();
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  pipe_fds[0] = pipe_fds[1] = -1;
}

}  // namespace lpsync::live
