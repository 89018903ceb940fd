#include "tools/bench/machine.h"

#include <fstream>
#include <thread>

#include "engine/env/clock.h"

namespace lpsync::bench {

std::string machine_description() {
  std::ifstream cpu("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(cpu, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return std::to_string(std::thread::hardware_concurrency()) + " cores, " + model;
}

Figures figures_of_today(std::string mode) {
  Figures out;
  out.mode = std::move(mode);
  out.date = format_iso8601(SystemClock().now()).substr(0, 10);
  out.machine = machine_description();
  return out;
}

}  // namespace lpsync::bench
