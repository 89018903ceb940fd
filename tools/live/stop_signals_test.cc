// StopSignals' pipe never takes the numbers of stdin, stdout or stderr: in a process
// started with those closed, a log line written to "stderr" must not read as a stop request.
#include "tools/live/stop_signals.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace lpsync::live {
namespace {

TEST(StopSignals, ALogLineOnAClosedStderrIsNotAStopRequest) {
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(1);
    ::close(2);
    std::atomic<int> stops{0};
    {
      StopSignals signals([&] { ++stops; });
      const char line[] = "{\"event\":\"started\"}\n";
      [[maybe_unused]] ssize_t a = ::write(1, line, std::strlen(line));
      [[maybe_unused]] ssize_t b = ::write(2, line, std::strlen(line));
    }  // the watcher has read everything written before it is joined
    ::_exit(stops == 0 ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "a write to descriptor 1 or 2 was taken for a stop signal";
}

TEST(StopSignals, SigtermCallsOnStop) {
  std::atomic<int> stops{0};
  {
    StopSignals signals([&] { ++stops; });
    ::raise(SIGTERM);
  }
  EXPECT_EQ(stops, 1);
}

}  // namespace
}  // namespace lpsync::live
