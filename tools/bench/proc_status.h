// The memory of a process as /proc/PID/status tells it, in kB (0 when unreadable); pid 0 is
// this process.
#pragma once

#include <cstdint>

namespace lpsync::bench {

// Its resident set now (VmRSS).
int64_t resident_kb(int pid = 0);
// Its peak resident set so far (VmHWM).
int64_t peak_resident_kb(int pid = 0);

}  // namespace lpsync::bench
