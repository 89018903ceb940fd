// The enumerated values the fake accepts, from the reference (§4.1, §5.3, §5.6, §6.1).
// A write with any other value is refused with 422 and the list of allowed values.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace lpsync::fakes::lightspeed {

using Enum = std::span<const std::string_view>;

// The current set of 9 order statuses (S13, S15). The older SEOshop ones are refused.
inline constexpr std::string_view kOrderStatuses[] = {
    "on_hold", "processing_awaiting_payment", "processing_awaiting_shipment",
    "processing_awaiting_pickup", "processing_ready_for_pickup", "completed",
    "completed_shipped", "completed_picked_up", "cancelled"};
// The current ones plus the older SEOshop-era ones (reference §5.3: whether they still occur is
// UNCONFIRMED). A shop may hold them (simulator actions); API writes may not set them.
inline constexpr std::string_view kOrderStatusesWithLegacy[] = {
    "on_hold", "processing_awaiting_payment", "processing_awaiting_shipment",
    "processing_awaiting_pickup", "processing_ready_for_pickup", "completed",
    "completed_shipped", "completed_picked_up", "cancelled", "new", "offer", "processing",
    "processing_partially_paid", "processing_partially_shipped", "processing_partially_picked_up"};
inline constexpr std::string_view kPaymentStatuses[] = {"not_paid", "partially_paid", "paid", "cancelled"};
inline constexpr std::string_view kOrderShipmentStatuses[] = {"not_shipped", "partially_shipped", "shipped",
                                                              "cancelled"};
// Shipment object statuses: only not_shipped and shipped are confirmed; cancelled is our choice.
inline constexpr std::string_view kShipmentStatuses[] = {"not_shipped", "shipped", "cancelled"};
inline constexpr std::string_view kStockTracking[] = {"disabled", "enabled", "indicator"};
// Webhook groups of the docs (S4); "returns" and "contacts" (S13-S15 only) are refused.
inline constexpr std::string_view kWebhookGroups[] = {"customers", "invoices", "orders",   "products",
                                                      "quotes",    "reviews",  "shipments", "subscriptions",
                                                      "tickets",   "variants"};
inline constexpr std::string_view kWebhookActions[] = {"*", "created", "updated", "deleted", "paid", "shipped",
                                                       "answered"};

bool is_one_of(Enum values, std::string_view value);
// "a, b or c" for error messages.
std::string describe(Enum values);

}  // namespace lpsync::fakes::lightspeed
