// Keeping the catalogue current: a full scan of every variant (250 per page, resumable
// across runs), and an incremental refresh of the variants changed since the last one.
#pragma once

#include "engine/jobs/step.h"

namespace lpsync {

// Reads the next pages of a full scan; done when the scan is finished.
Step scan_catalog(Core& core, Backoff& backoff, Priority p);
// Reads the variants changed since the catalogue was last current.
Step refresh_catalog(Core& core, Backoff& backoff, Priority p);
// Reads one variant the catalogue does not know (e.g. on a new order line).
Step read_variant(Core& core, Backoff& backoff, Priority p, int64_t variant_id);

}  // namespace lpsync
