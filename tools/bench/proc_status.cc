#include "tools/bench/proc_status.h"

#include <fstream>
#include <string>

namespace lpsync::bench {
namespace {

// "VmRSS:     1234 kB" -> 1234.
int64_t status_kb(int pid, const std::string& field) {
  std::ifstream status(pid == 0 ? std::string("/proc/self/status") : "/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::stoll(line.substr(field.size()));
  }
  return 0;
}

}  // namespace

int64_t resident_kb(int pid) { return status_kb(pid, "VmRSS:"); }

int64_t peak_resident_kb(int pid) { return status_kb(pid, "VmHWM:"); }

}  // namespace lpsync::bench
