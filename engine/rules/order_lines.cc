#include "engine/rules/order_lines.h"

#include <cmath>

namespace lpsync {

void add_line_quantities(const std::vector<ls::OrderLine>& lines, std::map<int64_t, int64_t>& by_variant) {
  for (const auto& line : lines) {
    if (line.variant_id) by_variant[*line.variant_id] += line.quantity;
  }
}

double unit_price_excl(const ls::OrderLine& line) {
  if (line.base_price_excl) return *line.base_price_excl;
  if (line.quantity <= 0) return line.price_excl;
  return std::round(line.price_excl / static_cast<double>(line.quantity) * 10000.0) / 10000.0;
}

std::optional<SharedSku> shared_sku_of(const std::vector<ls::OrderLine>& lines, const SkuIndex& index) {
  for (const auto& line : lines) {
    if (!line.variant_id || !index.knows(*line.variant_id)) continue;
    SkuStatus s = index.status(*line.variant_id);
    if (s.problem != SkuProblem::duplicate_sku) continue;
    SharedSku out{s.sku, index.variants_with(s.sku)};
    if (out.variants.size() > SharedSku::kMaxSharing) out.variants.resize(SharedSku::kMaxSharing);
    return out;
  }
  return std::nullopt;
}

LineClassification classify_lines(const std::vector<ls::OrderLine>& lines, const SkuIndex& index) {
  LineClassification out;
  for (const auto& line : lines) {
    if (!line.variant_id) {
      if (!out.held && out.unknown_variants.empty()) out.held = HeldReason::missing_variant;
      continue;
    }
    if (!index.knows(*line.variant_id)) {
      out.unknown_variants.push_back(*line.variant_id);
      continue;
    }
    SkuStatus s = index.status(*line.variant_id);
    if (s.problem) {
      if (!out.held && out.unknown_variants.empty()) out.held = held_reason_for(*s.problem);
      continue;
    }
    out.needs.push_back({*line.variant_id, s.sku, line.quantity, unit_price_excl(line), line.tax_rate});
  }
  // A reason is final when every earlier line is known (it was only set then); otherwise
  // the unknown variants are read first.
  if (out.held) out.unknown_variants.clear();
  if (out.held || !out.unknown_variants.empty()) out.needs.clear();
  return out;
}

}  // namespace lpsync
