// Reads `timeline`: events of the form {"at": TIME, "<action>": {arguments}} with exactly one
// action, kept in file order. Throws json::Error.
#pragma once

#include <vector>

#include "tools/scenario/actions.h"
#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {

std::vector<Event> read_timeline(const Reader& r, Instant start);

}  // namespace lpsync::scenario
