// Always-on checks of invariants and preconditions: LPSYNC_CHECK(cond, message) aborts the
// process with file:line, the condition and the message when `cond` is false, in every
// build (not only debug builds: a broken invariant in live mode must stop the engine before
// it writes on a wrong assumption; the state store resumes from the last commit).
//
// The message is a fixed description of what was expected, for a person reading the crash.
// It must never carry a secret (API key, token, signing secret): pass only literals, or
// numbers and names that appear in traces anyway.
#pragma once

#include <string_view>

namespace lpsync {

// Prints "lpsync: check failed at FILE:LINE: CONDITION: MESSAGE" to stderr and aborts.
[[noreturn]] void check_failed(std::string_view file, int line, std::string_view condition,
                               std::string_view message);

}  // namespace lpsync

#define LPSYNC_CHECK(cond, message)                                          \
  do {                                                                       \
    if (!(cond)) [[unlikely]] {                                              \
      ::lpsync::check_failed(__FILE__, __LINE__, #cond, (message));          \
    }                                                                        \
  } while (false)
