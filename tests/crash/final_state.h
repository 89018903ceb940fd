// What a run leaves behind, as sorted lines of text that compare and diff well: the Picqer
// orders (by reference) and products (by productcode, with images and stock), the shop's
// stock levels, shipments and webhooks, and the engine's durable state (links, held list,
// shipment pushes, bulk import, leftover intents). Ids the fakes hand out are replaced by
// the references and productcodes they stand for, so two runs that did the same things in
// a different order compare equal.
#pragma once

#include <string>
#include <vector>

#include "tools/sim/world.h"

namespace lpsync::crash {

std::vector<std::string> final_state(sim::World& world);

// Property 4 (at most once): no Lightspeed order reference with two Picqer orders, no
// productcode with two Picqer products, no shop shipment with two accepted PUTs, no webhook
// registered twice. One line per violation.
std::vector<std::string> at_most_once_violations(sim::World& world);

// The lines only in `expected` ("- ...") and only in `actual` ("+ ..."); "" when equal.
std::string diff(const std::vector<std::string>& expected, const std::vector<std::string>& actual);

}  // namespace lpsync::crash
