// The built-in demo: a small gift shop (50 products, 68 variants; one SKU used twice by
// mistake, one variant without a SKU), a Picqer account that already holds 12 of the
// products, and a simulated day: the merchant activates the connection and presses
// "Import products", customers order through the day (paid, unpaid, cash on delivery, one
// paid late, one cancelled), the warehouse ships, a delivery arrives, and at noon the
// merchant switches on stock and shipment updates.
#pragma once

#include "tools/scenario/scenario.h"

namespace lpsync::demo {

scenario::Scenario demo_scenario();

// Variant id -> SKU and title (product title, plus the variant's when there are several).
struct DemoCatalogue {
  std::map<int64_t, std::string> sku_of_variant;
  std::map<int64_t, std::string> title_of_variant;
};
DemoCatalogue demo_catalogue(const scenario::Scenario& s);

}  // namespace lpsync::demo
