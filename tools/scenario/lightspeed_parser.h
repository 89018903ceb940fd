// Reads the Lightspeed objects of a scenario file: the initial `lightspeed` state, and the
// products, orders and patches that timeline events and expectations carry. Times are
// resolved against `start`. Throws json::Error (see strict_reader.h).
#pragma once

#include "tools/scenario/lightspeed_objects.h"
#include "tools/scenario/scenario.h"
#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {

inline constexpr std::array<std::string_view, 9> kVariantKeys = {
    "id", "title", "sku", "ean", "articleCode", "priceExcl", "priceIncl", "stockLevel", "stockTracking"};
inline constexpr std::array<std::string_view, 17> kOrderKeys = {
    "id",     "number", "createdAt", "updatedAt", "status",  "paymentStatus", "shipmentStatus",
    "shipmentIsCashOnDelivery", "paymentIsPost", "shipmentIsPickup", "shipmentMethodId", "comment",
    "email", "firstname", "lastname", "address", "lines"};

VariantPatch read_variant_patch(const Reader& r);
LightspeedProduct read_lightspeed_product(const Reader& r);

// The fields of an order object; `extra_keys` are allowed beside kOrderKeys and left to the
// caller (the `lightspeed.orders` expectation adds "trackingCode").
OrderPatch read_order_patch(const Reader& r, Instant start, Words extra_keys = {});
// A whole order: `createdAt` defaults to `now`; `updatedAt` to `updated_default` when given,
// else to createdAt; `number` to "ORD" + the id in five digits.
LightspeedOrder read_lightspeed_order(const Reader& r, Instant start, Instant now,
                                      std::optional<Instant> updated_default);

LightspeedState read_lightspeed_state(const Reader& r, Instant start);

}  // namespace lpsync::scenario
