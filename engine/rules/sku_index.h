// Section 3's SKU rules: a variant's SKU is its `sku` trimmed of white space; it is unique
// when no other variant of the shop has the same SKU (exact, case-sensitive). The index
// holds every variant it was told about and answers in O(log n).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rules/reasons.h"

namespace lpsync {

std::string trim_sku(std::string_view raw);

struct SkuStatus {
  std::optional<SkuProblem> problem;  // nullopt: the SKU is unique
  std::string sku;                    // trimmed
};

class SkuIndex {
 public:
  // Adds the variant or changes its SKU.
  void put(int64_t variant_id, std::string_view raw_sku);
  void remove(int64_t variant_id);
  void clear();

  bool knows(int64_t variant_id) const { return sku_of_.count(variant_id) > 0; }
  // The variant's trimmed SKU and whether it is usable. The variant must be known.
  SkuStatus status(int64_t variant_id) const;
  // The variant that uniquely holds `sku`, if exactly one does.
  std::optional<int64_t> unique_variant(std::string_view sku) const;
  // Every variant with this trimmed SKU (sorted by id).
  std::vector<int64_t> variants_with(std::string_view sku) const;
  // All variant ids, sorted.
  std::vector<int64_t> variant_ids() const;
  size_t size() const { return sku_of_.size(); }

 private:
  std::map<int64_t, std::string> sku_of_;
  std::map<std::string, std::set<int64_t>, std::less<>> holders_;
};

}  // namespace lpsync
