// Reads settings keys (sync-rules.md section 1) for the top-level `settings` and the
// `engine.settings` action; each value is checked with lpsync::validate. Throws json::Error.
#pragma once

#include "tools/scenario/settings_patch.h"
#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {

SettingsPatch read_settings_patch(const Reader& r);

}  // namespace lpsync::scenario
