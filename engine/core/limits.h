// Every cap of the engine's loops over remote pages, report lists and queues in one place
// (issue 14, item 12). Past a cap the engine reports one problem and goes on: it never hangs
// on a listing that does not end, and no list grows without bound. Page sizes are fixed by
// each API (engine/client/*_client.h); kMaxListPages, the Picqer client's own cap, is there.
#pragma once

#include <cstddef>

#include "engine/client/lightspeed_client.h"
#include "engine/client/picqer_client.h"

namespace lpsync {

inline constexpr size_t kMaxReportNotes = 200;      // Report::notes
inline constexpr size_t kMaxReportProblems = 200;   // Report::problems (distinct keys)
inline constexpr size_t kMaxReportImported = 1000;  // Report::imported (the newest are counted)

// Lightspeed listings (variants, products, orders) at 250 a page: 100 000 rows.
inline constexpr int kMaxLightspeedPages = 400;
// Ids waiting in one queue fed by webhooks (Picqer orders to check for shipments, Picqer
// products and shop variants whose stock is to be pushed). Past it the id is dropped and the
// job's next poll or full reconciliation covers it.
inline constexpr size_t kMaxQueued = 10'000;

// The caps the jobs read (Core::limits); a test lowers them to reach them with a small shop.
struct Limits {
  int lightspeed_pages = kMaxLightspeedPages;
  int picqer_pages = kMaxListPages;
  size_t queued = kMaxQueued;
};

}  // namespace lpsync
