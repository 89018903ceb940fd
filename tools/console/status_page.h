// The console's page of one connection (issue 19): what `lpsync status` says, as a page: the
// orders imported (the latest listed), held orders with their reason and age, orders that need
// a person and why, products linked and shipments sent, the bulk import's progress. From the
// state's status document (tools/live/status_run.h); nothing personal beyond order numbers.
#pragma once

#include <string>

#include "engine/env/time.h"
#include "tools/live/status_run.h"

namespace lpsync::console {

std::string status_html(const std::string& name, const live::StatusRead& status, Instant now);

}  // namespace lpsync::console
