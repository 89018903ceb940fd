// The words the state database stores for the engine's enums (the same words the report
// and the trace use), and back.
#pragma once

#include <optional>
#include <string_view>

#include "engine/state/state_store.h"

namespace lpsync {

std::string_view to_string(IntentKind kind);
std::optional<IntentKind> parse_intent_kind(std::string_view text);
// "order", "sku".
std::string_view to_string(DecisionSubject kind);

}  // namespace lpsync
