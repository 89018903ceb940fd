// The console's page of one connection (issue 19): what `lpsync status` says, as a page: the
// orders imported (the latest listed), held orders with their reason and age, orders that need
// a person and why, products linked and shipments sent, the bulk import's progress. From the
// state's status document (tools/live/status_run.h); nothing personal beyond order numbers.
// Its buttons post to /import-order and /import-products (console_app.cc).
#pragma once

#include <string>

#include "engine/env/time.h"
#include "tools/live/status_run.h"

namespace lpsync::console {

// What the page needs besides the status: the forms' CSRF token, and the outcome of the
// button pressed last (a command's answer, or that it is still under way).
struct StatusPageContext {
  std::string name;
  std::string csrf;
  std::string notice;  // "" none
  bool notice_ok = true;
  bool working = false;  // a command waits or runs: the page reloads itself
};

// The page's body. Held orders each get Import now; the bulk import a progress bar and the
// Import products button.
std::string status_html(const live::StatusRead& status, Instant now, const StatusPageContext& context);
// Whether the page shows work under way (a bulk import running): reload it.
bool status_shows_work(const live::StatusRead& status);

}  // namespace lpsync::console
