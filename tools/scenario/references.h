// The checks no single part of a file can make alone: ids that must be unique across the
// initial state and the timeline's creations, and names (order ids and numbers, variant ids,
// productcodes, warehouses) that updates, stock changes, shipments, settings and
// expectations use, which must exist by then (timeline in time order). Throws json::Error
// at the JSON path of the offending value.
#pragma once

#include "tools/scenario/scenario.h"

namespace lpsync::scenario {

void check_references(const Scenario& scenario);

}  // namespace lpsync::scenario
