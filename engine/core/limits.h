// Every size cap of the engine's in-memory lists in one place (issue 14, item 12). Listing
// page caps of the API clients are next to their page sizes (engine/client/*_client.h).
#pragma once

#include <cstddef>

namespace lpsync {

inline constexpr size_t kMaxReportNotes = 200;     // Report::notes
inline constexpr size_t kMaxReportProblems = 200;  // Report::problems (distinct keys)

}  // namespace lpsync
