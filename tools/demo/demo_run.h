// Runs the built-in demo day and tells it: the story as it happens, then what is left for
// the merchant to do and a one-line summary.
#pragma once

#include <ostream>

namespace lpsync::demo {

// Returns 0 when the day ran as designed. `trace`, when given, receives the full trace
// (one JSON line per HTTP exchange and engine decision).
int run_demo(std::ostream& out, std::ostream& err, std::ostream* trace = nullptr);

}  // namespace lpsync::demo
