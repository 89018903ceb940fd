// Replacing a connection's keys from its Settings page (issue 19): a key is never shown, only
// said to be set (or which environment variable holds it) and replaceable. New keys are
// checked as in the wizard (a live read of both systems) before the config file is rewritten.
#pragma once

#include <string>

#include "engine/env/http.h"
#include "tools/console/connection_pages.h"

namespace lpsync::console {

// The Keys section of the Settings page, from the stored config.
std::string keys_section(const PageContext& c, const std::string& name);
// POST /keys (name, lightspeed_key, lightspeed_secret, picqer_key: empty keeps the key).
Response keys_action(const PageContext& c, const QueryParams& form, Transport& http);

}  // namespace lpsync::console
