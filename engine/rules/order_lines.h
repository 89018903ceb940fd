// Step 4 of section 2: every line of an order must resolve to a Picqer product, or the
// whole order is held with the first failing line's reason. These are the decisions that
// need no I/O; finding or creating the Picqer products is the importer's part.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/lightspeed.h"
#include "engine/rules/reasons.h"
#include "engine/rules/sku_index.h"

namespace lpsync {

struct LineNeed {
  int64_t variant_id = 0;
  std::string sku;  // unique, trimmed
  int64_t quantity = 0;
  double unit_price_excl = 0;  // Picqer's `price` is per unit
  std::optional<double> tax_rate;  // the line's Lightspeed taxRate: the VAT group of a created product
};

struct LineClassification {
  std::optional<HeldReason> held;         // the first failing line's reason
  std::vector<int64_t> unknown_variants;  // variants to read before deciding (not in the index)
  std::vector<LineNeed> needs;            // one per line when nothing is held or unknown
};

// Classifies every line against the SKU index. When some variants are unknown to the index
// the caller reads them, adds them and classifies again.
LineClassification classify_lines(const std::vector<ls::OrderLine>& lines, const SkuIndex& index);

// For an order held for duplicate_sku: the first line's SKU that other variants share, and
// every variant with it (sorted by id, at most kMaxSharing); nullopt when no line's is shared.
struct SharedSku {
  static constexpr size_t kMaxSharing = 20;
  std::string sku;
  std::vector<int64_t> variants;
};
std::optional<SharedSku> shared_sku_of(const std::vector<ls::OrderLine>& lines, const SkuIndex& index);

// Adds each line's quantity to its variant's total (lines without a variant hold nothing):
// the open and pending quantities of sections 3 and 4.
void add_line_quantities(const std::vector<ls::OrderLine>& lines, std::map<int64_t, int64_t>& by_variant);

// The price of one unit excl. VAT: basePriceExcl, or else the line total divided by the
// quantity (rounded to 4 decimals, as Lightspeed rounds prices).
double unit_price_excl(const ls::OrderLine& line);

// The reason to hold an order whose product `sku` is not in Picqer, or nullopt when the
// engine may create it.
inline std::optional<HeldReason> missing_product_decision(bool import_products) {
  if (import_products) return std::nullopt;
  return HeldReason::product_not_in_picqer;
}

}  // namespace lpsync
