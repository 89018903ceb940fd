// Descriptors 0, 1 and 2 are stdin, stdout and stderr to every library in the process.
// Started with one of them closed (`lpsync run >&- 2>&-`), the next file, socket or pipe
// the process makes would get that number, and a log line written to "stderr" would land
// in it: in the stop-signal pipe it read as a stop request. So main opens /dev/null onto
// any of them that is closed, before anything else makes a descriptor.
#pragma once

namespace lpsync::cli {

// Opens /dev/null (read-only for 0, write-only for 1 and 2) on each closed one of 0-2.
// False when that fails (no /dev/null): the caller must not go on.
bool open_standard_descriptors();

}  // namespace lpsync::cli
