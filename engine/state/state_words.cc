#include "engine/state/state_words.h"

namespace lpsync {

std::string_view to_string(IntentKind kind) {
  switch (kind) {
    case IntentKind::create_order: return "create_order";
    case IntentKind::create_product: return "create_product";
    case IntentKind::push_shipment: return "push_shipment";
  }
  return "?";
}

std::optional<IntentKind> parse_intent_kind(std::string_view text) {
  for (IntentKind k : {IntentKind::create_order, IntentKind::create_product, IntentKind::push_shipment}) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view to_string(DecisionSubject kind) { return kind == DecisionSubject::order ? "order" : "sku"; }

}  // namespace lpsync
