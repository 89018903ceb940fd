// Reads `expect`: every expectation key of the spec, each optional. Entries of the
// set-like lists (picqer.orders by reference, held by order, ...) must not repeat.
// Throws json::Error.
#pragma once

#include "tools/scenario/expectations.h"
#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {

inline constexpr std::array<std::string_view, 14> kExpectationKeys = {
    "picqer.orders",      "picqer.orders_count",  "picqer.products",      "picqer.products_count",
    "lightspeed.variants", "lightspeed.orders",   "lightspeed.writes",    "lightspeed.writes_max",
    "picqer.requests_max", "lightspeed.requests_max", "held",             "needs_person",
    "skipped_variants",    "by_hand"};

Expectations read_expectations(const Reader& r, Instant start);

}  // namespace lpsync::scenario
