// Wall time for reports and benchmarks ("24h simulated in 0.4 s"). Never used for a
// decision: the engine and the fakes read time only from a Clock.
#pragma once

#include <chrono>

namespace lpsync {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  void restart() { start_ = std::chrono::steady_clock::now(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace lpsync
