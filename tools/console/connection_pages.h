// The console's pages of one connection and their buttons (issue 19): its status with Import
// now and Import products, and its settings with the change log. Each takes what the request
// brought and gives the response; the session was checked before (console_app.cc).
#pragma once

#include <optional>
#include <string>

#include "engine/env/http.h"
#include "engine/env/time.h"
#include "tools/console/connection_source.h"
#include "tools/live/config.h"
#include "tools/live/status_run.h"

namespace lpsync::console {

// What a page of a logged-in user knows.
struct PageContext {
  ConnectionSource* source = nullptr;  // where the connections are
  std::string user;
  std::string csrf;
  Instant now;
};

inline constexpr int kRefreshSeconds = 2;  // while work is under way

// The connection's settings in force, from the status the page has read: saved by the console
// in the state (or in the status file while lpsync run runs), else the config's.
Settings settings_in_force(const live::LiveConfig& config, const live::StatusRead& status);

// GET /connection?name=N[&command=ID]
Response connection_page(const PageContext& c, const QueryParams& query);
// POST /import-order (name, number) and /import-products (name).
Response import_action(const PageContext& c, const QueryParams& form, bool one_order);
// GET /settings?name=N[&command=ID] and POST /settings (name, the settings fields).
Response settings_page(const PageContext& c, const QueryParams& query);
Response settings_action(const PageContext& c, const QueryParams& form);

// GET /story?name=N&order=NUMBER (or &sku=SKU): the whole story of one order or SKU, as
// `lpsync explain` tells it (from the state, or asked of the running run).
Response story_page(const PageContext& c, const QueryParams& query);

// The hidden CSRF field of every form.
std::string csrf_field(const std::string& token);
// An error page.
Response plain(int status, const std::string& text);

}  // namespace lpsync::console
