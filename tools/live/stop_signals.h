// SIGINT and SIGTERM ask a running command to stop: while a StopSignals exists, either
// signal calls `on_stop` from a helper thread (never from the signal handler itself, which
// may only write to a pipe), so the callback may take locks, e.g. SystemClock::stop(), which
// lets the request in flight finish. The previous handlers come back when it is destroyed.
// One at a time per process.
#pragma once

#include <csignal>
#include <functional>
#include <thread>

namespace lpsync::live {

class StopSignals {
 public:
  explicit StopSignals(std::function<void()> on_stop);
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  std::function<void()> on_stop_;
  std::thread watcher_;
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

}  // namespace lpsync::live
