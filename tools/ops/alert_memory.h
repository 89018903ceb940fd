// The alert rules' memory (when each cause was last alerted, alert_rules.h) as the state keeps
// it between runs: a JSON object under the state's value kAlertMemoryKey, {"cause:subject":
// "2026-11-02T09:14:37.000Z", ...}. Holds order numbers, topics and API names: no secret.
#pragma once

#include <map>
#include <string>

#include "engine/env/time.h"

namespace lpsync::ops {

inline constexpr char kAlertMemoryKey[] = "alerts.sent";

std::string alert_memory_json(const std::map<std::string, Instant>& sent);
// What can be read of `text` (a damaged entry or document is left out: it alerts again).
std::map<std::string, Instant> parse_alert_memory(const std::string& text);

}  // namespace lpsync::ops
