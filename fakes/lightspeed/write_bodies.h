// Reading the bodies of API writes: {"variant":{...}}, {"order":{...}}, {"shipment":{...}},
// {"webhook":{...}}. Malformed JSON, a body that is not {"<root>":{...}} -> 400. A field
// of the wrong JSON type, a read-only field (one the resource shows but cannot be
// written, e.g. a variant's `id` or an order's `number`), an unknown field or a value
// outside its enum -> 422 naming the field.
#pragma once

#include <boost/json.hpp>

#include <span>
#include <string>
#include <vector>

#include "fakes/lightspeed/api_call.h"
#include "fakes/lightspeed/model.h"
#include "fakes/lightspeed/specs.h"

namespace lpsync::fakes::lightspeed {

// `current` is the resource as GET shows it: its keys are the known fields.
Result<VariantPatch> variant_patch_from(const std::string& body, const boost::json::object& current);
Result<OrderPatch> order_patch_from(const std::string& body, const boost::json::object& current,
                                    bool status_writable);
Result<ShipmentPatch> shipment_patch_from(const std::string& body, const boost::json::object& current);

// Creates (`base` empty, itemGroup/itemAction/address required) or updates `base`.
Result<Webhook> webhook_from(const std::string& body, Webhook base, bool create,
                             const std::vector<std::string>& languages);

}  // namespace lpsync::fakes::lightspeed
