// Section 4's last bullet with section 11: when several shops share one Picqer account,
// pending(v) counts the not-yet-imported orders of every one of those shops that sells v.
// The shops' variants meet at the Picqer product, so each connection's pending quantities
// are shared keyed by productcode (the SKU that links a variant to its Picqer product,
// section 3), and each reads the others' back onto its own linked variants.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "engine/rules/sku_index.h"

namespace lpsync {

// Quantities by productcode.
using PendingByCode = std::map<std::string, int64_t>;

// The productcode a variant's pending counts under for the other shops: its link's
// productcode when linked (that is the Picqer product its orders will take stock from),
// else its unique SKU (the productcode it links to or is created under, section 3), else
// none (a missing or shared SKU never reaches a Picqer product, so no other shop sells it).
std::optional<std::string> pending_productcode(const std::optional<std::string>& link_productcode, const SkuIndex& skus,
                                               int64_t variant_id);

// This connection's pending by productcode: `by_variant` summed over `productcode_of`
// (variants without a productcode are left out; quantities of 0 or less are not shared).
PendingByCode pending_by_productcode(const std::map<int64_t, int64_t>& by_variant,
                                     const std::map<int64_t, std::string>& productcode_of);

// The productcodes whose other-shop pending this connection needs: those of its links.
std::set<std::string> productcodes_of(const std::map<int64_t, std::string>& linked);

// The other shops' pending (`others`, by productcode) for each linked variant (`linked`:
// variant -> productcode); variants whose productcode has none are left out.
std::map<int64_t, int64_t> others_pending_by_variant(const std::map<int64_t, std::string>& linked,
                                                     const PendingByCode& others);

// Section 4 on a shared account: desired(v) = max(0, free(v) - (own pending(v) + the other
// shops' pending of v's productcode)).
int64_t desired_stock_shared(int64_t free, int64_t own_pending, int64_t others_pending);

// The variants whose quantity differs between two maps (a missing entry counts as 0), sorted.
std::set<int64_t> quantities_changed(const std::map<int64_t, int64_t>& before, const std::map<int64_t, int64_t>& after);

}  // namespace lpsync
