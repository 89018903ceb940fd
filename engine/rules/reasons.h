// Why an order is not imported, or a variant not linked: the words the report shows.
#pragma once

#include <optional>
#include <string_view>

namespace lpsync {

enum class HeldReason {
  cancelled,              // status or payment status cancelled
  shipped,                // already (partly) shipped or completed in the shop
  on_hold,                // the shop put it on hold
  unknown_status,         // a status that does not start with processing_
  not_paid,               // filter "paid": not paid yet
  not_eligible_to_ship,   // filter "eligible_to_ship": not paid, not cash on delivery, not pay-after-delivery
  missing_variant,        // an order line without a variant
  missing_sku,            // a line's variant has an empty SKU
  duplicate_sku,          // a line's variant shares its SKU with another variant
  product_not_in_picqer,  // a line's product is not in Picqer and import_products is off
};
std::string_view to_string(HeldReason r);
std::optional<HeldReason> parse_held_reason(std::string_view text);

// Why a variant cannot be linked or imported.
enum class SkuProblem { missing_sku, duplicate_sku };
std::string_view to_string(SkuProblem p);
std::optional<SkuProblem> parse_sku_problem(std::string_view text);
HeldReason held_reason_for(SkuProblem p);

}  // namespace lpsync
