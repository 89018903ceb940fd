// Reading Lightspeed's JSON into the engine's model. Lightspeed types loosely (`false` for
// empty objects, numbers as strings, "" for empty numbers), so fields are read leniently;
// what cannot be read throws json::Error naming the JSON path.
#pragma once

#include "engine/env/json.h"
#include "engine/model/lightspeed.h"

namespace lpsync::ls {

Order read_order(const json::Reader& r);
OrderLine read_order_line(const json::Reader& r);
Variant read_variant(const json::Reader& r);
Product read_product(const json::Reader& r);
Image read_image(const json::Reader& r);
Shipment read_shipment(const json::Reader& r);
Webhook read_webhook(const json::Reader& r);

// The id inside a resource reference {"resource":{"id":..}}; nullopt for `false`.
std::optional<int64_t> read_resource_id(const json::Reader& r);
Instant read_time(const json::Reader& r);

}  // namespace lpsync::ls
