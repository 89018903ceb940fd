// The console's setup wizard (issue 19): Connect (keys checked live, the shop's and Picqer's
// names shown back), Configure (sync-rules section 1 with the safe defaults: nothing is
// written until activation; stock and shipments off), Summary (what `lpsync plan` says) and
// Activate webshop, then the reminder to switch on stock and shipments. It writes the
// connection's config file (mode 0600: it holds the keys) in the console's directory.
#pragma once

#include <functional>
#include <string>

#include "engine/env/http.h"
#include "tools/console/connection_pages.h"

namespace lpsync::console {


// GET /new: step 1's form.
Response wizard_start(const PageContext& c);
// POST /new: checks the keys live; writes the config and shows step 2, or step 1 again with
// what is wrong (the keys are never shown back: type them again).
Response wizard_connect(const PageContext& c, const QueryParams& form, Transport& http);
// POST /new/configure: saves the settings (not active yet), then step 3.
Response wizard_configure(const PageContext& c, const QueryParams& form);
// GET /new/summary?name=N: step 3, what plan says, and Activate webshop.
Response wizard_summary(const PageContext& c, const QueryParams& query, const PlanRunner& plan);
// POST /activate: the connection active (settings in the state, or for the running run).
Response wizard_activate(const PageContext& c, const QueryParams& form);

}  // namespace lpsync::console
