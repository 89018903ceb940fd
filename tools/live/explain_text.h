// `lpsync explain`: the whole story of one order or one SKU (sync-rules section 12), from the
// decision log and what the state holds now, in the words the report and status use
// (attention_text.h), with what a person can do now. Pure: reads the store, the caller gives
// the time. The document holds no secret and no personal data beyond the order number: the
// log keeps only allow-listed fields (engine/core/decision_recorder.h).
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/state/state_store.h"

namespace lpsync::live {

// One decision in plain words, e.g. "held: a line's variant shares its SKU with another variant".
std::string decision_text(const std::string& what, const boost::json::object& fields);

// The story as a document: "subject" ("order" or "sku"), "key", "known", "decisions" (each
// "at", "what", "text", "fields"), "now" (what the engine knows now, as lines) and "can_do".
boost::json::object order_story(const StateStore& store, const std::string& number, Instant now);
boost::json::object sku_story(const StateStore& store, const std::string& sku, Instant now);

std::string story_text(const boost::json::object& story);

}  // namespace lpsync::live
